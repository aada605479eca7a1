// Refused records are reported, never turned into absence: the audit does not charge a group
// with "no visits" when its visits were refused, records depending on a refused visit are
// refused with it (the ledgers hold no dangling reference), and every merge says what changed.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/runAudit.js';
import { mergeCampaign } from '../../src/pipeline/mergeCampaign.js';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { copyCampaign, JPEG, MINI_CAMPAIGN, MINI_OPINION, MINI_VISIT_HEARD, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const VISIT = MINI_VISIT_HEARD;
const OPINION = MINI_OPINION;

function campaign(visit = VISIT) {
  return writeCampaign({
    'ledger.yaml': MINI_CAMPAIGN,
    'groups/g1/visits.yaml': visit,
    'groups/g1/opinions.yaml': `${OPINION('o1')}---\n${OPINION('o2')}`,
    'groups/g1/photos/a.jpg': JPEG,
    'groups/g1/summary.md': 'We listened.\n',
  });
}

const OPTIONS = { tool: 'test', today: '2026-11-24', threads: 1 };

describe('refused records', () => {
  it('a refused visit takes the records naming it along, and the audit reports refusals instead of absence', async () => {
    const root = campaign(VISIT.replace('led_by: Zhang Ming', 'led_by: Zhang Mign'));
    const plain = await mergeCampaign(root, OPTIONS);
    expect(plain.written).toBe(false);
    // validate: one error at the typo, no false unknown-visit on the opinions
    expect(plain.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['unknown-member groups/g1/visits.yaml:7']);

    const merged = await mergeCampaign(root, { ...OPTIONS, allowInvalid: true });
    expect(merged.written).toBe(true);
    const set = loadLedgers(merged.ledgersDir);
    expect(set.ledgers.visit).toEqual([]);
    expect(set.ledgers.opinion).toEqual([]); // referentially whole: no opinion points to a missing visit
    expect(set.rejected.map((r) => [r.id, r.reasons.map((x) => x.code)])).toEqual([
      ['o1', ['visit-has-errors']],
      ['o2', ['visit-has-errors']],
      ['v1', ['unknown-member']],
    ]);
    const audit = runAudit(set, { asOf: '2014-05-24' });
    const codes = audit.findings.map((f) => f.code);
    expect(codes).toContain('refused-records');
    for (const silenced of [
      'no-visits',
      'no-opinions',
      'missing-photos',
      'leader-absent',
      'written-only',
      'coverage-gap',
      'cursory-visit',
    ]) {
      expect(codes).not.toContain(silenced);
    }
    const refused = audit.findings.find((f) => f.code === 'refused-records');
    expect(refused?.data).toMatchObject({ total: 3, counts: [{ count: 1 }, { count: 2 }], unknown: 0 });
    expect(refused?.records.sort()).toEqual(['g1/o1', 'g1/o2', 'g1/v1']);
    expect(audit.makeup).toEqual(['g1']);
  });

  it('audit --format json gives the refused-records finding its counts by kind (RULES.md: counts: {kind: n})', async () => {
    const root = campaign(`${VISIT.replace('led_by: Zhang Ming', 'led_by: Zhang Mign')}---\nkind: [broken\n`);
    await mergeCampaign(root, { ...OPTIONS, allowInvalid: true });
    const run = await runCli(['audit', '--as-of', '2014-05-24', '--format', 'json'], { cwd: root });
    const finding = JSON.parse(run.stdout).findings.find((f: { code: string }) => f.code === 'refused-records');
    expect(finding.counts).toEqual({ visit: 1, opinion: 2, unknown: 1 });
    const others = JSON.parse(run.stdout).findings.filter((f: { code: string }) => f.code !== 'refused-records');
    for (const f of others) expect(f).not.toHaveProperty('counts');
  });

  it('a document whose kind could not be read silences every rule that reads records', async () => {
    const root = campaign(`${VISIT}---\nkind: [broken\n`);
    const merged = await mergeCampaign(root, { ...OPTIONS, allowInvalid: true });
    const set = loadLedgers(merged.ledgersDir);
    expect(set.rejected).toHaveLength(1);
    expect(set.rejected[0]?.kind).toBeNull();
    const codes = runAudit(set, { asOf: '2014-05-24' }).findings.map((f) => f.code);
    expect(codes).toContain('refused-records');
    expect(codes).not.toContain('cursory-visit');
  });
});

describe('changes between merges', () => {
  it('the first merge writes previous: none; a merge that changes nothing writes empty lists', async () => {
    const root = campaign();
    await mergeCampaign(root, OPTIONS);
    expect(parse(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8'))).toEqual({ previous: 'none' });
    const again = await mergeCampaign(root, OPTIONS);
    expect(again.changes).toEqual({ previous: 'ledgers', added: [], removed: [], changed: [], refused: [] });
  });

  it('names records added, removed (by id, in the text output too), changed (by field path) and refused', async () => {
    const root = campaign();
    await mergeCampaign(root, OPTIONS);
    const before = readFileSync(path.join(root, 'ledgers/opinions.yaml'));
    writeFileSync(
      path.join(root, 'groups/g1/opinions.yaml'),
      `${OPINION('o1', 'rectification: { measure: M, responsible: R, due: 2014-06-30, status: done, done_on: 2014-05-20, feedback: true }\n')}---\n${OPINION('o3')}`,
    );
    const run = await runCli(['merge'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/since the last merge: 1 added, 1 removed, 1 changed, 0 refused/);
    expect(run.stdout).toMatch(/warning: 1 record removed since the last merge: g1\/o2/);
    const changes = parse(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8'));
    expect(changes).toEqual({
      previous: 'ledgers',
      added: ['g1/o3'],
      removed: ['g1/o2'],
      changed: [{ id: 'g1/o1', fields: [{ path: 'rectification' }] }],
      refused: [],
    });
    expect(readFileSync(path.join(root, 'ledgers/opinions.yaml'))).not.toEqual(before);
    // The same inputs and the same previous ledgers: the same bytes (a merge without the cache too).
    const again = await runCli(['merge', '--format', 'json'], { cwd: root });
    expect(JSON.parse(again.stdout).changes).toEqual({ previous: 'ledgers', added: [], removed: [], changed: [], refused: [] });
  });

  it('shows from → to for codes and dates, never a personal value', async () => {
    const root = campaign();
    writeFileSync(path.join(root, 'groups/g1/opinions.yaml'), OPINION('o1', 'source_phone: x\n').replace('source_phone: x\n', ''));
    await mergeCampaign(root, OPTIONS);
    writeFileSync(
      path.join(root, 'groups/g1/opinions.yaml'),
      OPINION('o1')
        .replace('source: { kind: masses }', 'source: { kind: masses, phone: "13800138000" }')
        .replace('category: formalism', 'category: hedonism'),
    );
    const merged = await mergeCampaign(root, { ...OPTIONS, cache: false });
    expect(merged.changes).toMatchObject({
      changed: [{ id: 'g1/o1', fields: [{ path: 'source.phone' }, { path: 'category', from: 'formalism', to: 'hedonism' }] }],
    });
    expect(readFileSync(path.join(root, 'ledgers/changes.yaml'), 'utf8')).not.toContain('13800138000');
  });

  it('a record now refused is under refused, not removed', async () => {
    const root = campaign();
    await mergeCampaign(root, OPTIONS);
    writeFileSync(path.join(root, 'groups/g1/visits.yaml'), VISIT.replace('led_by: Zhang Ming', 'led_by: Nobody'));
    const merged = await mergeCampaign(root, { ...OPTIONS, allowInvalid: true });
    expect(merged.changes).toEqual({ previous: 'ledgers', added: [], removed: [], changed: [], refused: ['g1/v1', 'g1/o1', 'g1/o2'] });
  });

  it('works on the examples: one opinion dropped by a group is named', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const file = path.join(root, 'groups/g3/visits/2014-04-15-v1.yaml');
    const docs = readFileSync(file, 'utf8').split('---\n');
    writeFileSync(file, docs.slice(0, -1).join('---\n'));
    const run = await runCli(['merge'], { cwd: root });
    expect(run.stdout).toMatch(/警告：与上次合并相比减少了 1 条记录：g3\/i1/);
  });
});
