// Rollup units are compared by where they really are: a link to the campaign's own ledgers (or
// two names for one unit) would bring the same records in again on every merge. And a merge
// that brings a unit's records in, or drops them, says so in changes.yaml.
import { appendFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyCampaign, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const changes = (root: string) => parse(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8')) as Record<string, string[]>;
const opinions = (root: string) => (parse(readFileSync(path.join(root, 'ledgers/opinions.yaml'), 'utf8')) as unknown[]).length;

describe('units: by their real path', () => {
  it('the campaign’s own ledgers through a link are refused, and nothing doubles', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const link = path.join(tempDir(), 'selflink');
    symlinkSync(root, link);
    appendFileSync(path.join(root, 'ledger.yaml'), `units: [${path.join(link, 'ledgers')}]\n`);
    const run = await runCli(['merge'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/units: 中的.*selflink\/ledgers.*是本活动自身或其中的文件夹.*invalid-value$/m);
    expect(opinions(root)).toBe(64);
  });

  it('one unit named twice (a link and its target) is refused', async () => {
    const city = tempDir();
    const district = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: district })).code).toBe(0);
    symlinkSync(district, path.join(city, 'alias'));
    const root = copyCampaign('en');
    appendFileSync(path.join(root, 'ledger.yaml'), `units: [${path.join(district, 'ledgers')}, ${path.join(city, 'alias/ledgers')}]\n`);
    const run = await runCli(['merge', '--lang', 'en'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/same ledgers\/ folder as .*invalid-value$/m);
  });

  it('changes.yaml names the records a unit brings in and takes away', async () => {
    const district = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: district })).code).toBe(0);
    const root = copyCampaign('en');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const plan = path.join(root, 'ledger.yaml');
    const before = readFileSync(plan, 'utf8');
    appendFileSync(plan, `units: [${path.join(district, 'ledgers')}]\n`);
    const run = await runCli(['merge'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    const unit = path.basename(district).toLowerCase(); // the unit's id: its folder's name
    const totals = (parse(readFileSync(path.join(district, 'ledgers/manifest.yaml'), 'utf8')) as { totals: Record<string, number> }).totals;
    const n = totals.visit! + totals.opinion! + totals.info! + totals.appeal! + totals.stability! + totals.hardship!;
    const added = changes(root).added ?? [];
    expect(added).toHaveLength(n);
    expect(added).toContain(`${unit}/g1/o1`);
    expect(run.stdout).toMatch(new RegExp(`since the last merge: ${n} added, 0 removed`));
    // Merged again with nothing changed: nothing added.
    await runCli(['merge'], { cwd: root });
    expect(changes(root)).toMatchObject({ added: [], removed: [], changed: [] });
    // The unit merged again with one opinion changed: that change is named.
    const v1 = path.join(district, 'groups/g1/visits/2014-04-15-v1.yaml');
    writeFileSync(v1, readFileSync(v1, 'utf8').replace('category: general\n', 'category: 形式主义\n'));
    expect((await runCli(['merge'], { cwd: district })).code).toBe(0);
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    expect(changes(root)).toMatchObject({
      added: [],
      removed: [],
      changed: [{ id: `${unit}/g1/o1`, fields: [{ path: 'category', from: 'general', to: 'formalism' }] }],
    });
    // The unit taken out again: its records are named as removed.
    writeFileSync(plan, before);
    await runCli(['merge'], { cwd: root });
    expect(changes(root).removed).toHaveLength(n);
  });
});
