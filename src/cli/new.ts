import type { Command } from 'commander';
import path from 'node:path';
import { loadCampaign } from '../read/loadCampaign.js';
import { newRecord, parseWith } from '../init/newRecord.js';
import { kindCode, RECORD_KINDS } from '../schema/spec.js';
import { didYouMean } from '../text/suggest.js';
import { campaignRoot, parseDate, UsageError, type Runtime } from './runtime.js';
import { localToday } from '../util/dates.js';

export function registerNew(program: Command, rt: () => Runtime): void {
  program
    .command('new')
    .description("write a new record for a group from a template, with the next free id; prints the file's path")
    .argument('<kind>', RECORD_KINDS.join(' | '))
    .option('--group <id>', 'the group (default: the group folder you are in)')
    .option('--date <date>', 'the date of the record (default: today)')
    .option('--with <kinds>', 'with a visit: records heard on it, e.g. opinions=3 or opinions=2,appeal=1')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ledger new visit --group g1 --with opinions=3\n  $ ledger new appeal --group g2 --date 2014-04-25\n  $ cd groups/g3 && ledger new hardship',
    )
    .action((kindArg: string, opts: { group?: string; date?: string; with?: string }) => {
      const r = rt();
      const kind = kindCode(kindArg) ?? kindCode(kindArg.replace(/s$/, ''));
      if (!kind)
        throw new UsageError(`no record kind "${kindArg}"${didYouMean(kindArg, RECORD_KINDS)} (the kinds: ${RECORD_KINDS.join(', ')})`);
      const root = campaignRoot(r);
      const { campaign } = loadCampaign(root);
      if (!campaign) throw new UsageError('ledger.yaml has errors: run `ledger validate` and fix them first');
      const inside = path.relative(root, r.cwd).split(path.sep);
      const group = opts.group ?? (inside[0] === 'groups' && inside[1] ? inside[1] : undefined);
      if (group === undefined) throw new UsageError(`name the group with --group (one of: ${campaign.groups.map((g) => g.id).join(', ')})`);
      const date = opts.date === undefined ? localToday() : parseDate(opts.date, '--date');
      const result = newRecord(root, campaign, {
        kind,
        group,
        date,
        ...(opts.with === undefined ? {} : { with: parseWith(opts.with, kindCode) }),
      });
      r.stdout.write(`${path.relative(r.cwd, path.join(root, result.file)).split(path.sep).join('/')}\n`);
      r.stderr.write(
        campaign.locale === 'zh-CN'
          ? `ledger: 已生成 ${result.ids.join('、')}。请填写标有“填写”的行，然后运行 ledger validate\n`
          : `ledger: wrote ${result.ids.join(', ')}. Fill in the lines marked "fill in", then run ledger validate\n`,
      );
    });
}
