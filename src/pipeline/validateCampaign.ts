// `ledger validate` as a library: read every group's files, check each, then check across the
// records of each group. The CLI, merge and tests all call this.
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { sortAndCount, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Campaign, FileResult, GroupContext } from '../model/campaign.js';
import { loadCampaign } from '../read/loadCampaign.js';
import { scanGroups, type GroupScan } from '../read/scanGroups.js';
import { checkFile } from '../check/checkFile.js';
import { checkGroup } from '../check/checkGroup.js';
import { likelyDuplicates, opinionRefs } from '../check/likelyDuplicates.js';
import type { LikelyDuplicate } from '../model/ledgers.js';
import { localToday } from '../util/dates.js';
import { UsageError } from '../diagnostics/errors.js';
import { sha256 } from '../util/hash.js';
import { contextKey, type FileCache } from '../cache/fileCache.js';

export interface ValidateOptions {
  /** Limit to these group folders or files (absolute paths inside the campaign). */
  paths?: string[];
  today?: string;
  /** Also hash every input file (ledger.yaml, records, summaries, photos) for the manifest. */
  hashes?: boolean;
  /** Reuse the results of files checked before (the merge's incremental cache). */
  cache?: FileCache;
  /** Called as record files are checked (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface GroupResult {
  id: string;
  files: FileResult[];
  /** Diagnostics of checks across the group's records (ids, visit references). */
  diagnostics: Diagnostic[];
}

export interface ValidationSummary {
  files: number;
  records: number;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  root: string;
  campaign: Campaign | null;
  groups: GroupScan[];
  files: FileResult[];
  byGroup: GroupResult[];
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  /** sha256 by campaign-relative path; filled when `hashes` was asked for. */
  inputs: Record<string, string>;
  /** Opinions that look like another (ledger ids), kept both but reported. */
  duplicates: LikelyDuplicate[];
}

export function groupContext(campaign: Campaign, scan: GroupScan, today: string): GroupContext {
  const group = campaign.groups.find((g) => g.id === scan.id);
  return {
    group: scan.id,
    members: group ? group.members.map((m) => m.name) : [],
    period: campaign.period,
    today,
    files: scan.files,
  };
}

/** What a job's bytes become once they are checked or handed on. */
export const NO_BYTES = Buffer.alloc(0);

/** A record file that must be checked (not answered by the cache). */
export interface CheckJob {
  rel: string;
  /** Emptied once checked, so 100,000 files' bytes are not all held to the end. */
  bytes: Buffer;
  ctx: GroupContext;
}

/** A group as read: its record files' hashes, and per file its result (cached) or a job. */
export interface PreparedGroup {
  scan: GroupScan;
  ctx: GroupContext;
  /** The key of the group context (for caches, and the names of copy pieces). */
  ctxKey: string;
  /** Each record file and its sha256, in file order (hashes only with `hashes` or a cache). */
  hashes: [string, string][];
  /** Per file: its result, or null until checked. */
  files: (FileResult | null)[];
  /** The job numbers of the files to check, in file order. */
  jobs: number[];
  /** How to cache a file's fresh result (or its JSON), by file index. */
  store: ((fresh: FileResult | string) => void)[];
  /** Answered whole by `reuse`: no file results, no jobs. */
  reused: boolean;
}

export interface Prepared {
  result: ValidationResult;
  filter: ReturnType<typeof selection> | undefined;
  groups: PreparedGroup[];
  jobs: CheckJob[];
}

export interface PrepareOptions extends ValidateOptions {
  /** Whether a group whose files have these hashes needs no file results (the merge's group cache). */
  reuse?: (group: Pick<PreparedGroup, 'scan' | 'ctxKey' | 'hashes'>) => boolean;
  /** Called as each group has been read, so its files can be checked while the next is read. */
  onGroup?: (group: PreparedGroup, prepared: Prepared) => void;
}

