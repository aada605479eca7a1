// The merge's cache of checked files, in ledgers/.cache/ (safe to delete): a file whose size
// and mtime are those recorded is not even read; one whose bytes hash to the recorded content
// is not parsed again. So merging again after one group resubmits reparses only that group.
// A new tool version or a changed schema starts a fresh cache; so does a different group
// context (members, period, photos present, today's date), which the checks depend on.
import { existsSync, readdirSync, readFileSync, rmSync, type Stats } from 'node:fs';
import { writeFileAtomic } from '../fsAtomic.js';
import path from 'node:path';
import { sha256 } from '../hash.js';
import type { FileResult, GroupContext } from '../model.js';
import { allSchemas } from '../schema/jsonSchema.js';
import { VERSION } from '../version.js';

// One file per group, so a merge after one group resubmits rewrites only that group's part.
const FOLDER = 'files';
const groupOf = (rel: string) => /^groups\/([^/]+)\//.exec(rel)?.[1] ?? '_';

interface Entry {
  rel: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  ctx: string;
  /** null for files that are only hashed (photos, summaries). */
  result: FileResult | null;
}

let schemaKey: string | undefined;
const versionKey = () => (schemaKey ??= sha256(`${VERSION}\n${JSON.stringify(allSchemas())}`));

export function contextKey(ctx: GroupContext): string {
  return sha256(JSON.stringify([ctx.group, ctx.members, ctx.period, ctx.today, Object.entries(ctx.files).sort()]));
}

export class FileCache {
  /** Raw lines by path: hits are written back as they were, never re-serialized. */
  private readonly old = new Map<string, { entry: Entry; line: string }>();
  private readonly next = new Map<string, string>();
  /** Entries whose mtime is this close to when the cache was written may hide a same-size edit. */
  private readonly writtenAt: number;

  private constructor(private readonly dir: string, lines: string[], writtenAt: number, private readonly groupsOnDisk: Set<string>) {
    this.writtenAt = writtenAt;
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as Entry;
        this.old.set(entry.rel, { entry, line });
      } catch {
        /* a torn line is a miss */
      }
    }
  }

  static load(ledgersDir: string): FileCache {
    const dir = path.join(ledgersDir, '.cache', FOLDER);
    const lines: string[] = [];
    const groups = new Set<string>();
    let writtenAt = Number.POSITIVE_INFINITY;
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
        try {
          const [head, ...rest] = readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean);
          const meta = JSON.parse(head ?? '{}') as { key?: string; writtenAt?: number };
          groups.add(name.slice(0, -'.jsonl'.length));
          if (meta.key !== versionKey()) continue;
          writtenAt = Math.min(writtenAt, meta.writtenAt ?? 0);
          lines.push(...rest);
        } catch {
          /* unreadable: those files are checked again */
        }
      }
    }
    return new FileCache(dir, lines, Number.isFinite(writtenAt) ? writtenAt : 0, groups);
  }

  /** The cached entry when size and mtime show the file unchanged (and not racily recent). */
  byStat(rel: string, st: Stats, ctx: string): Entry | undefined {
    const hit = this.old.get(rel);
    if (!hit || hit.entry.ctx !== ctx || hit.entry.size !== st.size || hit.entry.mtimeMs !== st.mtimeMs) return undefined;
    if (st.mtimeMs >= this.writtenAt - 2000) return undefined;
    this.next.set(rel, hit.line);
    return hit.entry;
  }

  /** The cached result when the content is the same though size or mtime are not. */
  byHash(rel: string, st: Stats, hash: string, ctx: string): Entry | undefined {
    const hit = this.old.get(rel);
    if (!hit || hit.entry.ctx !== ctx || hit.entry.sha256 !== hash) return undefined;
    this.store({ ...hit.entry, size: st.size, mtimeMs: st.mtimeMs });
    return hit.entry;
  }

  /** Records a freshly checked (or hashed) file; call before anything mutates `result`. */
  store(entry: Entry): void {
    this.next.set(entry.rel, JSON.stringify(entry));
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
        const same = this.groupsOnDisk.has(g) && oldByGroup.get(g) === rels.length && rels.every((rel) => this.old.get(rel)?.line === this.next.get(rel));
        if (same) continue;
        const body = [JSON.stringify({ key: versionKey(), writtenAt: now }), ...rels.map((rel) => this.next.get(rel) as string)].join('\n');
        writeFileAtomic(path.join(this.dir, `${g}.jsonl`), `${body}\n`);
      }
      for (const g of this.groupsOnDisk) if (!byGroup.has(g)) rmSync(path.join(this.dir, `${g}.jsonl`), { force: true });
    } catch {
      /* the cache only makes merging faster */
    }
  }
}
