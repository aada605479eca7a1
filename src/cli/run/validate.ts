// `ledger validate`: read → check → format. Run from inside a group's folder, the clerk means
// that group's submission.
import path from 'node:path';
import { diagnosticsFormat } from '../../format/diagnostics.js';
import { ui } from '../../messages/ui.js';
import { validateCampaign } from '../../pipeline/validateCampaign.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';

export function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): void {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  let paths = (args[0] as string[] | undefined) ?? [];
  const inside = path.relative(root, rt.cwd).split(path.sep);
  if (!paths.length && inside[0] === 'groups' && inside[1]) {
    paths = [path.join(root, 'groups', inside[1])];
    rt.stderr.write(`${ui(lang).onlyGroup(inside[1], root)}\n`);
  }
  const result = validateCampaign(root, paths.length ? { paths: paths.map((p) => path.resolve(rt.cwd, p)) } : {});
  const quiet = opts.quiet === true;
  rt.stdout.write(
    format === 'json'
      ? diagnosticsFormat.json(result.diagnostics, result.summary, { lang, quiet })
      : diagnosticsFormat.text(result.diagnostics, result.summary, { color: rt.color, lang, quiet }),
  );
  rt.exitCode = result.summary.errors > 0 || (opts.strict === true && result.summary.warnings > 0) ? 1 : 0;
}
