// FORMAT 1.1 beyond the one-file fixtures: labels become codes in the ledgers, the register
// number is unique across groups in validate, status and merge (and --allow-invalid refuses
// the later record, and a record naming it, without the caches keeping the refusal), and the
// new messages speak Chinese without codes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { localize } from '../../src/messages/diagnostic.js';
import { mergeCampaign } from '../../src/pipeline/mergeCampaign.js';
import { validateCampaign } from '../../src/pipeline/validateCampaign.js';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { FIXTURES, MINI_CAMPAIGN, writeCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const TODAY = '2026-11-24';
const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'validate', name), 'utf8');

/** MINI_CAMPAIGN with a second group g2 (same members). */
const TWO_GROUPS = `${MINI_CAMPAIGN}  - id: g2
    name: Group 2
    type: work-group
    leader: Zhang Ming
    members:
      - { name: Zhang Ming, title: Director, leading: true }
      - { name: Li Hua }
`;

const visit = (id: string, extra = '') =>
  `kind: visit\nid: ${id}\ndate: 2014-04-25\n${extra}place: Xingfu\npattern: grassroots\nmethods: [symposium]\nled_by: Zhang Ming\nparticipants: [Zhang Ming]\naudiences:\n  - { kind: masses, count: 3 }\n`;
const opinion = (id: string, visitId: string) =>
  `kind: opinion\nid: ${id}\ndate: 2014-04-25\nvisit: ${visitId}\nchannel: face-to-face\ncollected_by: Li Hua\nsource: { kind: masses }\ncategory: formalism\nabout: unit\ncontent: Opinion ${id}\n`;

describe('zh-CN labels of the new codes', () => {
  it('are read as codes, and the ledgers store the codes', async () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/r.yaml': fixture('format11-zh-labels.yaml') });
    const checked = validateCampaign(root, { today: TODAY });
    expect(checked.diagnostics).toEqual([]);
    const merged = await mergeCampaign(root, { tool: 'test', today: TODAY, threads: 1 });
    expect(merged.written).toBe(true);
    const { ledgers } = loadLedgers(merged.ledgersDir);
    expect(ledgers.opinion[0]?.rectification).toMatchObject({ status: 'done', satisfaction: 'basically' });
    expect(ledgers.appeal[0]).toMatchObject({ channel: 'hotline-12345', satisfaction: 'unsatisfied' });
    expect(ledgers.hardship[0]).toMatchObject({
      cause: 'old-age',
      policies: ['subsistence', 'medical-aid', 'extreme-poverty', 'disability-allowance', 'temporary-aid', 'pension'],
    });
  });
});

