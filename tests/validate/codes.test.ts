// One fixture per diagnostic code: each file in tests/fixtures/validate/ says in its first
// lines which diagnostics it must produce (`# expect: code line:col`), and nothing else; a
// fixture of valid records says `# expect: nothing`.
import { readdirSync, readFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCampaign } from '../../src/pipeline/validateCampaign.js';
import { FIXTURES, JPEG, MINI_CAMPAIGN, writeCampaign } from '../helpers/campaign.js';

const DIR = path.join(FIXTURES, 'validate');
const TODAY = '2026-11-24';

function expectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (\S+) (\d+:\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

function diagnosticsOf(files: Record<string, string | Uint8Array>, only?: string) {
  const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/photos/ok.jpg': JPEG, ...files });
  const result = validateCampaign(root, { today: TODAY });
  return result.diagnostics.filter((d) => only === undefined || d.file === only);
}

describe('each diagnostic code has a fixture that produces exactly it, at its place', () => {
  for (const name of readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    it(name, () => {
      const text = readFileSync(path.join(DIR, name), 'utf8');
      const expected = expectations(text);
      expect(expected.length > 0 || /^# expect: nothing$/m.test(text), 'a fixture says what it expects').toBe(true);
      const file = `groups/g1/${name}`;
      const extra: Record<string, string> = name === 'photo-not-image.yaml' ? { 'groups/g1/photos/fake.jpg': 'not a picture' } : {};
      const got = diagnosticsOf({ [file]: text, ...extra }, file).map((d) => `${d.code} ${d.line}:${d.column}`);
      expect(got).toEqual(expected);
    });
  }
});

describe('diagnostics that need more than one file', () => {
  it('not-utf8: a GBK file says so and how to re-save it', () => {
    const gbk = Buffer.concat([Buffer.from('kind: visit\nplace: '), Buffer.from([0xd0, 0xcb, 0xb8, 0xa3]), Buffer.from('\n')]);
    const [d, ...rest] = diagnosticsOf({ 'groups/g1/gbk.yaml': gbk }, 'groups/g1/gbk.yaml');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'not-utf8', severity: 'error', line: 2, column: 8 });
    expect(d?.message).toMatch(/GBK/);
    expect(d?.message).toMatch(/UTF-8/);
  });

  it('UTF-8 with BOM and CRLF line ends is fine, positions unchanged', () => {
    const text =
      '\uFEFFkind: visit\r\nid: v1\r\ndate: 2014-04-25\r\nplace: X\r\npattern: grassroots\r\nmethods: [symposium]\r\nled_by: Zhang Mng\r\nparticipants: [Zhang Ming]\r\n';
    const ds = diagnosticsOf({ 'groups/g1/bom.yaml': text }, 'groups/g1/bom.yaml');
    expect(ds.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['unknown-member 7:9']);
  });

  it('undeclared-group: a folder under groups/ that ledger.yaml does not list', () => {
    const ds = diagnosticsOf({ 'groups/g9/x.yaml': 'kind: visit\n' });
    expect(ds.filter((d) => d.code === 'undeclared-group')).toMatchObject([{ file: 'groups/g9', severity: 'error' }]);
  });

  it('group-folder-missing: a declared group that has not handed anything in is a warning', () => {
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN });
    const result = validateCampaign(root, { today: TODAY });
    expect(result.diagnostics).toMatchObject([{ code: 'group-folder-missing', severity: 'warning', file: 'groups/g1' }]);
  });

  it('photo-outside-group: a symlink that leads out of the group folder', () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'secret.jpg': JPEG,
      'groups/g1/v.yaml': readFileSync(path.join(DIR, 'photo-missing.yaml'), 'utf8').replace('photos/none.jpg', 'photos/link.jpg'),
    });
    mkdirSync(path.join(root, 'groups/g1/photos'), { recursive: true });
    symlinkSync(path.join(root, 'secret.jpg'), path.join(root, 'groups/g1/photos/link.jpg'));
    const ds = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['photo-outside-group']);
  });

  it('zh-CN labels are accepted wherever a code is', () => {
    const text =
      'kind: 活动台账\nid: v1\ndate: 2014-04-25\nplace: 幸福社区\npattern: 下基层\nmethods: [座谈会, 入户走访]\nled_by: Zhang Ming\nparticipants: [Zhang Ming]\naudiences:\n  - { kind: 群众, count: 3 }\nalso: [送温暖]\n';
    const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN, 'groups/g1/v.yaml': text });
    const result = validateCampaign(root, { today: TODAY });
    expect(result.diagnostics).toEqual([]);
    expect(result.files[0]?.records[0]?.data).toMatchObject({
      kind: 'visit',
      pattern: 'grassroots',
      methods: ['symposium', 'home-visit'],
      audiences: [{ kind: 'masses', count: 3 }],
      also: ['send-warmth'],
    });
  });

  it('a typo in a code suggests the nearest code or label', () => {
    const ds = diagnosticsOf({ 'groups/g1/t.yaml': readFileSync(path.join(DIR, 'invalid-code.yaml'), 'utf8') }, 'groups/g1/t.yaml');
    expect(ds[0]?.message).toContain('did you mean "grassroots"');
    const zh = diagnosticsOf(
      { 'groups/g1/t.yaml': readFileSync(path.join(DIR, 'invalid-code.yaml'), 'utf8').replace('grasroots', '下基') },
      'groups/g1/t.yaml',
    );
    expect(zh[0]?.message).toContain('did you mean "下基层"');
  });

  it('messages never echo an ID number or a phone number in full', () => {
    for (const name of ['invalid-id-number.yaml', 'invalid-phone.yaml', 'unquoted-number.yaml']) {
      const ds = diagnosticsOf({ 'groups/g1/p.yaml': readFileSync(path.join(DIR, name), 'utf8') }, 'groups/g1/p.yaml');
      for (const d of ds) {
        expect(d.message).not.toMatch(/\d{11}/);
      }
    }
  });
});

