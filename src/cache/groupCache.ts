// The merge's cache of whole groups, in ledgers/.cache/ (safe to delete): for each group, what
// it contributed last time (groups/<id>.json) and where its records' text sits in the ledger
// files just written (chunks.json). A group whose record files and context hash to the same
// key is taken as it was: its chunks are cut from the current ledger files (checked against
// their hashes) instead of parsing, checking and writing out its records again. The alike
// clustering of the duplicate check is kept too (duplicates.json), so only what changed is redone.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { removeAllBut, writeFileAtomic } from '../write/fsAtomic.js';
import { sha256 } from '../util/hash.js';
import { randomUUID } from 'node:crypto';
import { CACHE_DIR, pieceNames, readPiece } from './ledgerCopies.js';
import { LEDGER_FILES, type LedgerRecord } from '../model/ledgers.js';
import { kindCode, RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import { textHash, type DuplicateMemo, type MemoBlock } from '../check/likelyDuplicates.js';
import { RACY_MS, versionKey } from './fileCache.js';
import type { ChunkRanges, LedgerFile } from '../build/assembleLedgers.js';
import { pieceName, type Chunks, type GroupOutput, type PreviousPieces } from '../build/groupOutput.js';

const GROUPS = 'groups';
const INDEX = 'chunks.json';
const MEMO = 'duplicates.json';
const MEMO_TEXTS = 'duplicates';

interface Index {
  key: string;
  /**
   * Per ledger file: its hash, its size, mtime and inode as written (a file that still shows
   * these is not hashed again), and where each group's chunk sits in it.
   */
  files: Record<string, { sha256: string; size: number; mtimeMs: number; ino: number; ranges: ChunkRanges[string] }>;
}

/** The key of a group's output: tool and schemas, group context, and its record files' hashes. */
export function groupKey(ctxKey: string, hashes: readonly [string, string][]): string {
  return sha256(JSON.stringify([versionKey(), ctxKey, hashes]));
}

// Normalized opinion texts (8 MB of Chinese for 100,000 records) are kept beside the JSON in
// UTF-16: decoding them is a copy, where decoding the same text from UTF-8 takes 40 times as
// long. A random id shared by the two files tells a torn pair.
function writeWithTexts(file: string, value: object, texts: string): void {
  const id = randomUUID();
  writeFileAtomic(`${file}.texts`, Buffer.from(`${id}\n${texts}`, 'utf16le'));
  writeFileAtomic(file, JSON.stringify({ ...value, texts: id }));
}

function readWithTexts(file: string): { value: Record<string, unknown>; texts: string } | undefined {
  const value = readJson(file) as Record<string, unknown> | undefined;
  if (!value || typeof value.texts !== 'string') return undefined;
  try {
    const raw = readFileSync(`${file}.texts`).toString('utf16le');
    const nl = raw.indexOf('\n');
    return nl > 0 && raw.slice(0, nl) === value.texts ? { value, texts: raw.slice(nl + 1) } : undefined;
  } catch {
    return undefined;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A memo block's distinct texts, when its file is there whole (null: it is not; the block is clustered afresh). */
function readTexts(file: string, count: number): readonly string[] | null {
  try {
    const raw = readFileSync(file).toString('utf16le');
    const norms = raw === '' ? [] : raw.split('\n');
    return norms.length === count ? norms : null;
  } catch {
    return null;
  }
}

/** Values per opinion row: id, file, line, column, source, hash of the text. */
const ROW = 6;

/** Values per register-number row: id, file, kind, line, and the value's line, column and text. */
const REF_ROW = 7;

/** What the read stage knew of a group's files when its piece was built: their stat key and hashes. */
export interface GroupRead {
  statKey: string;
  /** sha256 of the group's input files by campaign-relative path. */
  inputs: Record<string, string>;
}

/**
 * A group's output on disk: its opinions and register numbers by column (no repeated keys, texts
 * in one string), and what its files were (`at`: when that was recorded).
 */
type StoredOutput = Omit<GroupOutput, 'opinions' | 'refNos'> & {
  opinions: { files: string[]; sources: string[]; rows: (string | number)[] };
  refNos: { files: string[]; rows: (string | number)[] };
  read?: GroupRead & { at: number };
};

function isRead(read: unknown): read is GroupRead & { at: number } {
  const r = read as Partial<GroupRead & { at: number }> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.statKey === 'string' &&
    typeof r.at === 'number' &&
    typeof r.inputs === 'object' &&
    r.inputs !== null &&
    Object.values(r.inputs).every((h) => typeof h === 'string')
  );
}

function packRefs(refs: GroupOutput['refNos']): StoredOutput['refNos'] {
  const files = new Map<string, number>();
  const rows: (string | number)[] = [];
  for (const r of refs) {
    const f = files.get(r.file) ?? (files.set(r.file, files.size), files.size - 1);
    rows.push(r.id, f, r.kind, r.line, r.at.line, r.at.column, r.value);
  }
  return { files: [...files.keys()], rows };
}

function unpackRefs(group: string, stored: StoredOutput['refNos'] | undefined): GroupOutput['refNos'] | null {
  if (!stored || !Array.isArray(stored.files) || !Array.isArray(stored.rows) || stored.rows.length % REF_ROW !== 0) return null;
  const out: GroupOutput['refNos'] = [];
  const rows = stored.rows;
  for (let k = 0; k < rows.length; k += REF_ROW) {
    const file = stored.files[rows[k + 1] as number];
    const kind = kindCode(rows[k + 2]);
    if (typeof file !== 'string' || !kind || typeof rows[k + 6] !== 'string') return null;
    out.push({
      group,
      id: String(rows[k]),
      kind,
      file,
      line: rows[k + 3] as number,
      at: { line: rows[k + 4] as number, column: rows[k + 5] as number },
      value: rows[k + 6] as string,
    });
  }
  return out;
}

function toStored(o: GroupOutput): { stored: StoredOutput; texts: string } {
  const files = new Map<string, number>();
  const sources = new Map<string, number>();
  const index = (m: Map<string, number>, v: string) => m.get(v) ?? (m.set(v, m.size), m.size - 1);
  const rows: (string | number)[] = [];
  for (const r of o.opinions) rows.push(r.id, index(files, r.file), r.line, r.column, index(sources, r.source), r.hash ?? textHash(r.norm));
  return {
    stored: { ...o, opinions: { files: [...files.keys()], sources: [...sources.keys()], rows }, refNos: packRefs(o.refNos) },
    texts: o.opinions.map((r) => r.norm).join('\n'),
  };
}

function fromStored(s: StoredOutput, norms: string): GroupOutput | null {
  const { files, sources, rows } = s.opinions ?? {};
  const refNos = unpackRefs(s.id, s.refNos);
  if (!refNos || typeof s.textKeys !== 'object' || s.textKeys === null) return null;
  if (!Array.isArray(files) || !Array.isArray(sources) || !Array.isArray(rows) || rows.length % ROW !== 0) return null;
  const texts = rows.length ? norms.split('\n') : [];
  if (texts.length !== rows.length / ROW) return null;
  const opinions: GroupOutput['opinions'] = [];
  for (let k = 0; k < rows.length; k += ROW) {
    const file = files[rows[k + 1] as number];
    const source = sources[rows[k + 4] as number];
    const norm = texts[k / ROW] as string;
    const hash = rows[k + 5];
    if (typeof file !== 'string' || typeof source !== 'string' || !Number.isInteger(hash)) return null;
    opinions.push({
      group: s.id,
      id: String(rows[k]),
      file,
      line: rows[k + 2] as number,
      column: rows[k + 3] as number,
      source,
      norm,
      hash: hash as number,
    });
  }
  const { texts: _t, read: _r, ...rest } = s as StoredOutput & { texts?: string };
  return { ...rest, opinions, refNos };
}

/** Followers' triples (text, leader, similarity) in text order: each leader comes before its follower and leads itself. */
function isClustering(links: unknown, count: number): boolean {
  if (!Array.isArray(links) || links.length % 3 !== 0) return false;
  const follows = new Set<number>();
  let last = -1;
  for (let i = 0; i < links.length; i += 3) {
    const [k, l, s] = [links[i] as unknown, links[i + 1] as unknown, links[i + 2] as unknown];
    if (!Number.isInteger(k) || !Number.isInteger(l) || typeof s !== 'number' || !(s > 0 && s <= 1)) return false;
    if ((k as number) <= last || (k as number) >= count || (l as number) < 0 || (l as number) >= (k as number) || follows.has(l as number))
      return false;
    follows.add(k as number);
    last = k as number;
  }
  return true;
}

export class GroupCache {
  private readonly dir: string;
  private readonly index: Index | undefined;
  private readonly files = new Map<string, { yaml: Buffer } | null>();
  /** Each kind of source's block as read from the memo, its texts file's id, and its texts once read. */
  private readonly memoBlocks = new Map<string, { id: string; block: MemoBlock; norms?: readonly string[] | null }>();
  /** Groups taken from the cache this run (their output file is still right), with the stat key it holds. */
  private readonly taken = new Map<string, string | undefined>();
  private readonly released = new Set<string>();
  private readonly previousById = new Map<string, PreviousPieces | undefined>();
  /** The JSON-copy pieces on disk, listed once. */
  private pieces: Set<string> | undefined;

  private constructor(private readonly ledgersDir: string) {
    this.dir = path.join(ledgersDir, CACHE_DIR);
    const index = readJson(path.join(this.dir, INDEX)) as Index | undefined;
    this.index = index && index.key === versionKey() && typeof index.files === 'object' ? index : undefined;
  }

  static load(ledgersDir: string): GroupCache {
    return new GroupCache(ledgersDir);
  }

  /** The last run's clustering of the duplicate check, when it is well-formed. */
  memo(): DuplicateMemo | undefined {
    // Per kind of source: its key, followers (text, leader, similarity) and repeated texts in
    // duplicates.json, its texts in a UTF-16 file of their own (duplicates/<id>.texts), read
    // only if the kind's texts changed, so a merge reads and rewrites only the kinds that did.
    const file = readJson(path.join(this.dir, MEMO)) as
      | {
          key?: string;
          threshold?: unknown;
          blocks?: Record<string, { texts?: unknown; count?: unknown; links?: unknown; key?: unknown; repeats?: unknown }>;
        }
      | undefined;
    if (!file || file.key !== versionKey() || typeof file.threshold !== 'number' || typeof file.blocks !== 'object' || file.blocks === null)
      return undefined;
    const memo: DuplicateMemo = { threshold: file.threshold, blocks: {} };
    for (const [source, block] of Object.entries(file.blocks)) {
      const { texts, count, key, repeats } = block;
      if (
        typeof texts !== 'string' ||
        !/^[0-9a-f-]{36}$/.test(texts) ||
        typeof key !== 'string' ||
        !Number.isInteger(count) ||
        !isClustering(block.links, count as number) ||
        !Array.isArray(repeats) ||
        repeats.length % 2 !== 0 ||
        !repeats.every((n) => Number.isInteger(n))
      )
        return undefined;
      const file = path.join(this.dir, MEMO_TEXTS, `${texts}.texts`);
      const entry: { id: string; block: MemoBlock; norms?: readonly string[] | null } = {
        id: texts,
        block: {
          key,
          count: count as number,
          links: block.links as number[],
          repeats: repeats as number[],
          get norms() {
            if (entry.norms === undefined) entry.norms = readTexts(file, count as number);
            return entry.norms;
          },
        },
      };
      memo.blocks[source] = entry.block;
      this.memoBlocks.set(source, entry);
    }
    return memo;
  }

  /** The ledger file as last written, or null when it is not that any more. */
  private ledger(name: string): { yaml: Buffer } | null {
    let got = this.files.get(name);
    if (got !== undefined) return got;
    got = null;
    const meta = this.index?.files[name];
    try {
      if (meta) {
        const file = path.join(this.ledgersDir, name);
        const st = statSync(file);
        const yaml = readFileSync(file);
        const unchanged = st.size === meta.size && st.mtimeMs === meta.mtimeMs && st.ino === meta.ino;
        if (unchanged || sha256(yaml) === meta.sha256) got = { yaml };
      }
    } catch {
      got = null;
    }
    this.files.set(name, got);
    return got;
  }

  /** The ledger files chunks were cut from, with their hashes (for a merge to leave unchanged ones be). */
  previous(): Map<string, { bytes: Buffer; sha256: string }> {
    const out = new Map<string, { bytes: Buffer; sha256: string }>();
    for (const [name, got] of this.files) {
      const meta = this.index?.files[name];
      if (got && meta) out.set(name, { bytes: got.yaml, sha256: meta.sha256 });
    }
    return out;
  }

  /**
   * The group's records as the last merge wrote them, by kind, from its verified JSON-copy
   * pieces; undefined when the cache cannot say (then the ledgers themselves are read).
   */
  previousRecords(id: string): { kind: RecordKind; records: LedgerRecord[] }[] | undefined {
    const got = this.previousPieces(id);
    try {
      return (
        got && RECORD_KINDS.flatMap((kind) => (got[kind] ? [{ kind, records: JSON.parse(`[${got[kind].json}]`) as LedgerRecord[] }] : []))
      );
    } catch {
      return undefined;
    }
  }

  /**
   * The group's chunks as the last merge wrote them: per kind, its records (from the verified
   * JSON-copy piece) and their YAML (cut from the ledger file, itself checked): a group built
   * again reuses the YAML of the records that did not change. Read once per run.
   */
  previousPieces(id: string): PreviousPieces | undefined {
    if (this.previousById.has(id)) return this.previousById.get(id);
    const got = this.readPreviousPieces(id);
    this.previousById.set(id, got);
    return got;
  }

  private readPreviousPieces(id: string): PreviousPieces | undefined {
    if (!this.index) return undefined;
    const stored = readJson(path.join(this.dir, GROUPS, `${id}.json`)) as StoredOutput | undefined;
    if (!stored || stored.id !== id || typeof stored.key !== 'string' || typeof stored.counts !== 'object') return undefined;
    const out: PreviousPieces = {};
    for (const kind of RECORD_KINDS) {
      if (!stored.counts[kind]) continue;
      const hash = stored.pieces?.[kind];
      const json = typeof hash === 'string' ? readPiece(this.ledgersDir, pieceName(kind, stored.key), hash) : undefined;
      if (json === undefined) return undefined;
      const range = this.index.files[LEDGER_FILES[kind]]?.ranges[id];
      const file = range ? this.ledger(LEDGER_FILES[kind]) : null;
      const yaml = range && file && range[0] + range[1] <= file.yaml.length ? file.yaml.subarray(range[0], range[0] + range[1]) : null;
      out[kind] = { json, yaml };
    }
    return out;
  }

  /** The group's output and chunks from the last merge, when built from this very key. */
  take(id: string, key: string): { output: GroupOutput; chunks: Chunks } | undefined {
    const got = this.stored(id);
    return got && got.stored.key === key ? this.piece(id, got) : undefined;
  }

  /**
   * The group's piece from the last merge when its files are as they were then: the same stat
   * key (context, and every input file's path, size, mtime and inode) and none of them changed
   * so close to when that was recorded that a same-size edit in the same tick could hide. The
   * key and the input files' hashes come with it: nothing of the group needs reading or hashing.
   */
  unchanged(
    id: string,
    statKey: string,
    newestMtime: number,
  ): (GroupRead & { output: GroupOutput; chunks: Chunks; key: string }) | undefined {
    const got = this.stored(id);
    const read = got?.stored.read;
    if (!got || !read || read.statKey !== statKey || newestMtime >= read.at - RACY_MS) return undefined;
    const piece = this.piece(id, got);
    return piece && { ...piece, key: got.stored.key, statKey, inputs: read.inputs };
  }

  private stored(id: string): { stored: StoredOutput; texts: string } | undefined {
    if (!this.index) return undefined;
    const got = readWithTexts(path.join(this.dir, GROUPS, `${id}.json`));
    const stored = got?.value as StoredOutput | undefined;
    if (!got || !stored || stored.id !== id || typeof stored.key !== 'string' || typeof stored.counts !== 'object') return undefined;
    if (stored.read !== undefined && !isRead(stored.read)) return undefined;
    return { stored, texts: got.texts };
  }

  /** The stored output and its chunks cut from the ledger files (checked against their hashes). */
  private piece(id: string, got: { stored: StoredOutput; texts: string }): { output: GroupOutput; chunks: Chunks } | undefined {
    const index = this.index;
    const output = index && fromStored(got.stored, got.texts);
    if (!index || !output) return undefined;
    const chunks: Chunks = {};
    for (const kind of RECORD_KINDS) {
      if (!output.counts[kind]) continue;
      const name = LEDGER_FILES[kind];
      const range = index.files[name]?.ranges[id];
      const file = range ? this.ledger(name) : null;
      if (!range || !file) return undefined;
      const [ys, yl] = range;
      // Its piece of the JSON copy is named after the key: there, it holds these records.
      if (ys + yl > file.yaml.length || !(this.pieces ??= pieceNames(this.ledgersDir)).has(pieceName(kind, output.key))) return undefined;
      const jsonHash = output.pieces?.[kind];
      if (typeof jsonHash !== 'string') return undefined;
      chunks[kind] = { yaml: file.yaml.subarray(ys, ys + yl), json: null, jsonHash };
    }
    this.taken.set(id, got.stored.read?.statKey);
    return { output, chunks };
  }

  /**
   * A group taken from the cache but built again this run (its output must be written anew),
   * refusing records for what other groups hold: that piece is never taken by its files' stats.
   */
  release(id: string): void {
    this.taken.delete(id);
    this.released.add(id);
  }

  /** Records this merge's groups, chunk places and alike pairs. Never fails the merge. */
  save(
    outputs: readonly GroupOutput[],
    files: readonly LedgerFile[],
    ranges: ChunkRanges,
    memo: DuplicateMemo,
    reads: ReadonlyMap<string, GroupRead>,
    now: number = Date.now(),
  ): void {
    try {
      const groupsDir = path.join(this.dir, GROUPS);
      const keep = new Set(outputs.flatMap((o) => [`${o.id}.json`, `${o.id}.json.texts`]));
      for (const o of outputs) {
        const read = this.released.has(o.id) ? undefined : reads.get(o.id);
        // Taken and still right, stat key and all (a group taken by its hashes has files touched since).
        if (this.taken.has(o.id) && this.taken.get(o.id) === read?.statKey) continue;
        const { stored, texts } = toStored(o);
        const withRead: StoredOutput = read ? { ...stored, read: { statKey: read.statKey, inputs: read.inputs, at: now } } : stored;
        writeWithTexts(path.join(groupsDir, `${o.id}.json`), withRead, texts);
      }
      removeAllBut(groupsDir, keep);
      const index: Index = { key: versionKey(), files: {} };
      for (const f of files) {
        const at = ranges[f.name];
        if (!at) continue;
        const st = statSync(path.join(this.ledgersDir, f.name));
        index.files[f.name] = { sha256: f.sha256, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, ranges: at };
      }
      writeFileAtomic(path.join(this.dir, INDEX), JSON.stringify(index));
      // A kind of source whose texts are those read at the start keeps its texts file.
      const textsDir = path.join(this.dir, MEMO_TEXTS);
      const blocks: Record<string, { texts: string; count: number; links: number[]; key: string; repeats: number[] }> = {};
      for (const [source, b] of Object.entries(memo.blocks)) {
        const old = this.memoBlocks.get(source);
        // The same block, or a block with the very texts read from it (texts never read are not these).
        let id = old && (old.block === b || (old.norms && b.norms === old.norms)) ? old.id : undefined;
        if (!id) {
          id = randomUUID();
          writeFileAtomic(path.join(textsDir, `${id}.texts`), Buffer.from((b.norms ?? []).join('\n'), 'utf16le'));
        }
        blocks[source] = { texts: id, count: b.count, links: b.links, key: b.key, repeats: b.repeats };
      }
      writeFileAtomic(path.join(this.dir, MEMO), JSON.stringify({ key: versionKey(), threshold: memo.threshold, blocks }));
      removeAllBut(textsDir, new Set(Object.values(blocks).map((b) => `${b.texts}.texts`)));
    } catch {
      /* the cache only makes merging faster */
    }
  }
}
