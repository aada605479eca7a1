// Readers verify what they read: a hand edit of any ledger file (the manifest too) is refused
// naming the file; a cache piece edited or torn is ignored; a lock held by a reused pid does not
// block the office.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { copyCampaign } from '../helpers/campaign.js';
import { mergedCopy, runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2014-05-24'];

describe('verified reads', () => {
  it('an edited ledger file is refused by export, report and audit, naming the file', async () => {
    const root = await mergedCopy('en');
    const file = path.join(root, 'ledgers/opinions.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: formalism', 'category: general'));
    for (const cmd of ['export', 'report', 'audit']) {
      const run = await runCli([cmd, ...AS_OF], { cwd: root });
      expect(run.code, cmd).toBe(2);
      expect(run.stderr).toBe(
        `ledger: ${file} was changed after \`ledger merge\` wrote it (its hash differs from the manifest): do not edit the ledgers; change the group files and run \`ledger merge\` again\n`,
      );
    }
  });

  it('an edited manifest is refused too (its own checksum line)', async () => {
    const root = await mergedCopy('en');
    const file = path.join(root, 'ledgers/manifest.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}opinion: 7$/m, '  opinion: 8'));
    const run = await runCli(['audit', ...AS_OF], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/manifest\.yaml was changed after `ledger merge` wrote it/);
  });

  it('a cache piece replaced by an empty one is not used: the counts stay those of the ledgers', async () => {
    const root = await mergedCopy('en');
    const pieces = path.join(root, 'ledgers/.cache/ledgers/pieces');
    const before = loadLedgers(path.join(root, 'ledgers'));
    for (const name of readdirSync(pieces).filter((n) => n.startsWith('opinion-'))) writeFileSync(path.join(pieces, name), '');
    const after = loadLedgers(path.join(root, 'ledgers'));
    expect(after.ledgers.opinion.length).toBe(before.ledgers.opinion.length);
    expect(after).toEqual(before);
  });
});

describe('the merge lock', () => {
  it('a lock whose pid now belongs to another process (started later) is taken over', async () => {
    const root = copyCampaign('en');
    await runCli(['merge'], { cwd: root });
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      // The lock names a live pid but another start time: the pid was reused after a crash.
      writeFileSync(
        path.join(root, 'ledgers/.lock'),
        JSON.stringify({ pid: sleeper.pid, host: hostname(), started: '2014-05-20T08:00:00.000Z', ticks: '1' }),
      );
      const run = await runCli(['merge'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});
