// `ledger merge` as a library: read and check everything, refuse on errors (unless the clerk
// allows invalid records, which then go to rejected.yaml), build, write atomically.
// Groups whose files did not change since the last merge are taken from the cache whole.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, errorCount, type Diagnostic } from '../diagnostic.js';
import type { Campaign, FileResult } from '../model.js';
import { LEDGERS_DIR } from '../ledgers/loadLedgers.js';
import { MANIFEST_FILE } from '../ledgers/serialize.js';
import { writeLedgerCopies } from '../ledgers/ledgerCache.js';
import type { Manifest } from '../ledgers/types.js';
import { writeLedgerFiles } from '../ledgers/writeLedgers.js';
import { acquireMergeLock } from '../ledgers/mergeLock.js';
import { checkGroup } from '../validate/checkGroup.js';
import { checkHere, checkJobs, placeChecked, prepare, type Prepared, type ValidateOptions, type ValidationSummary } from '../validate/validateCampaign.js';
import { likelyDuplicates } from '../validate/likelyDuplicates.js';
import { FileCache } from '../validate/fileCache.js';
import { assembleLedgers, type GroupPiece } from './assembleLedgers.js';
import { GroupCache, groupKey } from './groupCache.js';
import { buildGroupOutput, type Chunks, type GroupOutput } from './groupOutput.js';
import { loadUnits } from './loadUnits.js';

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
  /** Groups answered whole by the group cache. */
  taken: Map<string, { output: GroupOutput; chunks: Chunks }>;
}

/** Reads the campaign; files the caches cannot answer become jobs to check. */
function plan(ledgersDir: string, root: string, options: MergeOptions): { p: Prepared; caches: Caches } {
  const caches: Caches = { files: undefined, groups: undefined, taken: new Map() };
  if (options.cache !== false) {
    caches.files = FileCache.load(ledgersDir);
    caches.groups = GroupCache.load(ledgersDir);
  }
  const groups = caches.groups;
  const validate: ValidateOptions = {
    hashes: true,
    ...(caches.files ? { cache: caches.files } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const p = prepare(root, {
    ...validate,
    ...(groups
      ? {
          reuse: (g) => {
            const got = groups.take(g.scan.id, groupKey(g.ctxKey, g.hashes));
            if (got) caches.taken.set(g.scan.id, got);
            return got !== undefined;
          },
        }
      : {}),
  });
  return { p, caches };
}

export function mergeCampaign(root: string, options: MergeOptions): MergeResult {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  try {
    const { p, caches } = plan(ledgersDir, root, options);
    return finish(root, ledgersDir, p, checkHere(p.jobs, options.onProgress), options, caches);
  } finally {
    release();
  }
}

/** The same merge with the files checked on worker threads (`threads`: default, the cores up to 4). */
export async function mergeCampaignParallel(root: string, options: MergeOptions & { threads?: number }): Promise<MergeResult> {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  try {
    const { p, caches } = plan(ledgersDir, root, options);
    const checked = await checkJobs(p.jobs, options.threads, options.onProgress);
    return finish(root, ledgersDir, p, checked, options, caches);
  } finally {
    release();
  }
}

function finish(root: string, ledgersDir: string, p: Prepared, checked: (FileResult | undefined)[], options: MergeOptions, caches: Caches): MergeResult {
  const campaign = p.result.campaign;
  const diagnostics = p.result.diagnostics;
  const result: MergeResult = { campaign, diagnostics, summary: { files: 1, records: 0, errors: 0, warnings: 0 }, manifest: null, written: false, ledgersDir, reused: caches.taken.size };
  if (!campaign) return summarize(result);

  // Each group's piece, from the cache or built from its checked files (then let go of).
  const pieces = new Map<string, GroupPiece>();
  const outputs: GroupOutput[] = [];
  for (const g of p.groups) {
    let built = caches.taken.get(g.scan.id);
    if (!built) {
      const files = placeChecked(g, checked as FileResult[]);
      for (const j of g.jobs) checked[j] = undefined;
      built = buildGroupOutput(g.scan.id, groupKey(g.ctxKey, g.hashes), files, checkGroup(g.scan.id, files.flatMap((f) => f.records)));
    }
    const photos = Object.entries(g.scan.files)
      .filter(([, kind]) => kind === 'jpeg' || kind === 'png')
      .map(([rel]) => `groups/${g.scan.id}/${rel}`);
    pieces.set(g.scan.id, { output: built.output, chunks: built.chunks, photos, summary: g.scan.summaryLength > 0 ? `groups/${g.scan.id}/summary.md` : null });
    outputs.push(built.output);
    diagnostics.push(...built.output.diagnostics);
    result.summary.files += built.output.files;
    result.summary.records += built.output.records;
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
  result.diagnostics.sort(compareDiagnostics);
  const errors = errorCount(result.diagnostics);
  result.summary.errors = errors;
  result.summary.warnings = result.diagnostics.length - errors;
  return result;
}
