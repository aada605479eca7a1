// `ledger merge` as a library: read and check everything, refuse on errors (unless the clerk
// allows invalid records, which then go to rejected.yaml), build, write atomically.
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { LEDGERS_DIR } from '../ledgers/loadLedgers.js';
import { serializeWithData } from '../ledgers/serialize.js';
import { writeLedgerCopies } from '../ledgers/ledgerCache.js';
import type { LedgerSet } from '../ledgers/types.js';
import { writeLedgerFiles } from '../ledgers/writeLedgers.js';
import { acquireMergeLock } from '../ledgers/mergeLock.js';
import { validateCampaign, type ValidationResult } from '../validate/validateCampaign.js';
import { buildLedgers, type GroupInput } from './buildLedgers.js';
import { loadUnits } from './loadUnits.js';
import { compareDiagnostics } from '../diagnostic.js';

export interface MergeOptions {
  allowInvalid?: boolean;
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
  const release = acquireMergeLock(path.join(root, LEDGERS_DIR));
  try {
    return mergeLocked(root, options);
  } finally {
    release();
  }
}

function mergeLocked(root: string, options: MergeOptions): MergeResult {
  const validation = validateCampaign(root, { hashes: true, ...(options.today ? { today: options.today } : {}) });
  const ledgersDir = path.join(root, LEDGERS_DIR);
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
