// The merge's cache of whole groups, in ledgers/.cache/ (safe to delete): for each group, what
// it contributed last time (groups/<id>.json) and where its records' text sits in the ledger
// files just written (chunks.json). A group whose record files and context hash to the same
// key is taken as it was: its chunks are cut from the current ledger files (checked against
// their hashes) instead of parsing, checking and writing out its records again. The alike
// pairs of the duplicate check are kept too (duplicates.json), so only new texts are compared.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fsAtomic.js';
import { sha256 } from '../hash.js';
import { CACHE_DIR, ledgerCopyPath } from '../ledgers/ledgerCache.js';
import { copyHead } from '../ledgers/serialize.js';
import { LEDGER_FILES } from '../ledgers/types.js';
import { RECORD_KINDS } from '../schema/spec.js';
import type { DuplicateMemo } from '../validate/likelyDuplicates.js';
import { versionKey } from '../validate/fileCache.js';
import type { ChunkRanges, LedgerFile } from './assembleLedgers.js';
import type { Chunks, GroupOutput } from './groupOutput.js';

const GROUPS = 'groups';
const INDEX = 'chunks.json';
const MEMO = 'duplicates.json';

interface Index {
  key: string;
  /** Per ledger file: its hash, its JSON copy's size, and each group's chunk in both. */
  files: Record<string, { sha256: string; copySize: number; ranges: ChunkRanges[string] }>;
}

/** The key of a group's output: tool and schemas, group context, and its record files' hashes. */
export function groupKey(ctxKey: string, hashes: readonly [string, string][]): string {
  return sha256(JSON.stringify([versionKey(), ctxKey, hashes]));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export class GroupCache {
  private readonly dir: string;
  private readonly index: Index | undefined;
  private readonly files = new Map<string, { yaml: Buffer; json: Buffer } | null>();
  /** Groups taken from the cache this run (their output file is still right). */
  private readonly taken = new Set<string>();

  private constructor(private readonly ledgersDir: string) {
    this.dir = path.join(ledgersDir, CACHE_DIR);
    const index = readJson(path.join(this.dir, INDEX)) as Index | undefined;
    this.index = index && index.key === versionKey() && typeof index.files === 'object' ? index : undefined;
  }

  static load(ledgersDir: string): GroupCache {
    return new GroupCache(ledgersDir);
  }

  /** The alike pairs of the last run's duplicate check, when they are well-formed. */
  memo(): DuplicateMemo | undefined {
    const memo = readJson(path.join(this.dir, MEMO)) as (DuplicateMemo & { key?: string }) | undefined;
    if (!memo || memo.key !== versionKey() || typeof memo.threshold !== 'number' || typeof memo.blocks !== 'object' || memo.blocks === null) return undefined;
    for (const block of Object.values(memo.blocks)) {
      if (!Array.isArray(block.norms) || !Array.isArray(block.pairs)) return undefined;
      const n = block.norms.length;
      if (!block.pairs.every((p) => Array.isArray(p) && Number.isInteger(p[0]) && Number.isInteger(p[1]) && p[0] >= 0 && p[1] >= 0 && p[0] < n && p[1] < n)) return undefined;
    }
    return memo;
  }

  /** The ledger file and its JSON copy as last written, or null when either is not that any more. */
  private ledger(name: string): { yaml: Buffer; json: Buffer } | null {
    let got = this.files.get(name);
    if (got !== undefined) return got;
    got = null;
    const meta = this.index?.files[name];
    try {
      if (meta) {
        const yaml = readFileSync(path.join(this.ledgersDir, name));
        const json = readFileSync(ledgerCopyPath(this.ledgersDir, name));
        const head = Buffer.from(copyHead(meta.sha256));
        if (json.length === meta.copySize && json.subarray(0, head.length).equals(head) && sha256(yaml) === meta.sha256) got = { yaml, json };
      }
    } catch {
      got = null;
    }
    this.files.set(name, got);
    return got;
  }

  /** The group's output and chunks from the last merge, when built from this very key. */
  take(id: string, key: string): { output: GroupOutput; chunks: Chunks } | undefined {
    if (!this.index) return undefined;
    const output = readJson(path.join(this.dir, GROUPS, `${id}.json`)) as GroupOutput | undefined;
    if (!output || output.key !== key || output.id !== id || typeof output.counts !== 'object') return undefined;
    const chunks: Chunks = {};
    for (const kind of RECORD_KINDS) {
      if (!output.counts[kind]) continue;
      const name = LEDGER_FILES[kind];
      const range = this.index.files[name]?.ranges[id];
      const file = range ? this.ledger(name) : null;
      if (!range || !file) return undefined;
      const [ys, yl, js, jl] = range;
      if (ys + yl > file.yaml.length || js + jl > file.json.length) return undefined;
      chunks[kind] = { yaml: file.yaml.subarray(ys, ys + yl), json: file.json.subarray(js, js + jl) };
    }
    this.taken.add(id);
    return { output, chunks };
  }

  /** Records this merge's groups, chunk places and alike pairs. Never fails the merge. */
  save(outputs: readonly GroupOutput[], files: readonly LedgerFile[], ranges: ChunkRanges, memo: DuplicateMemo): void {
    try {
      const groupsDir = path.join(this.dir, GROUPS);
      const keep = new Set(outputs.map((o) => `${o.id}.json`));
      for (const o of outputs) if (!this.taken.has(o.id)) writeFileAtomic(path.join(groupsDir, `${o.id}.json`), JSON.stringify(o));
      if (existsSync(groupsDir)) for (const name of readdirSync(groupsDir)) if (!keep.has(name)) rmSync(path.join(groupsDir, name), { force: true });
      const index: Index = { key: versionKey(), files: {} };
      for (const f of files) {
        const at = ranges[f.name];
        if (at) index.files[f.name] = { sha256: f.sha256, copySize: f.copy.reduce((n, p) => n + p.length, 0), ranges: at };
      }
      writeFileAtomic(path.join(this.dir, INDEX), JSON.stringify(index));
      writeFileAtomic(path.join(this.dir, MEMO), JSON.stringify({ key: versionKey(), ...memo }));
    } catch {
      /* the cache only makes merging faster */
    }
  }
}
