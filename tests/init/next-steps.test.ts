// What `ledger init` says to do next works: run from where init was run, the printed lines
// (cd into the new folder, write a visit, validate) run as written, in either language and
// with a folder name a shell must have quoted.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/campaign.js';

/** The printed next steps as argv lists, following their `cd`. */
function steps(stderr: string, from: string): { cwd: string; argv: string[] }[] {
  const lines = stderr.split('\n').filter((l) => /^ {2}(cd |ledger )/.test(l));
  let cwd = from;
  const out: { cwd: string; argv: string[] }[] = [];
  for (const line of lines) {
    for (const part of line.trim().split(' && ')) {
      const cd = /^cd (?:"(.*)"|(\S+))$/.exec(part);
      if (cd) cwd = path.resolve(cwd, (cd[1] ?? cd[2])!.replace(/\\(["$`])/g, '$1'));
      else out.push({ cwd, argv: part.split(' ').slice(1) });
    }
  }
  return out;
}

describe('ledger init: next steps', () => {
  for (const [lang, name] of [
    ['zh-CN', '河东区 2014'],
    ['en', 'district'],
  ] as const) {
    it(`${lang}: the printed commands run from where init ran (${JSON.stringify(name)})`, async () => {
      const from = tempDir();
      const env = { NO_COLOR: '1', LANG: lang === 'en' ? 'en_US.UTF-8' : 'zh_CN.UTF-8' };
      const init = await runCli(['init', name, '--lang', lang, '--groups', '2'], { cwd: from, env });
      expect(init.code).toBe(0);
      const todo = steps(init.stderr, from);
      expect(todo.map((s) => s.argv[0])).toEqual(['new', 'validate']);
      expect(todo[0]!.cwd).toBe(path.join(from, name));
      for (const step of todo) {
        const r = await runCli(step.argv, { cwd: step.cwd, env });
        // The skeleton is not filled in yet, so validate finds empty values (1); never a usage or config failure (2).
        expect(r.code, `${step.argv.join(' ')}: ${r.stderr}`).toBeLessThan(2);
      }
    });
  }
});
