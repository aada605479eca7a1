// The JSON copies in ledgers/.cache mirror the YAML exactly, and are ignored when they do not.
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

describe('ledger copies', () => {
  it('read through the copies equals read through the YAML', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const dir = path.join(root, 'ledgers');
    expect(existsSync(path.join(dir, '.cache/ledgers/opinions.yaml.json'))).toBe(true);
    const viaCopies = loadLedgers(dir);
    rmSync(path.join(dir, '.cache'), { recursive: true });
    const viaYaml = loadLedgers(dir);
    expect(viaCopies).toEqual(viaYaml);
    expect(viaYaml.ledgers.opinion.length).toBeGreaterThan(0);
  });

  it('a copy that does not mirror the file is ignored; a hand edit is caught by verify', async () => {
    const root = copyCampaign('en');
    await runCli(['merge'], { cwd: root });
    const dir = path.join(root, 'ledgers');
    // A copy that lies about its content must not be believed.
    writeFileSync(path.join(dir, '.cache/ledgers/visits.yaml.json'), '{"sha256":"0000","tool":"x"}\n[]');
    expect(loadLedgers(dir).ledgers.visit.length).toBeGreaterThan(0);
    writeFileSync(path.join(dir, '.cache/ledgers/visits.yaml.json'), 'not json');
    expect(loadLedgers(dir).ledgers.visit.length).toBeGreaterThan(0);
    appendFileSync(path.join(dir, 'visits.yaml'), '# edited by hand\n');
    expect(() => loadLedgers(dir)).toThrow(/visits.yaml was changed after `ledger merge` wrote it/);
  });
});

describe('the file cache', () => {
  it('reads a file again when it was replaced by another of the same size and mtime (a new inode)', async () => {
    const root = copyCampaign('en');
    const folder = path.join(root, 'groups/g1/visits');
    const file = path.join(
      folder,
      readdirSync(folder).find((f) => readFileSync(path.join(folder, f), 'utf8').includes('kind: opinion'))!,
    );
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(file, past, past); // older than the cache, so size and mtime would be trusted
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const content = /\ncontent: ([A-Za-z ]{12})/.exec(before)![1]!;
    const changed = content.slice(0, -1) + (content.endsWith('Z') ? 'Y' : 'Z');
    // Same length, one letter changed, written aside and renamed over the file with the old mtime.
    const aside = `${file}.new`;
    writeFileSync(aside, before.replace(content, changed));
    utimesSync(aside, past, past);
    renameSync(aside, file);
    expect(statSync(file).size).toBe(Buffer.byteLength(before));
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const opinions = readFileSync(path.join(root, 'ledgers/opinions.yaml'), 'utf8');
    expect(opinions).toContain(changed);
    expect(opinions).not.toContain(content);
  });
});
