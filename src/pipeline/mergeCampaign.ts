// `ledger merge` as a library: read and check everything, refuse on errors (unless the clerk
// allows invalid records, which then go to rejected.yaml), build, write atomically.
// Groups whose files did not change since the last merge are taken from the cache whole.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sortAndCount, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Campaign } from '../model/campaign.js';
import { LEDGERS_DIR } from '../read/loadLedgers.js';
import { MANIFEST_FILE } from '../model/serialize.js';
import { writeLedgerCopies } from '../cache/ledgerCopies.js';
import type { Manifest } from '../model/ledgers.js';
import { recoverInterruptedWrite, writeLedgerFiles } from '../write/writeLedgers.js';
import { acquireMergeLock } from '../write/mergeLock.js';
import { NO_BYTES, prepare, type CheckJob, type Prepared, type ValidationSummary } from './validateCampaign.js';
import { likelyDuplicates } from '../check/likelyDuplicates.js';
import { FileCache } from '../cache/fileCache.js';
import { assembleLedgers, type GroupPiece } from '../build/assembleLedgers.js';
import { GroupCache, groupKey } from '../cache/groupCache.js';
import type { GroupOutput } from '../build/groupOutput.js';
import { runGroupJob, type GroupBuilt, type GroupJob } from '../build/groupJob.js';
import { defaultThreads, GroupPool, groupWorkerAvailable, MIN_PARALLEL_FILES } from './groupPool.js';
import { loadUnits } from '../read/loadUnits.js';

export interface MergeOptions {
  allowInvalid?: boolean;
  /** Reuse checked files and unchanged groups from ledgers/.cache/ (default true). */
  cache?: boolean;
  onProgress?: (done: number, total: number) => void;
  today?: string;
  tool: string;
}

export interface MergeResult {
  /** null when ledger.yaml could not be read. */
  campaign: Campaign | null;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  /** The manifest written, or null when the merge refused. */
  manifest: Manifest | null;
  written: boolean;
  ledgersDir: string;
  /** Groups taken whole from the cache: their files had not changed since the last merge. */
  reused: number;
}

interface Caches {
  files: FileCache | undefined;
  groups: GroupCache | undefined;
}

/**
 * Reads the campaign group by group and hands each group that the cache cannot answer whole
 * to `build` as soon as it is read. Returns what was read and every group's piece.
 */