describe('ref_no is unique within the campaign', () => {
  const files = () => ({
    'ledger.yaml': TWO_GROUPS,
    'groups/g1/a.yaml': visit('v1', 'ref_no: 320102-2014-0001\n'),
    // The same number in another group, on a visit an opinion names.
    'groups/g2/b.yaml': `${visit('v1', 'ref_no: "320102-2014-0001"\n')}---\n${opinion('o1', 'v1')}---\n${visit('v2', 'ref_no: 320102-2014-0002\n')}`,
  });

  it('validate reports the later record, where its number is written, and status counts it with its group', async () => {
    const root = writeCampaign(files());
    const ds = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.severity}`)).toEqual([
      'groups/g2/b.yaml:4:9 duplicate-ref-no error',
    ]);
    expect(ds[0]?.message).toBe(
      'ref_no "320102-2014-0001" is already the number of g1/v1 (activity account, groups/g1/a.yaml:1): each record needs a number of its own',
    );
    expect(localize(ds[0]!, 'zh-CN')).toBe(
      '登记编号“320102-2014-0001”已用于 g1/v1（活动台账，groups/g1/a.yaml 第1行）：每条记录的登记编号应互不相同',
    );
    const status = JSON.parse((await runCli(['status', '--format', 'json', '--as-of', '2014-05-24'], { cwd: root })).stdout) as {
      groups: { group: string; errors: number }[];
    };
    expect(status.groups.map((g) => [g.group, g.errors])).toEqual([
      ['g1', 0],
      ['g2', 1],
    ]);
  });

  it('merge refuses; --allow-invalid refuses the later record and the opinion naming it, the first keeps its number', async () => {
    const root = writeCampaign(files());
    const refused = await mergeCampaign(root, { tool: 'test', today: TODAY, threads: 1 });
    expect(refused.written).toBe(false);
    expect(refused.summary.errors).toBe(1);

    const merged = await mergeCampaign(root, { tool: 'test', today: TODAY, threads: 1, allowInvalid: true });
    expect(merged.written).toBe(true);
    const { ledgers, manifest } = loadLedgers(merged.ledgersDir);
    expect(ledgers.visit.map((v) => [v.id, v.ref_no])).toEqual([
      ['g1/v1', '320102-2014-0001'],
      ['g2/v2', '320102-2014-0002'],
    ]);
    expect(ledgers.opinion).toEqual([]);
    const rejected = parse(readFileSync(path.join(merged.ledgersDir, 'rejected.yaml'), 'utf8')) as {
      id: string;
      reasons: { code: string }[];
    }[];
    expect(rejected.map((r) => [r.id, r.reasons.map((x) => x.code)])).toEqual([
      ['v1', ['duplicate-ref-no']],
      ['o1', ['visit-has-errors']],
    ]);
    expect(manifest.groups.map((g) => [g.id, g.errors])).toEqual([
      ['g1', 0],
      ['g2', 1],
    ]);

    // Merged again from the caches: the same bytes.
    const ledgerText = () =>
      ['visits.yaml', 'opinions.yaml', 'rejected.yaml', 'manifest.yaml'].map((f) => readFileSync(path.join(merged.ledgersDir, f), 'utf8'));
    const first = ledgerText();
    const second = await mergeCampaign(root, { tool: 'test', today: TODAY, threads: 1, allowInvalid: true });
    expect(second.reused).toBe(1); // g1, with its register numbers, from the cache
    expect(ledgerText()).toEqual(first);

    // The first record renumbered: the caches do not hold on to the refusal.
    writeFileSync(path.join(root, 'groups/g1/a.yaml'), visit('v1', 'ref_no: 320102-2014-0009\n'));
    const fixed = await mergeCampaign(root, { tool: 'test', today: TODAY, threads: 1 });
    expect(fixed.written).toBe(true);
    const again = loadLedgers(fixed.ledgersDir).ledgers;
    expect(again.visit.map((v) => v.id)).toEqual(['g1/v1', 'g2/v1', 'g2/v2']);
    expect(again.opinion.map((o) => o.id)).toEqual(['g2/o1']);
  });
});

describe('the new messages in Chinese', () => {
  it('name fields by their terms and dates as a document writes them, never codes', () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/a.yaml': fixture('reopened-status.yaml'),
      'groups/g1/b.yaml': fixture('done-before-reopened.yaml'),
      'groups/g1/c.yaml': fixture('satisfaction-without-feedback.yaml'),
      'groups/g1/d.yaml': fixture('wrong-type-numbers.yaml'),
    });
    const zh = validateCampaign(root, { today: TODAY }).diagnostics.map((d) => localize(d, 'zh-CN'));
    expect(zh).toContain('已于2014年5月12日复号，整改状态为“整改中”，应删去原完成日期（2014年5月10日），再次完成时重新填写');
    expect(zh).toContain('已于2014年5月12日复号，再次完成前整改状态应为“已制定”或“整改中”，不能是“不具备条件”');
    expect(zh).toContain('完成日期（2014年5月10日）早于复号日期（2014年5月12日）：复号后再次完成的日期不能早于复号日期');
    expect(zh).toContain('“家庭月收入”应为数字，这里是.nan（不是数字）');
    for (const m of zh) expect(m).not.toMatch(/in-progress|not-actionable|reopened_on|done_on|monthly_income|satisfaction/);
  });

  it('.inf is named as such too', () => {
    const text = fixture('wrong-type-numbers.yaml').replace('monthly_income: .nan', 'monthly_income: -.inf');
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/d.yaml': text });
    const ds = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(ds.map((d) => d.message)).toContain('monthly_income must be a number, found .inf (infinity, not a number)');
  });
});

describe('a code field given a number or a list', () => {
  it('is one mistake with one diagnostic (not a type error beside it)', () => {
    const rect =
      'rectification: { measure: M, responsible: Li Hua, due: 2014-05-10, status: done, done_on: 2014-05-01, feedback: true, satisfaction: 1 }\n';
    const text = `${visit('v1')}---\n${opinion('o1', 'v1').replace('channel: face-to-face', 'channel: [face-to-face]')}${rect}`;
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/r.yaml': text });
    const ds = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(ds.map((d) => [d.pointer, d.code])).toEqual([
      ['/channel', 'invalid-code'],
      ['/rectification/satisfaction', 'invalid-code'],
    ]);
  });
});
