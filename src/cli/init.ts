import type { Command } from 'commander';
import path from 'node:path';
import { initCampaign } from '../init/initCampaign.js';
import { localToday } from '../util/dates.js';
import { LOCALES } from '../schema/vocab.js';
import { parseFormat, type Runtime } from './runtime.js';

export function registerInit(program: Command, rt: () => Runtime): void {
  program
    .command('init')
    .description('create a new campaign folder: ledger.yaml, group folders, schemas and editor settings')
    .argument('[dir]', 'the folder to create (default: the current folder)', '.')
    .option('--lang <lang>', 'zh-CN or en: the language of the files, the exports and the report', 'zh-CN')
    .option('--unit <name>', 'the unit running the campaign')
    .option('--groups <n>', 'how many work groups to start with', '5')
    .option('--force', 'add the missing files to a folder that is not empty (nothing is overwritten)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ledger init campaign-2014 --unit 河东区司法局 --groups 5\n  $ ledger init district --lang en --groups 3',
    )
    .action((dir: string, opts: { lang: string; unit?: string; groups: string; force?: boolean }) => {
      const r = rt();
      const lang = parseFormat(opts.lang, LOCALES, '--lang');
      const target = path.resolve(r.cwd, dir);
      const result = initCampaign(target, {
        lang,
        groups: /^\d+$/.test(opts.groups) ? Number(opts.groups) : Number.NaN,
        force: opts.force ?? false,
        today: localToday(),
        ...(opts.unit === undefined ? {} : { unit: opts.unit }),
      });
      const shown = path.relative(r.cwd, target) || '.';
      for (const f of result.created) r.stdout.write(`${path.join(shown, f).split(path.sep).join('/')}\n`);
      if (result.kept.length)
        r.stderr.write(`ledger: kept ${result.kept.length} existing file(s) as they were: ${result.kept.join(', ')}\n`);
      const cd = shown === '.' ? '' : `cd ${shown} && `;
      r.stderr.write(
        lang === 'zh-CN'
          ? `ledger: 已创建活动文件夹 ${shown}。下一步：修改 ledger.yaml 中的单位、时间和各组成员，然后\n  ${cd}ledger new visit --group g1 --with opinions=2\n  ledger validate\n`
          : `ledger: created the campaign in ${shown}. Next: edit the unit, dates and members in ledger.yaml, then\n  ${cd}ledger new visit --group g1 --with opinions=2\n  ledger validate\n`,
      );
    });
}
