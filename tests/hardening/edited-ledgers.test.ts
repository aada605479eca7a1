// status and feedback tell a hand-edited ledger file from stale ledgers and name it, as export,
// report and audit do; status does so without hashing every input again.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mergedCopy, runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2014-05-24'];

describe('a ledger file edited by hand', () => {
  it('status says which file was edited (text and json), not that the ledgers are current', async () => {
    const root = await mergedCopy('zh-CN');
    appendFileSync(path.join(root, 'ledgers/opinions.yaml'), 'foo: [\n');
    const text = await runCli(['status', ...AS_OF], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/与各组文件一致/);
    expect(text.stdout).toMatch(/ledgers\/opinions\.yaml 在合并后被改动/);
    const json = JSON.parse((await runCli(['status', ...AS_OF, '--format', 'json'], { cwd: root })).stdout);
    expect([json.ledgers, json.ledgersFile]).toEqual(['edited', 'ledgers/opinions.yaml']);
  });

  it('an edit that keeps the bytes (touched) is still current; an edited manifest is named', async () => {
    const root = await mergedCopy('zh-CN');
    const file = path.join(root, 'ledgers/visits.yaml');
    writeFileSync(file, readFileSync(file)); // new mtime, same bytes
    const json = async () => JSON.parse((await runCli(['status', ...AS_OF, '--format', 'json'], { cwd: root })).stdout);
    expect((await json()).ledgers).toBe('current');
    const manifest = path.join(root, 'ledgers/manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^ {2}opinion: 64$/m, '  opinion: 65'));
    expect(await json()).toMatchObject({ ledgers: 'edited', ledgersFile: 'ledgers/manifest.yaml' });
  });

  it('feedback names the edited file rather than calling the ledgers out of date', async () => {
    const root = await mergedCopy('zh-CN');
    appendFileSync(path.join(root, 'ledgers/opinions.yaml'), 'foo: [\n');
    const run = await runCli(['feedback', ...AS_OF, '--format', 'md', '--out', 'fb'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/台账已过时/);
    expect(run.stderr).toMatch(/ledgers\/opinions\.yaml/);
    const sheet = readFileSync(path.join(root, 'fb/g1-问题反馈单.md'), 'utf8');
    expect(sheet).toMatch(/ledgers\/opinions\.yaml/);
    expect(sheet).not.toMatch(/又有改动/);
  });

  it('status does not hash the ledger files when their size, mtime and inode are as the merge left them', async () => {
    const root = await mergedCopy('zh-CN');
    const hashFile = await import('../../src/read/hashFile.js');
    const spy = vi.spyOn(hashFile, 'sha256File');
    try {
      const { campaignStatus } = await import('../../src/pipeline/campaignStatus.js');
      expect(campaignStatus(root, { asOf: '2014-05-24' }).ledgers).toBe('current');
      // The manifest (a few KB) is read and hashed anyway; the record ledgers are not.
      const ledgerHashes = () =>
        spy.mock.calls.filter(([f]) => String(f).includes(`${path.sep}ledgers${path.sep}`) && !String(f).endsWith('manifest.yaml'));
      expect(ledgerHashes()).toEqual([]);
      // A file whose stat changed (same bytes) is hashed, and only that one: the spy does see the calls.
      const file = path.join(root, 'ledgers/visits.yaml');
      writeFileSync(file, readFileSync(file));
      expect(campaignStatus(root, { asOf: '2014-05-24' }).ledgers).toBe('current');
      expect(ledgerHashes().map(([f]) => path.basename(String(f)))).toEqual(['visits.yaml']);
    } finally {
      spy.mockRestore();
    }
  });
});
