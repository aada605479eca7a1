// `ledger export` as a library: ledgers in, one workbook out. Reads only the merged ledgers
// (never the group folders), so the workbook shows exactly what was merged and audited.
import { runAudit } from '../audit/runAudit.js';
import type { LedgerSet } from '../model/ledgers.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { campaignStats } from '../stats/campaignStats.js';
import type { Locale } from '../schema/vocab.js';
import { duplicateSheet } from './duplicateSheet.js';
import { exportContext } from './exportContext.js';
import { ledgerSheets } from './ledgerSheets.js';
import type { WorkbookModel } from './sheetModel.js';
import { auditSheet, summarySheet } from './summarySheets.js';
import { writeWorkbook, type WriteResult } from './writeWorkbook.js';

export interface ExportOptions {
  lang: Locale;
  asOf: string;
  redact: boolean;
  /** Only this group's records (the summary and findings of that group too). */
  group?: string;
}

/** The ledgers of one group, with the manifest narrowed to it. */
export function onlyGroup(set: LedgerSet, group: string | undefined): LedgerSet {
  if (group === undefined) return set;
  const ledgers = { ...set.ledgers };
  for (const k of RECORD_KINDS) ledgers[k] = set.ledgers[k].filter((r) => r.group === group);
  return {
    manifest: { ...set.manifest, groups: set.manifest.groups.filter((g) => g.id === group) },
    ledgers,
    rejected: set.rejected.filter((r) => r.group === group),
  };
}

export function buildWorkbookModel(set: LedgerSet, options: ExportOptions) {
  const scoped = onlyGroup(set, options.group);
  const ctx = exportContext(options);
  const { campaign } = scoped.manifest;
  const audit = runAudit(scoped, { asOf: options.asOf });
  const duplicates = duplicateSheet(ctx, set, options.group);
  const model: WorkbookModel = {
    title: `${campaign.unit} ${campaign.title}`,
    subject: ctx.t('下基层听意见台账', 'Listening-to-opinions ledgers'),
    sheets: [
      summarySheet(ctx, campaignStats(scoped, options.asOf)),
      ...ledgerSheets(ctx, scoped.ledgers),
      auditSheet(ctx, audit, scoped.manifest.groups),
      ...(duplicates ? [duplicates] : []),
    ],
  };
  return { model, ctx, audit };
}

export async function exportWorkbook(
  set: LedgerSet,
  outPath: string,
  options: ExportOptions & { onProgress?: (done: number, total: number) => void },
): Promise<WriteResult> {
  const { model } = buildWorkbookModel(set, options);
  return writeWorkbook(model, outPath, {
    lang: options.lang,
    asOf: options.asOf,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
