// The merge's cache of checked files, in ledgers/.cache/ (safe to delete): a file whose size
// and mtime are those recorded is not even read; one whose bytes hash to the recorded content
// is not parsed again. So merging again after one group resubmits reparses only that group.
// A new tool version or a changed schema starts a fresh cache; so does a different group
// context (members, period, photos present, today's date), which the checks depend on.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, type Stats } from 'node:fs';
import { writeFileAtomic } from '../write/fsAtomic.js';
import path from 'node:path';
import { sha256 } from '../util/hash.js';
import type { FileResult, GroupContext } from '../model/campaign.js';
import { schemaHash } from '../schema/jsonSchema.js';
import { VERSION } from '../util/version.js';

// One file per group, so a merge after one group resubmits rewrites only that group's part.
const FOLDER = 'files';
const groupOf = (rel: string) => /^groups\/([^/]+)\//.exec(rel)?.[1] ?? '_';

/**
 * A file whose mtime is within this of when its stat was recorded may have been edited again in
 * the same tick (same size, same mtime): it is not trusted by its stat.
 */
export const RACY_MS = 2000;

export interface Entry {
  rel: string;
  size: number;
  mtimeMs: number;
  /** The inode: a file replaced by another of the same size and mtime (a restore, `cp -p`) is not the same file. */
  ino: number;
  sha256: string;
  ctx: string;
  /** False for files that are only hashed (photos, summaries). */
  checked: boolean;
}

let schemaKey: string | undefined;
/**
 * Changes with the tool version, the schemas and the cache format (or what the checks make of the
 * same bytes: 5 the input-method checks, 6 and 7 masked diagnostic data): a new one starts every cache afresh.
 */
export const versionKey = () => (schemaKey ??= sha256(`files-9\n${VERSION}\n${schemaHash()}`));

export function contextKey(ctx: GroupContext): string {
  return sha256(JSON.stringify([ctx.group, ctx.members, ctx.period, ctx.today, Object.entries(ctx.files).sort()]));
}

// Per group, two files: <group>.jsonl holds a line per file (size, mtime, hash), which every
// merge reads; <group>.results.jsonl holds the checked results (most of the bytes), read only
// for a group that has to be built again. A shared random id ties the two together.
const RESULTS = '.results.jsonl';

interface Head {
  key?: string;
  writtenAt?: number;
  id?: string;
}

export class FileCache {
  /** Entries by path, with their raw line: hits are written back as they were. */
  private readonly old = new Map<string, { entry: Entry; line: string }>();
  /** This run's entries: the line, and the result's JSON (undefined: the cached one, unchanged). */
  private readonly next = new Map<string, { line: string; result: string | null | undefined }>();
  /** Each group's results, loaded on first use (null: unusable). */
  private readonly results = new Map<string, Map<string, string> | null>();
  private readonly ids = new Map<string, string>();
  /** Per group: entries whose mtime is this close to when the group's file was written may hide a same-size edit. */
  private readonly writtenAt = new Map<string, number>();
  private readonly groupsOnDisk = new Set<string>();
  /** Groups whose entries were read (a group's file is read when one of its files is first asked about). */
  private readonly loaded = new Set<string>();
  /** Groups known unchanged without asking about their files (the group cache vouched): kept on disk as they are. */
  private readonly kept = new Set<string>();

  private constructor(private readonly dir: string) {}

  static load(ledgersDir: string): FileCache {
    const cache = new FileCache(path.join(ledgersDir, '.cache', FOLDER));
    if (existsSync(cache.dir))
      for (const name of readdirSync(cache.dir))
        if (name.endsWith('.jsonl') && !name.endsWith(RESULTS)) cache.groupsOnDisk.add(name.slice(0, -'.jsonl'.length));
    return cache;
  }

  /** The group's entries, read on first use. */
  private ensure(group: string): void {
    if (this.loaded.has(group)) return;
    this.loaded.add(group);
    if (this.groupsOnDisk.has(group)) this.loadGroup(group);
  }

  /** The group's files did not change (its whole piece is reused): its entries stay as they are on disk. */
  keep(group: string): void {
    this.kept.add(group);
  }

