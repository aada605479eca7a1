// Hostile and unlucky files: nothing is skipped in silence, nothing hangs, nothing crashes with a
// stack trace. Each case names the file and what to do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCampaign } from '../../src/pipeline/validateCampaign.js';
import { copyCampaign, JPEG, MINI_CAMPAIGN, MINI_VISIT, REPO, tempDir, writeCampaign, mkfifo } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const VISIT = MINI_VISIT;

const TODAY = '2026-11-24';
const codesOf = (root: string) => validateCampaign(root, { today: TODAY }).diagnostics.map((d) => `${d.code} ${d.file}`);

describe('links and special files in a group folder', () => {
  it('a record file that links out of the group, or nowhere, is an error naming it', () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'outside.yaml': VISIT, 'groups/g1/v.yaml': VISIT });
    symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'groups/g1/out.yaml'));
    symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'groups/g1/dangling.yaml'));
    expect(codesOf(root)).toEqual(['dangling-link groups/g1/dangling.yaml', 'file-outside-group groups/g1/out.yaml']);
  });

  it('a FIFO named like a record file, a photo or the summary does not hang anything', async () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/v.yaml': VISIT.replace('participants', 'photos: [photos/p.png]\nparticipants'),
    });
    mkdirSync(path.join(root, 'groups/g1/photos'), { recursive: true });
    if (!mkfifo(path.join(root, 'groups/g1/pipe.yaml'))) return void console.warn('mkfifo is not available: skipped');
    mkfifo(path.join(root, 'groups/g1/photos/p.png'));
    mkfifo(path.join(root, 'groups/g1/summary.md'));
    const codes = codesOf(root);
    expect(codes).toContain('not-a-regular-file groups/g1/pipe.yaml');
    expect(codes).toContain('not-a-regular-file groups/g1/photos/p.png');
    expect(codes).toContain('not-a-regular-file groups/g1/summary.md');
    const merge = await runCli(['merge', '--allow-invalid'], { cwd: root });
    expect(merge.code).toBe(1);
    const status = await runCli(['status', '--format', 'json'], { cwd: root });
    // A summary that is there but cannot be read is not passed off as none.
    expect(JSON.parse(status.stdout).groups[0]).toMatchObject({ summary: false, summaryUnreadable: true, photos: 0 });
    expect((await runCli(['status'], { cwd: root, env: { LEDGER_LANG: 'zh-CN' } })).stdout).toMatch(/无法读取/);
  });

  it('ledger.yaml that is a folder or a FIFO: one line naming it, exit 2', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'ledger.yaml'));
    const run = await runCli(['validate'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([2, `ledger: cannot read ${path.join(dir, 'ledger.yaml')}: it is a folder\n`]);
    const fifoDir = tempDir();
    if (!mkfifo(path.join(fifoDir, 'ledger.yaml'))) return;
    const fifo = await runCli(['validate'], { cwd: fifoDir });
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/not a regular file/);
  });

  it('a file where a group’s folder goes is said to be one, not "nothing handed in yet"', async () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN });
    mkdirSync(path.join(root, 'groups'), { recursive: true });
    writeFileSync(path.join(root, 'groups/g1'), 'not a folder');
    const zh = await runCli(['validate', '--lang', 'zh-CN'], { cwd: root });
    expect(zh.stdout).toContain('groups/g1 是一个文件，不是文件夹');
    const en = await runCli(['validate', '--lang', 'en'], { cwd: root });
    expect(en.stdout).toContain('groups/g1 is a file, not a folder');
    rmSync(path.join(root, 'groups/g1'));
    expect((await runCli(['validate', '--lang', 'en'], { cwd: root })).stdout).toContain('has no folder groups/g1/ yet');
  });

  it('a record file over the size limit is refused unread; others are still checked', () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/v.yaml': VISIT, 'groups/g1/big.yaml': '' });
    truncateSync(path.join(root, 'groups/g1/big.yaml'), 3 * 1024 * 1024 * 1024); // sparse: 3 GiB, nothing on disk
    expect(codesOf(root)).toEqual(['file-too-large groups/g1/big.yaml']);
  });
});

