// A JSON copy of each ledger file in ledgers/.cache/, keyed by the sha256 of the YAML it mirrors.
// A general YAML parser needs 40 s and 3 GB for 100,000 records; JSON.parse needs a second. The
// YAML stays the record of truth: a copy whose key does not match the file (hand edit, older
// tool, deleted cache) is ignored and the YAML is parsed. Safe to delete at any time.
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../fsAtomic.js';
import path from 'node:path';
import { VERSION } from '../version.js';

export const CACHE_DIR = '.cache';
const COPIES = 'ledgers';

const copyPath = (ledgersDir: string, name: string) => path.join(ledgersDir, CACHE_DIR, COPIES, `${name}.json`);

/** Writes the JSON copies of ledger files just written; a failure here never fails the merge. */
export function writeLedgerCopies(ledgersDir: string, files: readonly { name: string; sha256: string; copy: readonly Buffer[] }[]): void {
  try {
    for (const { name, sha256, copy } of files) {
      const file = copyPath(ledgersDir, name);
      if (copyMirrors(file, sha256)) continue; // unchanged ledger: its copy is still right
      writeFileAtomic(file, copy);
    }
  } catch {
    /* the copies only make reading faster */
  }
}

/** Where the JSON copy of a ledger file is kept. */
export function ledgerCopyPath(ledgersDir: string, name: string): string {
  return copyPath(ledgersDir, name);
}

/** Whether a copy's first line says it was made from the ledger text with this hash, by this tool. */
function headMatches(line: string, sha256: string): boolean {
  const head = JSON.parse(line) as { sha256?: string; tool?: string };
  return head.sha256 === sha256 && head.tool === VERSION;
}

/** Whether the copy at `file` mirrors the ledger text with this hash (reads its first line only). */
function copyMirrors(file: string, sha256: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(256);
      const n = readSync(fd, head, 0, head.length, 0);
      return headMatches(head.subarray(0, n).toString('utf8').split('\n')[0] ?? '', sha256);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The data of a ledger file from its JSON copy, when the copy mirrors exactly this content. */
export function readLedgerCopy(ledgersDir: string, name: string, sha256: string): { hit: true; data: unknown } | { hit: false } {
  const file = copyPath(ledgersDir, name);
  if (!existsSync(file)) return { hit: false };
  try {
    const text = readFileSync(file, 'utf8');
    const nl = text.indexOf('\n');
    if (!headMatches(text.slice(0, nl), sha256)) return { hit: false };
    return { hit: true, data: JSON.parse(text.slice(nl + 1)) };
  } catch {
    rmSync(file, { force: true });
    return { hit: false };
  }
}
