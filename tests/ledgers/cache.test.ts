// The JSON copies in ledgers/.cache mirror the YAML exactly, and are ignored when they do not.
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
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
