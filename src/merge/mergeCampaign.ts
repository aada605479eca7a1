// `ledger merge` as a library: read and check everything, refuse on errors (unless the clerk
// allows invalid records, which then go to rejected.yaml), build, write atomically.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { LEDGERS_DIR } from '../ledgers/loadLedgers.js';
import { MANIFEST_FILE, serializeWithData } from '../ledgers/serialize.js';
import { writeLedgerCopies } from '../ledgers/ledgerCache.js';
import type { LedgerSet } from '../ledgers/types.js';
import { writeLedgerFiles } from '../ledgers/writeLedgers.js';
import { acquireMergeLock } from '../ledgers/mergeLock.js';
import { validateCampaign, validateCampaignParallel, type ValidateOptions, type ValidationResult } from '../validate/validateCampaign.js';
import { buildLedgers, type GroupInput } from './buildLedgers.js';
import { loadUnits } from './loadUnits.js';
import { compareDiagnostics } from '../diagnostic.js';
import { FileCache } from '../validate/fileCache.js';

export interface MergeOptions {
  allowInvalid?: boolean;
  /** Reuse checked files from ledgers/.cache/ (default true). */
  cache?: boolean;
  onProgress?: (done: number, total: number) => void;
  today?: string;
  tool: string;
}

export interface MergeResult {
  validation: ValidationResult;
  diagnostics: Diagnostic[];
  /** The ledgers built, or null when the merge refused. */
  set: LedgerSet | null;
  written: boolean;
  ledgersDir: string;
}

export function mergeCampaign(root: string, options: MergeOptions): MergeResult {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  try {
    const cache = options.cache === false ? undefined : FileCache.load(ledgersDir);
    return finish(root, ledgersDir, validateCampaign(root, validateOptions(options, cache)), options, cache);
  } finally {
    release();
  }
}

/** The same merge with the files checked on worker threads (`threads`: default, the cores up to 4). */
export async function mergeCampaignParallel(root: string, options: MergeOptions & { threads?: number }): Promise<MergeResult> {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  try {
    const cache = options.cache === false ? undefined : FileCache.load(ledgersDir);
    const validation = await validateCampaignParallel(root, { ...validateOptions(options, cache), ...(options.threads === undefined ? {} : { threads: options.threads }) });
    return finish(root, ledgersDir, validation, options, cache);
  } finally {
    release();
  }
}

function validateOptions(options: MergeOptions, cache: FileCache | undefined): ValidateOptions {
  return {
    hashes: true,
    ...(cache ? { cache } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

function finish(root: string, ledgersDir: string, validation: ValidationResult, options: MergeOptions, cache: FileCache | undefined): MergeResult {
  const result = build(root, ledgersDir, validation, options);
  // Checked files are worth keeping even when the merge refuses (the fixed rerun is faster),
  // but a refused first merge leaves no ledgers/ folder behind.
  if (cache && (result.written || existsSync(path.join(ledgersDir, MANIFEST_FILE)))) cache.save();
  return result;
}

function build(root: string, ledgersDir: string, validation: ValidationResult, options: MergeOptions): MergeResult {
  const result: MergeResult = { validation, diagnostics: validation.diagnostics, set: null, written: false, ledgersDir };
  const campaign = validation.campaign;
  if (!campaign) return result;
  const units = loadUnits(root, campaign);
  if (units.diagnostics.length) {
    // A unit that cannot be trusted is never merged, not even with --allow-invalid.
    validation.diagnostics.push(...units.diagnostics);
    validation.diagnostics.sort(compareDiagnostics);
    validation.summary.errors += units.diagnostics.length;
    return result;
  }
  if (validation.summary.errors > 0 && !options.allowInvalid) return result;
  const groups: GroupInput[] = validation.byGroup.map((g) => {
    const scan = validation.groups.find((s) => s.id === g.id);
    const photos = Object.entries(scan?.files ?? {})
      .filter(([, kind]) => kind === 'jpeg' || kind === 'png')
      .map(([rel]) => `groups/${g.id}/${rel}`);
    return {
      id: g.id,
      files: g.files,
      diagnostics: g.diagnostics,
      photos,
      summary: scan && scan.summaryLength > 0 ? `groups/${g.id}/summary.md` : null,
    };
  });
  const set = buildLedgers({ campaign, tool: options.tool, groups, inputs: validation.inputs, duplicates: validation.duplicates, units: units.sets, unitInfo: units.units });
  const { files, data } = serializeWithData(set);
  writeLedgerFiles(ledgersDir, files);
  writeLedgerCopies(ledgersDir, data);
  result.set = set;
  result.written = true;
  return result;
}