describe('nothing crashes, and hostile input is answered quickly', () => {
  it('an empty ledger.yaml, a list, or YAML garbage gives diagnostics, not exceptions', () => {
    for (const text of ['', '- a\n- b\n', ': : :\n', 'kind: campaign\n']) {
      const root = writeCampaign({ 'ledger.yaml': text });
      const result = validateCampaign(root, { today: TODAY });
      expect(result.summary.errors).toBeGreaterThan(0);
      expect(result.campaign).toBeNull();
    }
  });

  it('a billion-laughs file is refused at its first alias', () => {
    const lines = ['kind: visit', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const ds = diagnosticsOf({ 'groups/g1/bomb.yaml': lines.join('\n') + '\n' }, 'groups/g1/bomb.yaml');
    expect(ds.length).toBeGreaterThan(0);
    expect(new Set(ds.map((d) => d.code))).toEqual(new Set(['yaml-alias']));
  });

  it('a 10 MB string gives a short too-long message', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const ds = diagnosticsOf(
      { 'groups/g1/big.yaml': readFileSync(path.join(DIR, 'missing-field.yaml'), 'utf8') + `place: ${big}\n` },
      'groups/g1/big.yaml',
    );
    const tooLong = ds.find((d) => d.code === 'too-long');
    expect(tooLong).toBeDefined();
    expect(tooLong!.message.length).toBeLessThan(200);
  });

  it('__proto__ nested in a record is refused and pollutes nothing', () => {
    const text = readFileSync(path.join(DIR, 'missing-done-on.yaml'), 'utf8').replace(
      'source: { kind: masses }',
      'source: { kind: masses, __proto__: { polluted: 1 } }',
    );
    const ds = diagnosticsOf({ 'groups/g1/p.yaml': text }, 'groups/g1/p.yaml');
    expect(ds.map((d) => d.code)).toContain('unsafe-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ledger.yaml errors have positions too', () => {
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN.replace('type: work-group', 'type: workgroup').replace('leader: Zhang Ming', 'leader: Wang Wu'),
    });
    const ds = validateCampaign(root, { today: TODAY }).diagnostics;
    expect(ds.map((d) => `${d.file} ${d.code} ${d.line}:${d.column}`)).toEqual([
      'ledger.yaml invalid-code 10:11',
      'ledger.yaml unknown-member 11:13',
    ]);
  });
});

