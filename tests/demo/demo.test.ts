// The README's first command: `npm run demo` runs the whole pipeline on an example and lists
// outputs that exist. Run on the built CLI, as a new user would after `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'ledger-demo-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run demo', () => {
  for (const example of ['zh-CN', 'en']) {
    it(`runs every step on examples/${example} and names outputs that exist`, () => {
      const out = path.join(temp, example);
      const run = spawnSync(process.execPath, ['scripts/demo.mjs', example, '--out', out], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(run.status, run.stderr).toBe(0);
      const steps = [...run.stdout.matchAll(/\$ ledger (\w+)/g)].map((m) => m[1]);
      expect(new Set(steps)).toEqual(
        new Set(['template', 'validate', 'merge', 'audit', 'status', 'feedback', 'review', 'export', 'report']),
      );
      const listed = [...run.stdout.matchAll(/^ {2}exports: +(.+)$/gm)].map((m) => path.resolve(REPO, m[1]!));
      expect(listed.length).toBeGreaterThan(5);
      for (const f of listed) expect(existsSync(f), f).toBe(true);
      expect(readdirSync(path.join(out, 'ledgers')).length).toBeGreaterThan(0);
      expect(run.stderr).not.toMatch(/internal|Error:/);
    }, 60_000);
  }

  it('names the examples when asked for one that does not exist, exit 2', () => {
    const run = spawnSync(process.execPath, ['scripts/demo.mjs', 'fr'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no example fr .*en, zh-CN/);
  });
});
