// A merge killed at any moment (SIGKILL, in a child process) leaves one whole set of ledgers:
// the old one, or the new one once the next reader rolls the committed write forward. And a
// second merge is refused while one runs; a lock left by a dead process is taken over.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { generateCampaign } from '../helpers/generate.mjs';
import { copyCampaign, REPO, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const BIN = path.join(REPO, 'bin/ledger.js');
const FILES = ['appeals.yaml', 'hardship.yaml', 'info.yaml', 'manifest.yaml', 'opinions.yaml', 'stability.yaml', 'visits.yaml'];
const snapshot = (dir: string) => FILES.map((f) => readFileSync(path.join(dir, 'ledgers', f), 'utf8'));

/** Changes one opinion, so the next merge writes different ledgers. */
function change(dir: string, n: number): void {
  const folder = path.join(dir, 'groups/g2/visits');
  const file = path.join(folder, readdirSync(folder)[0] as string);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/content: "([^"]*)"/, `content: "$1（第${n}次修改）"`));
}

describe('a merge killed mid-write', () => {
  for (const point of ['after-temps', 'after-journal', 'mid-rename']) {
    it(`at ${point}: the ledgers are whole, old or new`, async () => {
      const dir = copyCampaign('zh-CN');
      expect((await runCli(['merge'], { cwd: dir })).code).toBe(0);
      const old = snapshot(dir);
      change(dir, 1);
      const killed = spawnSync(process.execPath, [BIN, 'merge'], {
        cwd: dir,
        env: { ...process.env, LEDGER_TEST_KILL_AT: point },
        encoding: 'utf8',
      });
      expect(killed.signal).toBe('SIGKILL');
      // Readers verify every file against the manifest's hash: a mixed set would fail here.
      const set = loadLedgers(path.join(dir, 'ledgers'));
      const now = snapshot(dir);
      if (point === 'after-temps') expect(now).toEqual(old);
      else expect(now).not.toEqual(old);
      expect(set.ledgers.opinion).toHaveLength(64);
      expect(readdirSync(path.join(dir, 'ledgers')).filter((f) => f.startsWith('.commit'))).toEqual([]);
      // The next merge sweeps what the killed one left and writes the same as a clean run.
      expect((await runCli(['merge'], { cwd: dir })).code).toBe(0);
      expect(readdirSync(path.join(dir, 'ledgers')).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
      expect(snapshot(dir)).not.toEqual(old);
    });
  }

  it('at random moments of a larger merge, every time', async () => {
    const dir = path.join(tempDir(), 'big');
    generateCampaign(dir, { groups: 20, records: 4000, seed: 7 });
    expect(spawnSync(process.execPath, [BIN, 'merge'], { cwd: dir }).status).toBe(0);
    const group = path.join(dir, 'groups', readdirSync(path.join(dir, 'groups'))[0] as string);
    const file = readdirSync(group, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name.endsWith('.yaml'));
    const target = path.join(file!.parentPath, file!.name);
    // Warm merges (one group changed) and cold ones (--no-cache) killed early and late.
    for (let i = 0; i < 6; i++) {
      writeFileSync(target, readFileSync(target, 'utf8').replace(/^content: (.*)$/m, `content: "修改${i}"`));
      const child = spawn(process.execPath, [BIN, 'merge', ...(i % 2 ? ['--no-cache'] : [])], { cwd: dir });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, 150 + i * 200));
      child.kill('SIGKILL');
      await exited;
      const set = loadLedgers(path.join(dir, 'ledgers'));
      expect(set.ledgers.visit.length).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('the merge lock', () => {
  it('refuses a second merge while one runs', async () => {
    const dir = copyCampaign('en');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const ledgers = path.join(dir, 'ledgers');
      (await import('node:fs')).mkdirSync(ledgers, { recursive: true });
      writeFileSync(
        path.join(ledgers, '.lock'),
        JSON.stringify({ pid: sleeper.pid, host: hostname(), started: '2014-05-20T08:00:00.000Z' }),
      );
      const run = await runCli(['merge'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `ledger: another \`ledger merge\` is running on this campaign (pid ${sleeper.pid}, since 2014-05-20T08:00:00.000Z): wait for it to finish; if no merge is running, delete ${path.join(ledgers, '.lock')}\n`,
      );
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone, and removes it when done', async () => {
    const dir = copyCampaign('en');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const ledgers = path.join(dir, 'ledgers');
    (await import('node:fs')).mkdirSync(ledgers, { recursive: true });
    writeFileSync(
      path.join(ledgers, '.lock'),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: '2014-05-20T08:00:00.000Z' }),
    );
    const run = await runCli(['merge'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(ledgers)).not.toContain('.lock');
  });
});
