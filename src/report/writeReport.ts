// `ledger report` as a library: ledgers in, one report file out. Reads the merged ledgers (and
// the photos the manifest lists, for the html thumbnails), never the group records.
import { writeFileAtomic } from '../write/fsAtomic.js';
import type { LedgerSet } from '../model/ledgers.js';
import { escapeStrings } from './markdown.js';
import { buildReportModel, type ReportModel, type ReportOptions } from './reportModel.js';
import { defaultTemplatePath, loadTemplate, type ReportFormat } from '../render/templates.js';
import { groupThumbnails } from './thumbnails.js';
import { cleanDeep } from '../text/clean.js';

export interface WriteReportOptions extends ReportOptions {
  format: ReportFormat;
  /** A template of the office's own instead of templates/report.<lang>.<format>.hbs. */
  template?: string;
  /** The campaign folder, to find the photos for the html thumbnails. */
  root: string;
}

/** Keys of the model whose values are markup made by ledger itself, not user text. */
const RAW = new Set(['charts', 'thumbnails']);

export async function renderReport(set: LedgerSet, options: WriteReportOptions): Promise<{ model: ReportModel; content: string | Buffer }> {
  // html escapes what it prints; Markdown (and the Word report built from it) gets its values
  // escaped as Markdown before they reach the template.
  const template = loadTemplate(options.template ?? defaultTemplatePath(options.format, options.lang), { html: options.format === 'html' });
  const built = buildReportModel(set, options);
  if (options.format === 'html') {
    const thumbs = groupThumbnails(options.root, set, options.lang);
    for (const g of built.groups) g.thumbnails = thumbs.get(g.id) ?? [];
  }
  // Text from the groups' files reaches html, Markdown and Word: cleaned once, here, when the
  // model is whole (the photos' captions are places of visits too).
  const model = cleanDeep(built);
  if (options.format === 'html') return { model, content: template.render(model) };
  const md = template.render(escapeStrings(model, RAW));
  if (options.format === 'md') return { model, content: md };
  // docx (~1 MB of code) is loaded only for the Word report.
  const { markdownToDocx } = await import('./markdownToDocx.js');
  return { model, content: await markdownToDocx(md, { lang: options.lang, title: `${model.unit} ${model.title}` }) };
}

export async function writeReport(set: LedgerSet, outPath: string, options: WriteReportOptions): Promise<ReportModel> {
  const { model, content } = await renderReport(set, options);
  writeFileAtomic(outPath, content);
  return model;
}