/** Reads the campaign and every record file; files the cache cannot answer become jobs. */
export function prepare(root: string, options: PrepareOptions): Prepared {
  const today = options.today ?? localToday();
  const loaded = loadCampaign(root);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const campaign = loaded.campaign;
  const result: ValidationResult = {
    root,
    campaign,
    groups: [],
    files: [],
    byGroup: [],
    diagnostics,
    summary: { files: 1, records: 0, errors: 0, warnings: 0 },
    inputs: {},
    duplicates: [],
  };
  const prepared: Prepared = { result, filter: undefined, groups: [], jobs: [] };
  if (options.hashes) result.inputs['ledger.yaml'] = sha256(loaded.bytes);
  if (!campaign) return prepared;

  const filter = options.paths ? selection(root, campaign, options.paths) : undefined;
  prepared.filter = filter;
  const scan = scanGroups(root, campaign, filter?.groups);
  diagnostics.push(...scan.diagnostics);
  result.groups = scan.groups;
  const cache = options.cache;
  const read = cache ? cachedReader(root, cache) : undefined;
  for (const g of scan.groups) {
    if (!g.exists) {
      if (!filter) {
        diagnostics.push({
          severity: 'warning',
          code: 'group-folder-missing',
          message: `group ${g.id} has no folder groups/${g.id}/ yet`,
          file: `groups/${g.id}`,
          line: 0,
          column: 0,
          pointer: '',
        });
      }
      continue;
    }
    const ctx = groupContext(campaign, g, today);
    const ctxKey = contextKey(ctx);
    const entry: PreparedGroup = { scan: g, ctx, ctxKey, hashes: [], files: [], jobs: [], store: [], reused: false };
    // Per file: answered by the cache (its result parsed only if needed), or bytes to check.
    const pending = g.recordFiles.map((f) => {
      if (read) {
        const got = read(f, ctxKey);
        entry.hashes.push([f, got.hash]);
        return { f, got, bytes: got.bytes };
      }
      const bytes = readFileSync(path.join(root, f));
      if (options.hashes) entry.hashes.push([f, sha256(bytes)]);
      return { f, got: null, bytes };
    });
    if (options.hashes) for (const [f, h] of entry.hashes) result.inputs[f] = h;
    entry.reused = options.reuse?.(entry) ?? false;
    if (!entry.reused) {
      pending.forEach(({ f, got, bytes }, i) => {
        const cached = got?.hit ? (cache as FileCache).result(f) : null;
        if (cached) {
          entry.files[i] = cached;
          return;
        }
        if (got) {
          const b = got.hit ? readFileSync(path.join(root, f)) : bytes;
          entry.store[i] = (fresh: FileResult | string) =>
            (cache as FileCache).store({ rel: f, size: got.stat.size, mtimeMs: got.stat.mtimeMs, sha256: got.hash, ctx: ctxKey }, fresh);
          bytes = b;
        }
        entry.files[i] = null;
        entry.jobs.push(prepared.jobs.length);
        prepared.jobs.push({ rel: f, bytes, ctx });
      });
    }
    if (options.hashes) {
      for (const [rel, kind] of Object.entries(g.files)) {
        const key = `groups/${g.id}/${rel}`;
        if (kind === 'dir' || kind === 'outside' || result.inputs[key]) continue;
        result.inputs[key] = read ? read(key, null).hash : sha256(readFileSync(path.join(g.dir, rel)));
      }
    }
    prepared.groups.push(entry);
    options.onGroup?.(entry, prepared);
  }
  return prepared;
}

/** A group's file results, the checked ones put in place and cached (before the cross-record checks add reasons). */
function placeChecked(g: PreparedGroup, checked: readonly FileResult[]): FileResult[] {
  let k = 0;
  return g.files.map((f, i) => {
    if (f) return f;
    const fresh = checked[g.jobs[k++] as number] as FileResult;
    g.store[i]?.(fresh);
    return fresh;
  });
}

