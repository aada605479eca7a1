// Odd values and odd shapes get their own words: a compact nesting 10,000 deep is refused before
// any parser recurses into it, and a fraction where a count goes is called a fraction.
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCampaign } from '../../src/pipeline/validateCampaign.js';
import { tooDeepAt } from '../../src/yaml/depth.js';
import { copyCampaign, MINI_CAMPAIGN, MINI_VISIT, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const TODAY = '2026-11-24';
const where = (root: string) =>
  validateCampaign(root, { today: TODAY }).diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);

describe('compact block nesting (several indicators on one line)', () => {
  it('`- - - … - x` 10,000 deep is yaml-too-deep at the indicator that passes the limit', async () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/dash.yaml': `kind: visit\nnotes:\n${'- '.repeat(10_000)}x\n`,
      'groups/g1/key.yaml': `kind: visit\nnotes:\n  ${'? '.repeat(10_000)}x\n`,
      'groups/g1/mixed.yaml': `kind: visit\nnotes:\n${'- ? '.repeat(5_000)}x\n`,
      'groups/g1/v.yaml': MINI_VISIT,
    });
    expect(where(root)).toEqual([
      'yaml-too-deep groups/g1/dash.yaml:3:129',
      'yaml-too-deep groups/g1/key.yaml:3:131',
      'yaml-too-deep groups/g1/mixed.yaml:3:129',
    ]);
    const merged = await runCli(['merge', '--allow-invalid'], { cwd: root });
    expect(merged.stderr).toBe('');
    const shown = await runCli(['validate'], { cwd: root });
    expect(shown.stdout).not.toMatch(/stack size|internal error/i);
  });

  it('ordinary compact sequences and records stay well within the limit', () => {
    expect(tooDeepAt(`kind: visit\nnotes:\n${'- '.repeat(40)}x\n`)).toBe(-1);
    expect(tooDeepAt(readFileSync(path.join(copyCampaign('zh-CN'), 'groups/g2/visits/2014-04-15-v1.yaml'), 'utf8'))).toBe(-1);
    expect(tooDeepAt('---\n- -1\n- - a\n  - b\n---\nx: [1, 2]\n')).toBe(-1);
  });
});

describe('a fraction where a whole number goes', () => {
  it('count: 2.5 is called a fraction and shown, in both languages', async () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/v.yaml': `${MINI_VISIT}audiences: [{ kind: masses, count: 2.5 }]\n`,
    });
    const en = await runCli(['validate'], { cwd: root });
    expect(en.stdout).toContain('must be a whole number, found a fraction 2.5');
    const zhRoot = copyCampaign('zh-CN');
    const visit = path.join(zhRoot, 'groups/g2/visits/2014-04-15-v1.yaml');
    writeFileSync(visit, readFileSync(visit, 'utf8').replace('{ kind: 群众, count: 23 }', '{ kind: 群众, count: 2.5 }'));
    const zh = await runCli(['validate'], { cwd: zhRoot });
    expect(zh.stdout).toContain('“人数”应为整数，这里是小数 2.5');
  });
});
