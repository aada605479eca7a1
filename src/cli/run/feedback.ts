// `ledger feedback`: a feedback sheet for each group (or the named ones), ready to send.
import path from 'node:path';
import { FEEDBACK_FORMATS, writeFeedback } from '../../feedback/writeFeedback.js';
import { feedbackWords } from '../../messages/feedback.js';
import { LANGS } from '../../messages/words.js';
import { asOfOption } from '../ledgerInput.js';
import { campaignRoot, parseChoice, type Runtime } from '../runtime.js';

export async function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice(String(opts.format), FEEDBACK_FORMATS);
  const asOf = asOfOption(opts.asOf);
  const lang = opts.lang === undefined ? undefined : parseChoice(String(opts.lang), LANGS, '--lang');
  const root = campaignRoot(rt);
  const outDir = opts.out === undefined ? path.join(root, 'exports', 'feedback') : path.resolve(rt.cwd, String(opts.out));
  const groups = ((args[0] as string[] | undefined) ?? []).map((g) => g.replace(/\/+$/, '').replace(/^groups\//, ''));
  const result = await writeFeedback(root, { format, asOf, outDir, ...(groups.length ? { groups } : {}), ...(lang ? { lang } : {}) });
  for (const f of result.files) rt.stdout.write(`${(path.relative(rt.cwd, f.path) || f.path).split(path.sep).join('/')}\n`);
  const w = feedbackWords(lang ?? rt.lang);
  rt.log(w.wrote(result.files.length, result.files.filter((f) => !f.clean).length));
  if (result.ledgers !== 'current') rt.log(w.ledgersLog(result.ledgers, result.ledgersFile ?? ''));
}