/** Puts the checked files back in place, then the checks across records. */
function assemble(p: Prepared, checked: FileResult[]): ValidationResult {
  const { result, filter } = p;
  const diagnostics = result.diagnostics;
  if (!result.campaign) return finish(result);
  for (const g of p.groups) {
    const files = placeChecked(g, checked);
    const groupDiagnostics = checkGroup(
      g.scan.id,
      files.flatMap((f) => f.records),
    );
    result.byGroup.push({ id: g.scan.id, files, diagnostics: groupDiagnostics });
    for (const f of files) {
      if (filter && !filter.matches(f.file)) continue;
      result.files.push(f);
      diagnostics.push(...f.diagnostics);
    }
    diagnostics.push(...groupDiagnostics.filter((d) => !filter || filter.matches(d.file)));
  }
  const dups = likelyDuplicates(
    result.byGroup.flatMap((g) =>
      opinionRefs(
        g.id,
        g.files.flatMap((f) => f.records),
      ),
    ),
  );
  result.duplicates = dups.pairs;
  diagnostics.push(...dups.diagnostics.filter((d) => !filter || filter.matches(d.file)));
  return finish(result);
}

/** Checks every job on this thread, letting go of each file's bytes once it is checked. */
function checkHere(jobs: CheckJob[], onProgress: ValidateOptions['onProgress']): FileResult[] {
  return jobs.map((job, i) => {
    onProgress?.(i + 1, jobs.length);
    const result = checkFile(job.bytes, job.rel, job.ctx);
    job.bytes = NO_BYTES;
    return result;
  });
}

export function validateCampaign(root: string, options: ValidateOptions = {}): ValidationResult {
  const p = prepare(root, options);
  return assemble(p, checkHere(p.jobs, options.onProgress));
}

/**
 * Reads a file through the cache: unchanged by size and mtime → the cached hash without
 * reading; same bytes → the cached hash and result without parsing; else the bytes to check.
 * `ctx` is the group context's key for a record file, null for a file that is only hashed.
 * `hit`: the cache holds this file's result (for a record file).
 */
function cachedReader(root: string, cache: FileCache) {
  return (rel: string, ctx: string | null): { hash: string; hit: boolean; bytes: Buffer; stat: Stats } => {
    const abs = path.join(root, rel);
    const stat = statSync(abs);
    const key = ctx ?? '';
    const byStat = cache.byStat(rel, stat, key);
    if (byStat && (ctx === null || byStat.checked)) return { hash: byStat.sha256, hit: ctx !== null, bytes: NO_BYTES, stat };
    const bytes = readFileSync(abs);
    const hash = sha256(bytes);
    const byHash = cache.byHash(rel, stat, hash, key);
    if (byHash && (ctx === null || byHash.checked)) return { hash, hit: ctx !== null, bytes: NO_BYTES, stat };
    if (ctx === null) cache.store({ rel, size: stat.size, mtimeMs: stat.mtimeMs, sha256: hash, ctx: key }, null);
    return { hash, hit: false, bytes, stat };
  };
}

function finish(result: ValidationResult): ValidationResult {
  result.summary = {
    files: result.files.length + 1,
    records: result.files.reduce((n, f) => n + f.records.length, 0),
    ...sortAndCount(result.diagnostics),
  };
  return result;
}

/** Which groups to read, and which files to report on, for `validate <paths...>`. */
function selection(root: string, campaign: Campaign, paths: string[]) {
  const groups = new Set<string>();
  const prefixes: string[] = [];
  for (const p of paths) {
    const rel = path.relative(root, path.resolve(p)).split(path.sep).join('/');
    if (rel === '' || rel === 'ledger.yaml') {
      for (const g of campaign.groups) groups.add(g.id);
      prefixes.push('');
      continue;
    }
    const parts = rel.split('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is not inside the campaign at ${root}`);
    if (rel === 'groups') {
      for (const g of campaign.groups) groups.add(g.id);
      prefixes.push('groups/');
      continue;
    }
    if (parts[0] !== 'groups' || !parts[1]) throw new UsageError(`${p} is not a group folder or a file under groups/`);
    groups.add(parts[1]);
    prefixes.push(parts.length === 2 ? `groups/${parts[1]}/` : rel);
  }
  return {
    groups,
    matches: (file: string) =>
      prefixes.some((pre) => pre === '' || file === pre || file.startsWith(pre.endsWith('/') ? pre : pre + '/') || file + '/' === pre),
  };
}
