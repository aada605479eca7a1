// Help is the first thing a new user reads: every command shows an example, and the text is
// snapshotted so a change to it is a reviewed change. Typos get the nearest command or option.
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { VERSION } from '../../src/util/version.js';

const COMMANDS = ['init', 'new', 'validate', 'merge', 'audit', 'status', 'export', 'report', 'schema'];

describe('help', () => {
  it('ledger --help lists every command and a worked example', async () => {
    const run = await runCli(['--help'], { cwd: REPO });
    expect(run.code).toBe(0);
    for (const c of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(run.stdout).toMatch(/Examples/);
    expectGolden('help/ledger.txt', run.stdout);
  });

  for (const c of COMMANDS) {
    it(`ledger ${c} --help shows an example`, async () => {
      const run = await runCli([c, '--help'], { cwd: REPO });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Examples:\\n  \\$ ledger ${c}`));
      expectGolden(`help/${c}.txt`, run.stdout);
    });
  }

  it('prints the version', async () => {
    const run = await runCli(['--version'], { cwd: REPO });
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('suggests the nearest command and option, exit 2', async () => {
    const cmd = await runCli(['valdate'], { cwd: REPO });
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'valdate'\n\(Did you mean validate\?\)/);
    const opt = await runCli(['validate', '--strcit'], { cwd: REPO });
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/unknown option '--strcit'\n\(Did you mean --strict\?\)/);
  });
});
