// Which language ledger speaks: a command's --lang, then LEDGER_LANG, then the campaign's
// locale (the nearest ledger.yaml), then the system's (LC_ALL, then LANG). Chinese unless the
// system asks for another language: unset or C (a bare server, a Windows shell) is zh-CN.
import path from 'node:path';
import { LANGS, type Lang } from '../messages/words.js';
import { campaignLocale } from '../read/campaignLocale.js';

/** The value of `--lang` (and `-C`) in argv, before commander parses it (help is worded with it). */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

function systemLang(env: Record<string, string | undefined>): Lang {
  const value = env.LC_ALL || env.LANG || '';
  if (value === '' || value === 'C' || value === 'POSIX' || /^C\./.test(value) || /^zh/i.test(value)) return 'zh-CN';
  return 'en';
}

export function resolveLang(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): Lang {
  const option = optionValue(argv, '--lang');
  if (option !== undefined && (LANGS as readonly string[]).includes(option)) return option as Lang;
  const fromEnv = env.LEDGER_LANG;
  if (fromEnv !== undefined && (LANGS as readonly string[]).includes(fromEnv)) return fromEnv as Lang;
  const dir = optionValue(argv, '-C');
  return campaignLocale(dir === undefined ? cwd : path.resolve(cwd, dir)) ?? systemLang(env);
}
