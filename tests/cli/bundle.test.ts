// The installed command runs from the bundles of scripts/bundle.mjs (built by `npm run build`,
// which `npm test` runs first): each command there must work as it does from the sources, say
// nothing on stderr it would not say otherwise (a bundled package that calls a deprecated Node
// API makes Node print a warning), and the errors thrown inside a command's bundle must still
// be worded by main() in the other bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign, REPO, tempDir } from '../helpers/campaign.js';

const BIN = path.join(REPO, 'bin/ledger.js');

function ledger(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LEDGER_LANG: 'zh-CN' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundled command (bin/ledger.js)', () => {
  it('has one bundle per command, loaded only when it runs', () => {
    const files = readdirSync(path.join(REPO, 'dist/bundle'));
    for (const name of ['main.js', 'groupWorker.js', 'run-validate.js', 'run-merge.js', 'run-export.js', 'run-report.js']) {
      expect(files).toContain(name);
    }
  });

  it('runs every step of a campaign with nothing unexpected on stderr', () => {
    const dir = copyCampaign('zh-CN');
    const out = tempDir();
    expect(ledger(dir, '--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const steps: [string[], number[]][] = [
      [['validate'], [0]],
      [['status', '--as-of', '2014-05-20'], [0]],
      [['merge'], [0]],
      [
        ['audit', '--as-of', '2014-05-24'],
        [0, 1],
      ],
      [['export', '--as-of', '2014-05-24', '--out', path.join(out, 'x.xlsx')], [0]],
      [['report', '--as-of', '2014-05-25', '--format', 'docx', '--out', path.join(out, 'r.docx')], [0]],
      [['report', '--as-of', '2014-05-25', '--out', path.join(out, 'r.html')], [0]],
    ];
    for (const [args, exits] of steps) {
      const r = ledger(dir, ...args);
      expect(exits, `${args.join(' ')}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr, args.join(' ')).not.toMatch(/Warning|Error|内部错误|at .*\.js:\d+/);
    }
    for (const f of ['x.xlsx', 'r.docx', 'r.html']) expect(existsSync(path.join(out, f))).toBe(true);
  }, 60_000);

  it('words an error thrown in a command bundle in the main bundle (exit 2, not an internal error)', () => {
    const dir = copyCampaign('zh-CN');
    const r = ledger(dir, 'merge', '--jobs', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs 需要 1 到 99 之间的整数/);
    expect(r.stderr).not.toMatch(/内部错误/);
  });
});
