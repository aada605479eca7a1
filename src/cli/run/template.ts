// `ledger template`: a workbook for each group to fill in (or one, with --group), optionally
// filled with the group's current records.
import path from 'node:path';
import { writeTemplate } from '../../export/templateWorkbook.js';
import { templateFormat, type TemplateWritten } from '../../format/template.js';
import { findGroup } from '../../init/newRecord.js';
import { LedgerError } from '../../messages/errors.js';
import { workbookWords } from '../../messages/workbookWords.js';
import type { Group } from '../../model/campaign.js';
import { safeFileName } from '../../model/safeFileName.js';
import { templateRecords } from '../../pipeline/templateRecords.js';
import { loadCampaign } from '../../read/loadCampaign.js';
import { localToday } from '../../util/dates.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';

/** <group id>-<group name>.xlsx, made safe and short as every file name is. */
export function templateName(group: Group): string {
  return safeFileName(`${group.id}-${group.name}`, '.xlsx');
}

export async function run(rt: Runtime, _args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  const { campaign } = loadCampaign(root);
  if (!campaign) throw new LedgerError('campaign-invalid', {});
  const groups = opts.group === undefined ? campaign.groups : [findGroup(campaign, String(opts.group))];
  const out = opts.out === undefined ? undefined : path.resolve(rt.cwd, String(opts.out));
  const single = opts.group !== undefined && out !== undefined && /\.xlsx$/i.test(out);
  if (opts.group === undefined && out !== undefined && /\.xlsx$/i.test(out)) throw new LedgerError('out-folder', { got: String(opts.out) });
  const dir = out ?? path.join(root, 'exports', 'templates');
  const written: TemplateWritten[] = [];
  let filled = 0;
  for (const group of groups) {
    const { instance, records } = templateRecords(root, group, opts.records === true);
    const file = single ? (out as string) : path.join(dir, templateName(group));
    const result = await writeTemplate(file, { campaign, group, instance, made: localToday(), records, lang });
    filled += result.records;
    written.push({ group: group.id, file: (path.relative(rt.cwd, file) || file).split(path.sep).join('/'), result });
  }
  rt.stdout.write(format === 'json' ? templateFormat.json(written) : templateFormat.text(written));
  const w = workbookWords(rt.lang);
  rt.log(
    `${w.templateWrote(written.length)}${opts.records === true ? (rt.lang === 'zh-CN' ? '，' : '; ') + w.templateRecords(filled) : ''}`,
  );
}