  private loadGroup(group: string): void {
    try {
      const [head, ...lines] = readFileSync(path.join(this.dir, `${group}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean);
      const meta = JSON.parse(head ?? '{}') as Head;
      if (meta.key !== versionKey() || typeof meta.id !== 'string') return;
      this.writtenAt.set(group, meta.writtenAt ?? 0);
      this.ids.set(group, meta.id);
      // One parse for the whole group (a parse per line costs more than the parsing); line by
      // line only when some line is torn (that one is a miss).
      let entries: (Entry | null)[];
      try {
        entries = JSON.parse(`[${lines.join(',')}]`) as Entry[];
        if (entries.length !== lines.length || entries.some((e) => typeof e !== 'object' || e === null)) throw new Error('torn');
      } catch {
        entries = lines.map((line) => {
          try {
            return JSON.parse(line) as Entry;
          } catch {
            return null;
          }
        });
      }
      entries.forEach((entry, i) => {
        if (entry && typeof entry.rel === 'string') this.old.set(entry.rel, { entry, line: lines[i] as string });
      });
    } catch {
      /* unreadable: those files are checked again */
    }
  }

  /** A group's cached results by path, when its results file belongs with its entries. */
  private groupResults(group: string): Map<string, string> | null {
    let got = this.results.get(group);
    if (got !== undefined) return got;
    got = null;
    try {
      const [head, ...lines] = readFileSync(path.join(this.dir, `${group}${RESULTS}`), 'utf8')
        .split('\n')
        .filter(Boolean);
      const meta = JSON.parse(head ?? '{}') as Head;
      if (meta.id !== undefined && meta.id === this.ids.get(group)) {
        got = new Map();
        for (const line of lines) {
          const tab = line.indexOf('\t');
          if (tab > 0) got.set(JSON.parse(line.slice(0, tab)) as string, line.slice(tab + 1));
        }
      }
    } catch {
      got = null;
    }
    this.results.set(group, got);
    return got;
  }

  /** The cached entry when size, mtime and inode show the file unchanged (and not racily recent). */
  byStat(rel: string, st: Stats, ctx: string): Entry | undefined {
    const group = groupOf(rel);
    this.ensure(group);
    const hit = this.old.get(rel);
    if (!hit || hit.entry.ctx !== ctx || hit.entry.size !== st.size || hit.entry.mtimeMs !== st.mtimeMs || hit.entry.ino !== st.ino)
      return undefined;
    if (st.mtimeMs >= (this.writtenAt.get(group) ?? 0) - RACY_MS) return undefined;
    this.next.set(rel, { line: hit.line, result: undefined });
    return hit.entry;
  }

  /** The cached entry when the content is the same though size, mtime or inode are not. */
  byHash(rel: string, st: Stats, hash: string, ctx: string): Entry | undefined {
    this.ensure(groupOf(rel));
    const hit = this.old.get(rel);
    if (!hit || hit.entry.ctx !== ctx || hit.entry.sha256 !== hash) return undefined;
    this.next.set(rel, { line: JSON.stringify({ ...hit.entry, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino }), result: undefined });
    return hit.entry;
  }

  /** The cached result of a file that byStat or byHash answered (null: not there or unusable). */
  result(rel: string): FileResult | null {
    this.ensure(groupOf(rel));
    if (!this.old.get(rel)?.entry.checked) return null;
    const text = this.groupResults(groupOf(rel))?.get(rel);
    if (text === undefined) return null;
    try {
      return JSON.parse(text) as FileResult;
    } catch {
      return null;
    }
  }

  /** Records a freshly checked (or hashed) file, its result or the result's JSON; call before anything mutates `result`. */
  store(entry: Omit<Entry, 'checked'>, result: FileResult | string | null): void {
    const json = result === null || typeof result === 'string' ? result : JSON.stringify(result);
    this.next.set(entry.rel, { line: JSON.stringify({ ...entry, checked: json !== null }), result: json });
  }

  /** Writes the entries seen in this run (files gone since are dropped), only the groups that changed. Never fails the merge. */
  save(now: number = Date.now()): void {
    try {
      const byGroup = new Map<string, string[]>();
      for (const rel of [...this.next.keys()].sort()) {
        const g = groupOf(rel);
        const list = byGroup.get(g);
        if (list) list.push(rel);
        else byGroup.set(g, [rel]);
      }
      const oldByGroup = new Map<string, number>();
      for (const rel of this.old.keys()) oldByGroup.set(groupOf(rel), (oldByGroup.get(groupOf(rel)) ?? 0) + 1);
      for (const [g, rels] of byGroup) {
        const same =
          this.groupsOnDisk.has(g) &&
          oldByGroup.get(g) === rels.length &&
          rels.every((rel) => this.next.get(rel)?.result === undefined && this.old.get(rel)?.line === this.next.get(rel)?.line);
        if (same) continue;
        const id = randomUUID();
        const lines: string[] = [];
        const results: string[] = [];
        for (const rel of rels) {
          const n = this.next.get(rel) as { line: string; result: string | null | undefined };
          const result = n.result === undefined ? this.groupResults(g)?.get(rel) : n.result;
          // A hit whose result cannot be found again is dropped: checked afresh next time.
          if (n.result === undefined && result === undefined && this.old.get(rel)?.entry.checked) continue;
          lines.push(n.line);
          if (result) results.push(`${JSON.stringify(rel)}\t${result}`);
        }
        const head = JSON.stringify({ key: versionKey(), writtenAt: now, id });
        writeFileAtomic(path.join(this.dir, `${g}${RESULTS}`), `${[head, ...results].join('\n')}\n`);
        writeFileAtomic(path.join(this.dir, `${g}.jsonl`), `${[head, ...lines].join('\n')}\n`);
      }
      for (const g of this.groupsOnDisk) {
        if (byGroup.has(g) || this.kept.has(g)) continue;
        rmSync(path.join(this.dir, `${g}.jsonl`), { force: true });
        rmSync(path.join(this.dir, `${g}${RESULTS}`), { force: true });
      }
    } catch {
      /* the cache only makes merging faster */
    }
  }
}
