// `ledger merge`: read → check → build → write, with a progress bar on a terminal.
import path from 'node:path';
import { mergeFormat } from '../../format/merge.js';
import { mergeCampaign } from '../../pipeline/mergeCampaign.js';
import { VERSION } from '../../util/version.js';
import { progressBar } from '../progress.js';
import { inWorkbooks } from '../../read/workbookPlaces.js';
import { campaignRoot, langOf, parseChoice, parseCount, type Runtime } from '../runtime.js';

export async function run(rt: Runtime, _args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  const threads = opts.jobs === undefined ? undefined : parseCount(String(opts.jobs), '--jobs', 1, 99);
  const progress = progressBar(rt, lang === 'zh-CN' ? '合并' : 'merge');
  const result = await mergeCampaign(root, {
    tool: `ledger ${VERSION}`,
    allowInvalid: opts.allowInvalid === true,
    cache: opts.cache !== false,
    onProgress: progress,
    ...(threads === undefined ? {} : { threads }),
  }).finally(() => progress.end());
  result.diagnostics = inWorkbooks(root, result.diagnostics);
  const ledgers = (path.relative(rt.cwd, result.ledgersDir) || '.').split(path.sep).join('/');
  rt.stdout.write(
    format === 'json' ? mergeFormat.json(result, { lang, ledgers }) : mergeFormat.text(result, { color: rt.color, lang, ledgers }),
  );
  rt.exitCode = result.summary.errors > 0 ? 1 : 0;
}
