// `ledger validate` as a library: read every group's files, check each, then check across the
// records of each group. The CLI, merge and tests all call this.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, errorCount, type Diagnostic } from '../diagnostic.js';
import type { Campaign, FileResult, GroupContext } from '../model.js';
import { loadCampaign } from '../campaign/loadCampaign.js';
import { scanGroups, type GroupScan } from '../campaign/scanGroups.js';
import { checkFile } from './checkFile.js';
import { checkGroup } from './checkGroup.js';
import { likelyDuplicates } from './likelyDuplicates.js';
import type { LikelyDuplicate } from '../ledgers/types.js';
import { localToday } from './dates.js';
import { UsageError } from '../errors.js';
import { sha256 } from '../hash.js';
import { contextKey, type FileCache } from './fileCache.js';
import { checkInWorkers, defaultThreads, MIN_PARALLEL_FILES, workerAvailable } from './checkPool.js';
import { statSync } from 'node:fs';

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

/** A record file that must be checked (not answered by the cache). */
export interface CheckJob {
  rel: string;
  /** Emptied once checked, so 100,000 files' bytes are not all held to the end. */
  bytes: Buffer;
  ctx: GroupContext;
}

const NO_BYTES = Buffer.alloc(0);

/** Checks one job on this thread and lets go of its bytes. */
function runJob(job: CheckJob): FileResult {
  const result = checkFile(job.bytes, job.rel, job.ctx);
  job.bytes = NO_BYTES;
  return result;
}

interface Prepared {
  result: ValidationResult;
  filter: ReturnType<typeof selection> | undefined;
  groups: { scan: GroupScan; files: (FileResult | null)[]; jobs: number[]; store: ((i: number, r: FileResult) => void) | undefined }[];
  jobs: CheckJob[];
}

/** Reads the campaign and every record file; files the cache cannot answer become jobs. */
function prepare(root: string, options: ValidateOptions): Prepared {
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
    const read = options.cache ? cachedReader(root, options.cache, contextKey(ctx)) : undefined;
    const entry: Prepared['groups'][number] = { scan: g, files: [], jobs: [], store: undefined };
    const hashes: string[] = [];
    g.recordFiles.forEach((f, i) => {
      let bytes: Buffer;
      if (read) {
        const got = read(f, true);
        if (options.hashes) result.inputs[f] = got.hash;
        hashes[i] = got.hash;
        if (got.result) {
          entry.files[i] = got.result;
          return;
        }
        bytes = got.bytes as Buffer;
      } else {
        bytes = readFileSync(path.join(root, f));
        if (options.hashes) result.inputs[f] = sha256(bytes);
      }
      entry.files[i] = null;
      entry.jobs.push(prepared.jobs.length);
      prepared.jobs.push({ rel: f, bytes, ctx });
    });
    if (read) entry.store = (i, r) => read.check(g.recordFiles[i] as string, hashes[i] as string, r);
    if (options.hashes) {
      for (const [rel, kind] of Object.entries(g.files)) {
        const key = `groups/${g.id}/${rel}`;
        if (kind === 'dir' || kind === 'outside' || result.inputs[key]) continue;
        result.inputs[key] = read ? read(key, false).hash : sha256(readFileSync(path.join(g.dir, rel)));
      }
    }
    prepared.groups.push(entry);
  }
  return prepared;
}

