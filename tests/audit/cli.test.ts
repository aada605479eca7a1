// Golden CLI scenarios for `ledger audit` and `ledger status` on the examples, with a fixed date.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const AS_OF = ['--as-of', '2014-05-24'];

for (const example of ['zh-CN', 'en']) {
  describe(`examples/${example}`, () => {
    let root = '';
    beforeAll(async () => {
      root = copyCampaign(example);
      expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    });

    it('audit text', async () => {
      const run = await runCli(['audit', ...AS_OF], { cwd: root });
      expect(run.code).toBe(example === 'zh-CN' ? 1 : 0);
      expectGolden(`audit/${example}.txt`, run.stdout);
    });

    it('audit json', async () => {
      const run = await runCli(['audit', ...AS_OF, '--format', 'json', '--lang', 'en'], { cwd: root });
      const parsed = JSON.parse(run.stdout);
      expect(Object.keys(parsed)).toEqual(['findings', 'makeup', 'summary']);
      if (example === 'zh-CN') expect(parsed.makeup).toEqual(['g2', 'g3', 'g4', 'j-xiguan']);
      else expect(parsed.makeup).toEqual([]);
      expectGolden(`audit/${example}.json`, run.stdout);
    });

    it('status text and json', async () => {
      const text = await runCli(['status', ...AS_OF], { cwd: root });
      expect(text.code).toBe(0);
      expectGolden(`status/${example}.txt`, text.stdout);
      const json = await runCli(['status', ...AS_OF, '--format', 'json'], { cwd: root });
      expectGolden(`status/${example}.json`, json.stdout);
    });
  });
}

describe('stale ledgers', () => {
  it('audit and status refuse them (exit 2) and --merge brings them up to date', async () => {
    const root = copyCampaign('en');
    expect((await runCli(['audit', ...AS_OF], { cwd: root })).stderr).toMatch(/no ledgers .*run `ledger merge` first/);
    await runCli(['merge'], { cwd: root });
    appendFileSync(path.join(root, 'groups/g1/summary.md'), 'More.\n');
    const run = await runCli(['audit', ...AS_OF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ledger: the ledgers are out of date (changed: groups/g1/summary.md): run `ledger merge` first, or pass --merge\n',
    );
    // status reads the folders: it works on stale ledgers and says they are stale.
    const status = await runCli(['status', ...AS_OF, '--format', 'json'], { cwd: root });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ ledgers: 'stale' });
    const merged = await runCli(['audit', ...AS_OF, '--merge'], { cwd: root });
    expect(merged.code).toBe(0);
    expect((await runCli(['status', ...AS_OF], { cwd: root })).code).toBe(0);
  });

  it('--group must name a group', async () => {
    const root = copyCampaign('en');
    const run = await runCli(['audit', '--merge', '--group', 'g2'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ledger: no group "g2" in the ledgers; did you mean "g1"?\n');
  });
});
