// `ledger init`: a new campaign folder, ready to fill in.
import path from 'node:path';
import { initCampaign } from '../../init/initCampaign.js';
import { ui } from '../../messages/ui.js';
import { LANGS } from '../../messages/words.js';
import { localToday } from '../../util/dates.js';
import { parseChoice, parseCount, type Runtime } from '../runtime.js';

export function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): void {
  const lang = parseChoice(String(opts.lang), LANGS, '--lang');
  const target = path.resolve(rt.cwd, String(args[0] ?? '.'));
  const result = initCampaign(target, {
    lang,
    groups: parseCount(String(opts.groups), '--groups', 1, 99),
    force: opts.force === true,
    today: localToday(),
    ...(opts.unit === undefined ? {} : { unit: String(opts.unit) }),
  });
  const shown = path.relative(rt.cwd, target) || '.';
  for (const f of result.created) rt.stdout.write(`${path.join(shown, f).split(path.sep).join('/')}\n`);
  const w = ui(rt.lang);
  if (result.kept.length) rt.log(w.kept(result.kept.length, result.kept.join(', ')));
  rt.log(w.initDone(shown, shown === '.' ? '' : `cd ${shellWord(shown)} && `));
}

/** A folder as a shell word, in double quotes when it holds anything but letters, digits and path signs (sh and cmd both take those). */
function shellWord(dir: string): string {
  return /^[\p{L}\p{N}._/\\:+-]+$/u.test(dir) ? dir : `"${dir.replace(/(["$`])/g, '\\$1')}"`;
}
