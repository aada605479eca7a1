// `ledger export` as a library: ledgers in, one workbook out. Reads only the merged ledgers
// (never the group folders), so the workbook shows exactly what was merged and audited.
import path from 'node:path';
import { runAudit } from '../audit/runAudit.js';
import type { LedgerSet } from '../model/ledgers.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { campaignStats } from '../stats/campaignStats.js';
import type { Locale } from '../schema/vocab.js';
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
  const audit = runAudit(scoped, { asOf: options.asOf, lang: options.lang });
  const model: WorkbookModel = {
    title: `${campaign.unit} ${campaign.title}`,
    subject: ctx.t('下基层听意见台账', 'Listening-to-opinions ledgers'),
    sheets: [
      summarySheet(ctx, campaignStats(scoped, options.asOf)),
      ...ledgerSheets(ctx, scoped.ledgers),
      auditSheet(ctx, audit, scoped.manifest.groups),
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

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** exports/<campaign title>-<as-of>[-<group>][-<lang>][-redacted][-<what>].<ext> under the campaign root. */
export function defaultExportPath(
  root: string,
  set: LedgerSet,
  options: ExportOptions,
  file: { ext: string; what?: string } = { ext: 'xlsx' },
): string {
  const { title, locale } = set.manifest.campaign;
  const parts = [title.replace(UNSAFE_FILE_CHARS, '_').trim() || 'ledger', options.asOf];
  if (options.group !== undefined) parts.push(options.group);
  if (options.lang !== locale) parts.push(options.lang);
  if (options.redact) parts.push('redacted');
  if (file.what !== undefined) parts.push(file.what);
  return path.join(root, 'exports', `${parts.join('-')}.${file.ext}`);
}