function readAndBuild(
  ledgersDir: string,
  root: string,
  options: MergeOptions,
  build: (job: GroupJob) => GroupBuilt | Promise<GroupBuilt>,
): { p: Prepared; caches: Caches; built: Map<string, GroupBuilt | Promise<GroupBuilt>> } {
  const caches: Caches = { files: undefined, groups: undefined };
  // A write killed after its journal is finished first: the caches describe the ledgers on disk.
  recoverInterruptedWrite(ledgersDir);
  if (options.cache !== false) {
    caches.files = FileCache.load(ledgersDir);
    caches.groups = GroupCache.load(ledgersDir);
  }
  const groups = caches.groups;
  const built = new Map<string, GroupBuilt | Promise<GroupBuilt>>();
  let total = -1;
  let done = 0;
  const progress = (files: number) => {
    done += files;
    if (total > 0) options.onProgress?.(done, total);
  };
  const p = prepare(root, {
    hashes: true,
    ...(caches.files ? { cache: caches.files } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(groups
      ? {
          reuse: (g) => {
            const got = groups.take(g.scan.id, groupKey(g.ctxKey, g.hashes));
            if (got) built.set(g.scan.id, { ...got, fresh: [] });
            return got !== undefined;
          },
        }
      : {}),
    onGroup: (g, prepared) => {
      if (total < 0) total = prepared.result.groups.reduce((n, s) => n + (s.exists ? s.recordFiles.length : 0), 0);
      if (g.reused) return progress(g.scan.recordFiles.length);
      let k = 0;
      const job: GroupJob = {
        id: g.scan.id,
        key: groupKey(g.ctxKey, g.hashes),
        ctx: g.ctx,
        json: caches.files !== undefined,
        files: g.scan.recordFiles.map((rel, i) => {
          const cached = g.files[i];
          if (cached) return { rel, cached };
          const j = prepared.jobs[g.jobs[k++] as number] as CheckJob;
          const bytes = j.bytes;
          j.bytes = NO_BYTES;
          return { rel, bytes };
        }),
      };
      const store = (b: GroupBuilt) => {
        for (const [i, json] of b.fresh) g.store[i]?.(json);
        progress(g.scan.recordFiles.length);
        return b;
      };
      const got = build(job);
      if (got instanceof Promise) {
        const later = got.then(store);
        later.catch(() => {}); // awaited (and thrown) once every group is read
        built.set(g.scan.id, later);
      } else built.set(g.scan.id, store(got));
    },
  });
  return { p, caches, built };
}

export function mergeCampaign(root: string, options: MergeOptions): MergeResult {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  try {
    const { p, caches, built } = readAndBuild(ledgersDir, root, options, runGroupJob);
    return finish(root, ledgersDir, p, built as Map<string, GroupBuilt>, options, caches);
  } finally {
    release();
  }
}

/** The same merge with the groups built on worker threads (`threads`: default, the cores up to 4). */
export async function mergeCampaignParallel(root: string, options: MergeOptions & { threads?: number }): Promise<MergeResult> {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  const threads = options.threads ?? defaultThreads();
  let pool: GroupPool | undefined;
  try {
    // Groups wait until enough files are known to need checking; then workers start and take
    // them, and every later group goes to them as soon as it is read.
    const waiting: { job: GroupJob; resolve: (b: GroupBuilt | Promise<GroupBuilt>) => void }[] = [];
    let files = 0;
    const parallel = threads > 1 && groupWorkerAvailable();
    const { p, caches, built } = readAndBuild(ledgersDir, root, options, (job) => {
      if (pool) return pool.build(job);
      if (!parallel) return runGroupJob(job);
      files += job.files.filter((f) => f.bytes).length;
      const later = new Promise<GroupBuilt>((resolve) => waiting.push({ job, resolve }));
      if (files >= MIN_PARALLEL_FILES) {
        pool = new GroupPool(threads);
        for (const w of waiting.splice(0)) w.resolve(pool.build(w.job));
      }
      return later;
    });
    for (const w of waiting.splice(0)) w.resolve(runGroupJob(w.job));
    const settled = new Map<string, GroupBuilt>();
    for (const [id, b] of built) settled.set(id, await b);
    return finish(root, ledgersDir, p, settled, options, caches);
  } finally {
    await pool?.close();
    release();
  }
}

function finish(
  root: string,
  ledgersDir: string,
  p: Prepared,
  built: Map<string, GroupBuilt>,
  options: MergeOptions,
  caches: Caches,
): MergeResult {
  const campaign = p.result.campaign;
  const diagnostics = p.result.diagnostics;
  const reused = p.groups.filter((g) => g.reused).length;
  const result: MergeResult = {
    campaign,
    diagnostics,
    summary: { files: 1, records: 0, errors: 0, warnings: 0 },
    manifest: null,
    written: false,
    ledgersDir,
    reused,
  };
  if (!campaign) return summarize(result);

  const pieces = new Map<string, GroupPiece>();
  const outputs: GroupOutput[] = [];
  for (const g of p.groups) {
    const { output, chunks } = built.get(g.scan.id) as GroupBuilt;
    const photos = Object.entries(g.scan.files)
      .filter(([, kind]) => kind === 'jpeg' || kind === 'png')
      .map(([rel]) => `groups/${g.scan.id}/${rel}`);
    pieces.set(g.scan.id, { output, chunks, photos, summary: g.scan.summaryLength > 0 ? `groups/${g.scan.id}/summary.md` : null });
    outputs.push(output);
    diagnostics.push(...output.diagnostics);
    result.summary.files += output.files;
    result.summary.records += output.records;
  }
  const dups = likelyDuplicates(
    outputs.flatMap((o) => o.opinions),
    caches.groups?.memo(),
  );
  diagnostics.push(...dups.diagnostics);

  const units = loadUnits(root, campaign);
  // A unit that cannot be trusted is never merged, not even with --allow-invalid.
  diagnostics.push(...units.diagnostics);
  summarize(result);
  const refused = units.diagnostics.length > 0 || (result.summary.errors > 0 && !options.allowInvalid);
  if (!refused) {
    const assembled = assembleLedgers({
      campaign,
      tool: options.tool,
      groups: campaign.groups.map((g) => pieces.get(g.id) ?? { output: null, chunks: {}, photos: [], summary: null }),
      inputs: p.result.inputs,
      duplicates: dups.pairs,
      units: units.sets,
      unitInfo: units.units,
      ...(caches.groups ? { previous: caches.groups.previous() } : {}),
    });
    writeLedgerFiles(ledgersDir, assembled.files);
    writeLedgerCopies(ledgersDir, assembled.files);
    caches.groups?.save(outputs, assembled.files, assembled.ranges, dups.memo);
    result.manifest = assembled.manifest;
    result.written = true;
  }
  // Checked files are worth keeping even when the merge refuses (the fixed rerun is faster),
  // but a refused first merge leaves no ledgers/ folder behind.
  if (caches.files && (result.written || existsSync(path.join(ledgersDir, MANIFEST_FILE)))) caches.files.save();
  return result;
}

function summarize(result: MergeResult): MergeResult {
  Object.assign(result.summary, sortAndCount(result.diagnostics));
  return result;
}