it('writes nothing while validating', () => {
  const root = writeCampaign({ 'ledger.yaml': MINI_CAMPAIGN });
  validateCampaign(root, { today: TODAY });
  expect(readdirSync(root).sort()).toEqual(['ledger.yaml']);
});

it('normalising keeps the campaign locale as written (regression: zh-CN became en)', async () => {
  const { checkCampaign: parseCampaign } = await import('../../src/check/checkCampaign.js');
  const zh = parseCampaign(Buffer.from(MINI_CAMPAIGN.replace('locale: en', 'locale: zh-CN')));
  expect(zh.campaign?.locale).toBe('zh-CN');
  expect(parseCampaign(Buffer.from(MINI_CAMPAIGN)).campaign?.locale).toBe('en');
});

describe('likely-duplicate', () => {
  const opinion = (id: string, source: string, content: string) =>
    `kind: opinion\nid: ${id}\ndate: 2014-04-25\nchannel: symposium\ncollected_by: Li Hua\nsource: { kind: ${source} }\ncategory: formalism\nabout: unit\ncontent: ${JSON.stringify(content)}\n`;

  it('warns on near-identical content from the same kind of source, keeping both', () => {
    const ds = diagnosticsOf({
      'groups/g1/a.yaml': opinion('o1', 'masses', 'Too many meetings and forms; the window staff send people back for missing papers.'),
      'groups/g1/b.yaml': `${opinion('o2', 'masses', 'Too many meetings and forms, the window staff send people back for missing papers!')}---\n${opinion('o3', 'retired-veteran', 'Too many meetings and forms; the window staff send people back for missing papers.')}---\n${opinion('o4', 'masses', 'The legal aid hotline is never answered in the evening.')}`,
    });
    expect(ds.filter((d) => d.code === 'likely-duplicate').map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual([
      'groups/g1/a.yaml:1:1 warning',
    ]);
    expect(ds.find((d) => d.code === 'likely-duplicate')?.message).toMatch(
      /^opinion o1 is repeated word for word by 1 opinion from the same kind of source: g1\/o2 \(groups\/g1\/b\.yaml:1\)/,
    );
  });

  it('shows a cluster when any of its opinions is in the files asked for', () => {
    const same = 'Too many meetings and forms; the window staff send people back for missing papers.';
    const root = writeCampaign({
      'ledger.yaml': MINI_CAMPAIGN,
      'groups/g1/a.yaml': opinion('o1', 'masses', same),
      'groups/g1/b.yaml': opinion('o2', 'masses', same),
      'groups/g1/c.yaml': opinion('o3', 'masses', 'The legal aid hotline is never answered in the evening.'),
    });
    const dups = (only: string) =>
      validateCampaign(root, { today: TODAY, paths: [path.join(root, only)] }).diagnostics.filter((d) => d.code === 'likely-duplicate');
    expect(dups('groups/g1/b.yaml').map((d) => d.file)).toEqual(['groups/g1/a.yaml']);
    expect(dups('groups/g1/c.yaml')).toEqual([]);
  });

  it('does not warn below the threshold', () => {
    const ds = diagnosticsOf({
      'groups/g1/a.yaml': `${opinion('o1', 'masses', '会议太多，表格太多，基层干部疲于应付。')}---\n${opinion('o2', 'masses', '会议太多，基层干部下村入户的时间太少。')}`,
    });
    expect(ds.filter((d) => d.code === 'likely-duplicate')).toEqual([]);
  });
});
