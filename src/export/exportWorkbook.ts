// `ledger export` as a library: ledgers in, one workbook out. Reads only the merged ledgers
// (never the group folders), so the workbook shows exactly what was merged and audited.
import { filterLedgers } from '../model/filterLedgers.js';
import { onlyGroup } from '../model/onlyGroup.js';
import { runAudit } from '../audit/runAudit.js';
import type { LedgerRecord, LedgerSet } from '../model/ledgers.js';
import { countStates, reviewLedgers, type ReviewEntry } from '../model/reviews.js';
import { campaignStats } from '../stats/campaignStats.js';
import type { Locale } from '../schema/vocab.js';
import { duplicateSheet } from './duplicateSheet.js';
import { exportContext, type ExportContext } from './exportContext.js';
import { proseDate } from '../messages/dates.js';
import { count } from '../messages/words.js';
import { asOfView } from '../model/asOfView.js';
import { ledgerSheets } from './ledgerSheets.js';
import { reviewedFindings } from './reviewedFindings.js';
import type { WorkbookModel } from './sheetModel.js';
import { auditSheet, summarySheet } from './summarySheets.js';
import { writeWorkbook, type WriteResult } from './writeWorkbook.js';

export interface ExportOptions {
  lang: Locale;
  asOf: string;
  redact: boolean;
  /** Only this group's records (the summary and findings of that group too). */
  group?: string;
  /** reviews.yaml: the summary shows review progress. */
  reviews?: readonly ReviewEntry[];
  /**
   * Only records approved and unchanged since, on every sheet, each saying so: the likely
   * duplicates among them, and the findings (found over all records) that name them or a group
   * as a whole (reviewedFindings.ts).
   */
  reviewedOnly?: boolean;
}

/** The ids of the records approved in review and unchanged since. */
export function approvedIds(set: LedgerSet, reviews: readonly ReviewEntry[]): Set<string> {
  const { records } = reviewLedgers(set.ledgers, reviews);
  return new Set(records.filter((r) => r.state === 'approved').map((r) => r.id));
}

/** The ledgers narrowed to the records approved in review and unchanged since. */
export function approvedOnly(set: LedgerSet, reviews: readonly ReviewEntry[], approved = approvedIds(set, reviews)): LedgerSet {
  const { ledgers } = filterLedgers(set.ledgers, (r) => approved.has(r.id));
  // Pictures count with the approved visits that name them (a group's others would show beside 0 visits).
  const named = new Set(
    ledgers.visit.flatMap((v) => (Array.isArray(v.photos) ? v.photos : []).map((p) => `groups/${v.group}/${String(p)}`)),
  );
  const groups = set.manifest.groups.map((g) => ({ ...g, photos: g.photos.filter((p) => named.has(p)) }));
  return { ...set, manifest: { ...set.manifest, groups }, ledgers };
}

/** What is said under every sheet's title; the findings sheet says what it holds of reviewed records in its own words. */
function notes(ctx: ExportContext, options: ExportOptions, later: number): { all: string[]; findings: string[] } {
  // Masking covers the numbers only: a reader must not take the file for anonymous.
  const redact = options.redact
    ? [ctx.t('身份证号码、联系电话已隐去部分数字，姓名、住址未隐去', 'ID and phone numbers partly masked; names and addresses are not')]
    : [];
  const day = (lang: 'zh-CN' | 'en') => proseDate(options.asOf, lang);
  const dated = later
    ? [ctx.t(`另有${later}条记录日期晚于${day('zh-CN')}，未列入`, `${count(later, 'record')} dated after ${day('en')} left out`)]
    : [];
  if (!options.reviewedOnly) return { all: [...redact, ...dated], findings: [...redact, ...dated] };
  const reviewed = ctx.t('仅含审核通过且审核后未改动的记录', 'only records approved in review and unchanged since');
  const findings = ctx.t(
    '问题按全部记录查出，仅列涉及审核通过且审核后未改动记录的问题（涉及记录只列这些记录）和针对整个工作组的问题',
    'findings made over all records; listed are those about records approved in review and unchanged since (only those records named) and those about a group as a whole',
  );
  return { all: [...redact, reviewed, ...dated], findings: [...redact, findings, ...dated] };
}

export function buildWorkbookModel(set: LedgerSet, options: ExportOptions) {
  const scoped = onlyGroup(set, options.group);
  const ctx = exportContext({ ...options, groups: scoped.manifest.groups });
  const { campaign } = scoped.manifest;
  // Everything is as of the date, like the report: the figures, the findings and the ledger
  // sheets (a card dated after it would contradict the 汇总 beside it). The note says how many
  // later records were left out, so none disappears silently.
  const dated = asOfView(scoped, options.asOf).set;
  const found = runAudit(dated, { asOf: options.asOf });
  const reviews = options.reviews ?? [];
  // Approved records of every group: a likely duplicate of the group's may be another group's.
  const approved = options.reviewedOnly ? approvedIds(set, reviews) : undefined;
  const shown = asOfView(approved ? approvedOnly(scoped, reviews, approved) : scoped, options.asOf);
  const audit = approved ? reviewedFindings(found, approved) : found;
  const listed = (id: string, r: LedgerRecord | undefined) => (approved ? approved.has(id) : true) && (!r || r.date <= options.asOf);
  const duplicates = duplicateSheet(ctx, set, options.group, listed);
  const said = notes(ctx, options, shown.later);
  const join = (xs: string[]) => (xs.length ? { note: xs.join(ctx.t('；', '; ')) } : {});
  const model: WorkbookModel = {
    title: `${campaign.unit} ${campaign.title}`,
    subtitle: ctx.t(
      `${campaign.unit}“${campaign.title}”\u3000\u3000截至${proseDate(options.asOf, 'zh-CN')}`,
      `${campaign.unit}: ${campaign.title} — as of ${proseDate(options.asOf, 'en')}`,
    ),
    subject: ctx.t('下基层听意见台账', 'Listening-to-opinions ledgers'),
    ...join(said.all),
    sheets: [
      // Review counts over the records shown (those dated by the day), as every other figure.
      summarySheet(ctx, campaignStats(shown.set, options.asOf), countStates(reviewLedgers(dated.ledgers, reviews).records)),
      ...ledgerSheets(ctx, shown.set.ledgers),
      { ...auditSheet(ctx, audit), ...join(said.findings) },
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