/** Puts the checked files back in place, then the checks across records. */
function assemble(p: Prepared, checked: FileResult[]): ValidationResult {
  const { result, filter } = p;
  const diagnostics = result.diagnostics;
  if (!result.campaign) return finish(result);
  for (const g of p.groups) {
    let k = 0;
    const files = g.files.map((f, i) => {
      if (f) return f;
      const fresh = checked[g.jobs[k++] as number] as FileResult;
      g.store?.(i, fresh); // cached before the cross-record checks add reasons to it
      return fresh;
    });
    const groupDiagnostics = checkGroup(g.scan.id, files.flatMap((f) => f.records));
    result.byGroup.push({ id: g.scan.id, files, diagnostics: groupDiagnostics });
    for (const f of files) {
      if (filter && !filter.matches(f.file)) continue;
      result.files.push(f);
      diagnostics.push(...f.diagnostics);
    }
    diagnostics.push(...groupDiagnostics.filter((d) => !filter || filter.matches(d.file)));
  }
  const dups = likelyDuplicates(result.byGroup.flatMap((g) => g.files.flatMap((f) => f.records.map((record) => ({ group: g.id, record })))));
  result.duplicates = dups.pairs;
  diagnostics.push(...dups.diagnostics.filter((d) => !filter || filter.matches(d.file)));
  return finish(result);
}

export function validateCampaign(root: string, options: ValidateOptions = {}): ValidationResult {
  const p = prepare(root, options);
  const total = p.jobs.length;
  return assemble(
    p,
    p.jobs.map((job, i) => {
      options.onProgress?.(i + 1, total);
      return runJob(job);
    }),
  );
}

/**
 * The same as validateCampaign, with the files to check spread over worker threads when there
 * are enough of them to be worth it (the checks are pure: bytes and context in, results out).
 */
export async function validateCampaignParallel(root: string, options: ValidateOptions & { threads?: number } = {}): Promise<ValidationResult> {
  const p = prepare(root, options);
  const threads = options.threads ?? defaultThreads();
  if (threads <= 1 || p.jobs.length < MIN_PARALLEL_FILES || !workerAvailable()) {
    const total = p.jobs.length;
    return assemble(p, p.jobs.map((job, i) => (options.onProgress?.(i + 1, total), runJob(job))));
  }
  return assemble(p, await checkInWorkers(p.jobs, threads, options.onProgress));
}

/**
 * Reads a file through the cache: unchanged by size and mtime → the cached hash and result
 * without reading; same bytes → the cached result without parsing; else the bytes to check.
 */
function cachedReader(root: string, cache: FileCache, ctx: string) {
  const stats = new Map<string, import('node:fs').Stats>();
  const read = (rel: string, record: boolean): { hash: string; result: FileResult | null; bytes?: Buffer } => {
    const abs = path.join(root, rel);
    const st = statSync(abs);
    stats.set(rel, st);
    const key = record ? ctx : '';
    const byStat = cache.byStat(rel, st, key);
    if (byStat && (!record || byStat.result)) return { hash: byStat.sha256, result: byStat.result };
    const bytes = readFileSync(abs);
    const hash = sha256(bytes);
    const byHash = cache.byHash(rel, st, hash, key);
    if (byHash && (!record || byHash.result)) return { hash, result: byHash.result };
    if (!record) cache.store({ rel, size: st.size, mtimeMs: st.mtimeMs, sha256: hash, ctx: key, result: null });
    else cache.miss();
    return { hash, result: null, bytes };
  };
  return Object.assign(read, {
    /** Stores a fresh result (before the cross-record checks add to it) and returns it. */
    check(rel: string, hash: string, fresh: FileResult): FileResult {
      const st = stats.get(rel) as import('node:fs').Stats;
      cache.store({ rel, size: st.size, mtimeMs: st.mtimeMs, sha256: hash, ctx, result: fresh });
      return fresh;
    },
  });
}

function finish(result: ValidationResult): ValidationResult {
  result.diagnostics.sort(compareDiagnostics);
  const errors = errorCount(result.diagnostics);
  result.summary = {
    files: result.files.length + 1,
    records: result.files.reduce((n, f) => n + f.records.length, 0),
    errors,
    warnings: result.diagnostics.length - errors,
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
    matches: (file: string) => prefixes.some((pre) => pre === '' || file === pre || file.startsWith(pre.endsWith('/') ? pre : pre + '/') || file + '/' === pre),
  };
}
