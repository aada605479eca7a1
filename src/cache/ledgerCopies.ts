// A JSON copy of each ledger file in ledgers/.cache/, keyed by the sha256 of the YAML it mirrors.
// A general YAML parser needs 40 s and 3 GB for 100,000 records; JSON.parse needs a second. The
// YAML stays the record of truth: a copy whose key does not match the file (hand edit, older
// tool, deleted cache) is ignored and the YAML is parsed. Safe to delete at any time.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { copyHead } from '../model/serialize.js';
import { removeAllBut, writeFileAtomic } from '../write/fsAtomic.js';
import path from 'node:path';
import { sha256 as sha256Of } from '../util/hash.js';
import type { CopyPlan } from '../build/assembleLedgers.js';
import { VERSION } from '../util/version.js';

export const CACHE_DIR = '.cache';
const COPIES = 'ledgers';

const copyPath = (ledgersDir: string, name: string) => path.join(ledgersDir, CACHE_DIR, COPIES, `${name}.json`);

const PIECES = 'pieces';
const piecePath = (ledgersDir: string, name: string) => path.join(ledgersDir, CACHE_DIR, COPIES, PIECES, name);

/** A piece's text (its records' JSON, comma-separated) when its bytes hash to `sha256` (a piece edited or torn is not used). */
export function readPiece(ledgersDir: string, name: string, sha256: string): string | undefined {
  try {
    const bytes = readFileSync(piecePath(ledgersDir, name));
    return sha256Of(bytes) === sha256 ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The names of the pieces on disk (for reusing them): one listing, not a lookup per group and kind. */
export function pieceNames(ledgersDir: string): Set<string> {
  try {
    return new Set(readdirSync(path.join(ledgersDir, CACHE_DIR, COPIES, PIECES)));
  } catch {
    return new Set();
  }
}

/** Writes the JSON copies of ledger files just written; a failure here never fails the merge. */
export function writeLedgerCopies(ledgersDir: string, files: readonly { name: string; sha256: string; copy: CopyPlan }[]): void {
  try {
    const used = new Set<string>();
    for (const { name, sha256, copy } of files) {
      const file = copyPath(ledgersDir, name);
      const current = mirroring(readHead(file), sha256);
      if ('whole' in copy) {
        if (!current) writeFileAtomic(file, [Buffer.from(copyHead(sha256)), copy.whole]);
        continue;
      }
      const names = copy.pieces.map((p) => p.name);
      for (const n of names) used.add(n);
      for (const p of copy.pieces) {
        const at = piecePath(ledgersDir, p.name);
        if (p.bytes && !existsSync(at)) writeFileAtomic(at, p.bytes);
      }
      const hashes = copy.pieces.map((p) => p.sha256);
      // Unchanged ledger, and its copy lists these very pieces: the head is still right.
      if (current?.pieces?.length === names.length && current.pieces.every((n, i) => n === names[i] && current.hashes?.[i] === hashes[i]))
        continue;
      writeFileAtomic(file, copyHead(sha256, { names, hashes }));
    }
    removeAllBut(path.join(ledgersDir, CACHE_DIR, COPIES, PIECES), used);
  } catch {
    /* the copies only make reading faster */
  }
}

/** A copy's first line: the hash and tool it was made with, and its pieces if in pieces; null when unreadable. */
interface CopyHead {
  sha256?: string;
  tool?: string;
  pieces?: string[];
  /** Each piece's sha256: a piece edited, torn or swapped is not used. */
  hashes?: string[];
}

function readHead(file: string): CopyHead | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const chunks: Buffer[] = [];
    for (let pos = 0; pos < 1 << 22;) {
      const buf = Buffer.alloc(1 << 16);
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      chunks.push(buf.subarray(0, nl < 0 ? n : nl));
      if (nl >= 0) break;
      pos += n;
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as CopyHead;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The head, when it says its copy was made from the ledger text with this hash, by this tool. */
function mirroring(head: CopyHead | null, sha256: string): CopyHead | null {
  return head !== null && head.sha256 === sha256 && head.tool === VERSION ? head : null;
}

/** The data of a ledger file from its JSON copy, when the copy mirrors exactly this content. */
export function readLedgerCopy(ledgersDir: string, name: string, sha256: string): { hit: true; data: unknown } | { hit: false } {
  const file = copyPath(ledgersDir, name);
  if (!existsSync(file)) return { hit: false };
  try {
    const text = readFileSync(file, 'utf8');
    const nl = text.indexOf('\n');
    const head = mirroring(JSON.parse(text.slice(0, nl)) as CopyHead, sha256);
    if (!head) return { hit: false };
    if (!head.pieces) return { hit: true, data: JSON.parse(text.slice(nl + 1)) };
    const hashes = head.hashes;
    if (!Array.isArray(hashes) || hashes.length !== head.pieces.length) return { hit: false };
    // Piece by piece: one piece's text at a time, never the whole ledger's (export's peak memory).
    const data: unknown[] = [];
    for (let i = 0; i < head.pieces.length; i++) {
      const bytes = readFileSync(piecePath(ledgersDir, head.pieces[i]!));
      if (sha256Of(bytes) !== hashes[i]) return { hit: false };
      for (const item of JSON.parse(`[${bytes.toString('utf8')}]`) as unknown[]) data.push(item);
    }
    return { hit: true, data };
  } catch {
    // A torn copy, or a piece a merge running right now has just replaced: the YAML is read
    // instead, and the copy is left for the next merge to mend.
    return { hit: false };
  }
}