describe('nesting and volume', () => {
  it('10,000-deep nesting (flow or block) is the file’s own error; the other files are checked', async () => {
    const flow = `kind: visit\nnotes: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    let block = 'kind: visit\nnotes:\n';
    for (let i = 1; i < 10_000; i++) block += `${' '.repeat(i)}- a\n`;
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/flow.yaml': flow,
      'groups/g1/block.yaml': block,
      'groups/g1/v.yaml': VISIT.replace('Zhang Ming\n', 'Zhang Mng\n'),
    });
    expect(codesOf(root)).toEqual([
      'yaml-too-deep groups/g1/block.yaml',
      'yaml-too-deep groups/g1/flow.yaml',
      'unknown-member groups/g1/v.yaml',
    ]);
    const merged = await runCli(['merge', '--allow-invalid'], { cwd: root });
    expect(merged.stderr).toBe('');
  });

  it('200,000 problems in one file are all reported, without a stack overflow', () => {
    const lines = ['kind: visit'];
    for (let i = 0; i < 200_000; i++) lines.push(`x${i}: 1`);
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/many.yaml': lines.join('\n') + '\n' });
    const result = validateCampaign(root, { today: TODAY });
    expect(result.diagnostics.filter((d) => d.code === 'unknown-field')).toHaveLength(200_000);
  }, 60_000);

  it('CR-only line ends (old Mac files) are read as line breaks', () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/v.yaml': VISIT.replace(/\n/g, '\r') });
    expect(codesOf(root)).toEqual([]);
  });
});

describe('names and paths', () => {
  it('a name typed in another Unicode form than the member gets a hint', () => {
    const campaign = MINI_CAMPAIGN.replace('- { name: Li Hua }', '- { name: "Jos\u00e9" }');
    const root = writeCampaign({
      'ledger.yaml': campaign,
      'groups/g1/v.yaml': VISIT.replace('[Zhang Ming, Li Hua]', '[Zhang Ming, "Jose\u0301"]'),
    });
    const d = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['unknown-member']);
    expect(d[0]?.message).toMatch(/written with different Unicode characters than the member "José"/);
  });

  it('paired_cadre must be a member of the group', () => {
    const hardship = `kind: hardship\nid: h1\ndate: 2014-04-28\nperson: { name: Wu Hong }\ncategories: [empty-nester]\nsituation: Lives alone.\nneeds: Visits.\npaired_cadre: Li Hwa\n`;
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/h.yaml': hardship });
    const d = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(d.map((x) => `${x.code} ${x.line}:${x.column}`)).toEqual(['unknown-member 8:15']);
    expect(d[0]?.message).toMatch(/did you mean "Li Hua"/);
  });

  it('units: may not name the campaign itself or a folder inside it', async () => {
    const root = writeCampaign({ 'ledger.yaml': `${MINI_CAMPAIGN}units: [ledgers, ./]\n`, 'groups/g1/v.yaml': VISIT });
    const run = await runCli(['merge'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/invalid-value$/gm)).toHaveLength(2);
    expect(run.stdout).toMatch(/units: "ledgers" is this campaign or a folder inside it/);
  });

  it('a 200-character Chinese title still gives a default file name the file system takes', async () => {
    const root = copyCampaign('zh-CN');
    const plan = path.join(root, 'ledger.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^title: .*$/m, `title: ${'下基层听意见'.repeat(33)}`));
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const run = await runCli(['report', '--as-of', '2014-05-24', '--format', 'md'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(Buffer.byteLength(path.basename(run.stdout.trim()))).toBeLessThanOrEqual(200);
  });

  it('--out a folder, and a template that is a device: one line each, exit 2', async () => {
    const root = copyCampaign('en');
    await runCli(['merge'], { cwd: root });
    mkdirSync(path.join(root, 'taken.xlsx'));
    const out = await runCli(['export', '--as-of', '2014-05-24', '--out', 'taken.xlsx'], { cwd: root });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^ledger: cannot write .*taken\.xlsx: it is a folder\n$/);
    const dev = await runCli(['report', '--as-of', '2014-05-24', '--format', 'md', '--template', '/dev/zero'], { cwd: root });
    expect([dev.code, dev.stderr]).toEqual([
      2,
      'ledger: cannot read the template /dev/zero: it is not a regular file (a pipe, socket or device)\n',
    ]);
  });
});

describe('the terminal', () => {
  it('control characters from files are escaped, never sent raw', async () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/v.yaml': VISIT.replace('led_by: Zhang Ming', 'led_by: "Zhang\\e]0;pwned\\a\\rMing"'),
    });
    const run = await runCli(['validate'], { cwd: root });
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).toContain('\\x1b]0;pwned\\x07\\r');
  });

  it('`ledger validate | head -1` ends quietly (EPIPE)', () => {
    const root = copyCampaign('zh-CN');
    rmSync(path.join(root, 'groups/g1/summary.md'));
    const run = spawnSync('sh', ['-c', `node ${JSON.stringify(path.join(REPO, 'bin/ledger.js'))} validate --lang en | head -1`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toHaveLength(2);
  });

  it('init --groups -5 and friends: the option and what it needs', async () => {
    const run = await runCli(['init', tempDir(), '--groups=-5'], { cwd: REPO });
    expect([run.code, run.stderr]).toEqual([2, 'ledger: --groups needs a whole number from 1 to 99 (got "-5")\n']);
  });
});

it('a photo that is not a picture by its bytes stays reported (JPEG fixture sanity)', () => {
  const root = writeCampaign({
    'ledger.yaml': MINI_CAMPAIGN,
    'groups/g1/v.yaml': VISIT.replace('participants', 'photos: [photos/a.jpg]\nparticipants'),
    'groups/g1/photos/a.jpg': JPEG,
  });
  expect(codesOf(root)).toEqual([]);
});
