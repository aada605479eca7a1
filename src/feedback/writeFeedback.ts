// `ledger feedback` as a library: one feedback sheet per group, written into a folder. The
// group folders are read and checked here (validate's checks), so a sheet always tells what
// is in the folders now; the audit findings and the refused records come from the ledgers
// only when those are a merge of exactly these files, else the sheet says they will follow.
import { asOfView } from '../model/asOfView.js';
import path from 'node:path';
import { runAudit, type Finding } from '../audit/runAudit.js';
import { FileCache } from '../cache/fileCache.js';
import { writeWorkbook } from '../export/writeWorkbook.js';
import { LedgerError } from '../messages/errors.js';
import { feedbackWords, type LedgersNote } from '../messages/feedback.js';
import type { Lang } from '../messages/words.js';
import type { LedgerSet, Origin } from '../model/ledgers.js';
import { entryMap } from '../model/reviews.js';
import { folderReviews } from '../pipeline/folderReviews.js';
import { validateCampaign } from '../pipeline/validateCampaign.js';
import { isStale, staleness } from '../read/freshness.js';
import { LEDGERS_DIR, loadLedgers } from '../read/loadLedgers.js';
import { loadReviews } from '../read/loadReviews.js';
import { markdownToDocx } from '../report/markdownToDocx.js';
import { importedRowsOf } from '../read/importedFiles.js';
import { inWorkbooks } from '../read/workbookPlaces.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { cleanText } from '../text/clean.js';
import { nearest } from '../text/suggest.js';
import { writeFileAtomic } from '../write/fsAtomic.js';
import { feedbackMarkdown, feedbackName, feedbackWorkbook } from './feedbackFiles.js';
import { buildFeedback, nothingToFix } from './feedbackSheet.js';

export type FeedbackFormat = 'docx' | 'md' | 'xlsx';
export const FEEDBACK_FORMATS: readonly FeedbackFormat[] = ['docx', 'md', 'xlsx'];

export interface FeedbackOptions {
  /** Group ids; all groups when empty or absent. */
  groups?: string[];
  format: FeedbackFormat;
  outDir: string;
  asOf: string;
  /** Default: the campaign's locale (the groups' language). */
  lang?: Lang;
}

export interface FeedbackFile {
  group: string;
  path: string;
  /** Nothing for the group to correct. */
  clean: boolean;
}

export interface FeedbackResult {
  lang: Lang;
  ledgers: LedgersNote;
  /** With `edited`: the ledger file changed by hand (campaign-relative). */
  ledgersFile?: string;
  files: FeedbackFile[];
}

/** Ledger files changed by hand, removed or unreadable after the merge: the sheet names the file. */
const EDITED = new Set(['ledgers-edited', 'ledger-missing', 'ledgers-unreadable']);

/** The ledgers when they are a merge of exactly the files in the folders; else why not. */
function currentSet(root: string): { note: LedgersNote; file?: string; set?: LedgerSet } {
  let set: LedgerSet;
  try {
    set = loadLedgers(path.join(root, LEDGERS_DIR));
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
    if (e.code === 'no-ledgers') return { note: 'none' };
    const file = 'file' in e.data && typeof e.data.file === 'string' ? e.data.file : undefined;
    if (EDITED.has(e.code) && file) return { note: 'edited', file: path.relative(root, file).split(path.sep).join('/') };
    return { note: 'stale' };
  }
  return isStale(staleness(root, set.manifest)) ? { note: 'stale' } : { note: 'current', set };
}

export async function writeFeedback(root: string, options: FeedbackOptions): Promise<FeedbackResult> {
  // The merge's cache of checked files is read (never written): unchanged files are not parsed again.
  const validation = validateCampaign(root, { cache: FileCache.load(path.join(root, LEDGERS_DIR)) });
  const campaign = validation.campaign;
  if (!campaign) throw new LedgerError('campaign-invalid', {});
  const lang = options.lang ?? campaign.locale;
  const ids = campaign.groups.map((g) => g.id);
  for (const g of options.groups ?? []) {
    if (!ids.includes(g)) {
      const suggest = nearest(g, ids);
      throw new LedgerError('unknown-group', { group: g, where: 'campaign', ...(suggest === undefined ? {} : { suggest }) });
    }
  }
  const wanted = options.groups?.length ? campaign.groups.filter((g) => options.groups?.includes(g.id)) : campaign.groups;
  const { note, file: ledgersFile, set } = currentSet(root);
  // The findings of the records dated by --as-of, as the audit, the report and the workbook give them.
  const findings: Finding[] = set ? runAudit(asOfView(set, options.asOf).set, { asOf: options.asOf }).findings : [];
  const origins = new Map<string, Origin>();
  if (set) for (const k of RECORD_KINDS) for (const r of set.ledgers[k]) origins.set(r.id, r.origin);
  const entries = entryMap(loadReviews(root));
  const edited = ledgersFile === undefined ? {} : { ledgersFile };
  const result: FeedbackResult = { lang, ledgers: note, ...edited, files: [] };
  for (const group of wanted) {
    const folder = `groups/${group.id}`;
    const files = validation.byGroup.find((g) => g.id === group.id)?.files ?? [];
    const sheet = buildFeedback({
      lang,
      campaign,
      group,
      asOf: options.asOf,
      // Places named inside messages too are the workbook rows of imported records.
      diagnostics: inWorkbooks(
        root,
        validation.diagnostics.filter((d) => d.file === folder || d.file.startsWith(`${folder}/`)),
      ),
      ledgers: note,
      ...edited,
      findings: findings.filter((f) => f.group === group.id),
      origins,
      rejected: set ? set.rejected.filter((r) => r.group === group.id) : [],
      reasons: files.flatMap((f) => f.records.flatMap((r) => r.reasons)),
      rows: importedRowsOf(root, group.id),
      returned: folderReviews(group.id, files, entries).filter(
        (r) => r.entry?.state === 'returned' && (r.state === 'returned' || r.state === 'changed'),
      ),
    });
    const file = path.join(options.outDir, feedbackName(sheet, options.format));
    if (options.format === 'xlsx') await writeWorkbook(feedbackWorkbook(sheet), file, { lang, asOf: options.asOf });
    else {
      // The Markdown file is written as it is: cleaned like the Word file made from it.
      const md = cleanText(feedbackMarkdown(sheet));
      writeFileAtomic(
        file,
        options.format === 'md' ? md : await markdownToDocx(md, { lang, title: `${group.name} ${feedbackWords(lang).title}` }),
      );
    }
    result.files.push({ group: group.id, path: file, clean: nothingToFix(sheet) });
  }
  return result;
}
