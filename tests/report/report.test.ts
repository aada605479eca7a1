// `ledger report`: goldens for the examples in both languages and all formats (the Word file
// unzipped and its text read), no personal data anywhere, every number tied to the ledgers,
// and templates: an office's own, a missing one, a bad one.
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import type { LedgerRecord, LedgerSet } from '../../src/model/ledgers.js';
import { buildReportModel } from '../../src/report/reportModel.js';
import { findPersonal } from '../../src/personal/find.js';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const AS_OF = ['--as-of', '2014-05-24'];

/** The text of a .docx, one paragraph per line (table cells separated by " | "). */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  const unxml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const para = (p: string) => unxml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const out: string[] = [];
  for (const block of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const b = block[0];
    if (b.startsWith('<w:tbl>')) {
      for (const row of b.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g))
        out.push([...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => para(c[0])).join(' | '));
    } else out.push(para(b));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The html without the embedded photo bytes (their hashes are checked by the merge). */
const htmlGolden = (html: string) => html.replace(/src="data:image\/[a-z]+;base64,[^"]+"/g, 'src="data:…"');

describe('ledger report on the examples', () => {
  let root: string;
  let enRoot: string;
  beforeAll(async () => {
    root = copyCampaign('zh-CN');
    enRoot = copyCampaign('en');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    expect((await runCli(['merge'], { cwd: enRoot })).code).toBe(0);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const format of ['md', 'html', 'docx'] as const) {
      it(`writes the ${lang} ${format} report (golden)`, async () => {
        const out = `report-${lang}.${format}`;
        const run = await runCli(['report', ...AS_OF, '--lang', lang, '--format', format, '--out', out], { cwd: root });
        expect(run.stderr).toMatch(
          lang === 'zh-CN' ? /报告涵盖 7 个组、64 条意见，4 个组须补课/ : /report of 7 groups, 64 opinions, 4 groups to make up their work/,
        );
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(`${out}\n`);
        const file = path.join(root, out);
        const text = format === 'docx' ? await docxText(file) : readFileSync(file, 'utf8');
        expectGolden(`report/zh-campaign.${lang}.${format}${format === 'docx' ? '.txt' : ''}`, format === 'html' ? htmlGolden(text) : text);
        expect(findPersonal(text)).toEqual([]);
      });
    }
  }

  it('writes the en example campaign in its own language by default', async () => {
    const run = await runCli(['report', ...AS_OF, '--format', 'md'], { cwd: enRoot });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^exports\/.*-2014-05-24-report\.md\n$/);
    const text = readFileSync(path.join(enRoot, run.stdout.trim()), 'utf8');
    expect(text).toMatch(/^# .*: report on the campaign/);
    expectGolden('report/en-campaign.en.md', text);
  });

  it('defaults to html under exports/ named after the campaign and date', async () => {
    const run = await runCli(['report', ...AS_OF], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('exports/下基层听意见主题活动-2014-05-24-报告.html\n');
    const html = readFileSync(path.join(root, run.stdout.trim()), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link |src="http/); // self-contained
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toMatch(/<img src="data:image\/png;base64,/);
    expect(html).toMatch(/@page \{ size: A4/);
  });

  it('gives the same bytes for the same ledgers (md and html)', async () => {
    for (const format of ['md', 'html']) {
      await runCli(['report', ...AS_OF, '--format', format, '--out', `a.${format}`], { cwd: root });
      await runCli(['report', ...AS_OF, '--format', format, '--out', `b.${format}`], { cwd: root });
      expect(readFileSync(path.join(root, `a.${format}`))).toEqual(readFileSync(path.join(root, `b.${format}`)));
    }
  });

  it('takes the format from --out and refuses a mismatch', async () => {
    expect((await runCli(['report', ...AS_OF, '--out', 'r.docx'], { cwd: root })).code).toBe(0);
    const bad = await runCli(['report', ...AS_OF, '--format', 'md', '--out', 'r.html'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out 应为 \.md 文件/);
    const fmt = await runCli(['report', '--format', 'pdf'], { cwd: root });
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toMatch(/--format 应为 md、html、docx 之一/);
  });

  it("uses an office's own template", async () => {
    writeFileSync(
      path.join(root, 'mine.md.hbs'),
      '{{unit}}: {{opinions.total}} opinions, {{rectification.doneRate}} done\n{{#each groups}}- {{name}} {{state}}\n{{/each}}',
    );
    const run = await runCli(['report', ...AS_OF, '--template', 'mine.md.hbs', '--format', 'md', '--out', 'mine.md'], { cwd: root });
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(root, 'mine.md'), 'utf8')).toBe(
      '河东区司法局: 64 opinions, 43.8% done\n- 第一组（局领导） 有提醒事项\n- 第二组（法律援助） 须补课\n- 第三组（人民调解） 须补课\n- 第四组（社区矫正） 须补课\n- 第五组（法治宣传） 有提醒事项\n- 东城司法所 有提醒事项\n- 西关司法所 须补课\n',
    );
  });

  it('refuses a missing or bad template with exit 2 and one clear line', async () => {
    const missing = await runCli(['report', ...AS_OF, '--template', 'nope.hbs'], { cwd: root, env: { LEDGER_LANG: 'en' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the template .*nope\.hbs: no such file/);
    const cases: [string, RegExp][] = [
      ['a\n{{#each groups}}{{name}}\n', /bad1\.hbs:\d+ cannot be used: Parse error/],
      ['{{shell "rm -rf /"}}', /bad2\.hbs:1:\d+ cannot be used: You specified knownHelpersOnly, but used the unknown helper shell/],
      ['{{opinons.total}}', /bad3\.hbs:1:\d+ cannot be used: "opinons.total" is not a field of the report; did you mean "opinions"\?/],
      ['{{log opinions}}', /bad4\.hbs:1:\d+ cannot be used: .*unknown helper log/],
      ['{{constructor.constructor}}', /bad5\.hbs.* cannot be used/],
    ];
    for (const [i, [source, message]] of cases.entries()) {
      writeFileSync(path.join(root, `bad${i + 1}.hbs`), source);
      const run = await runCli(['report', ...AS_OF, '--template', `bad${i + 1}.hbs`, '--format', 'md', '--out', `bad${i + 1}.md`], {
        cwd: root,
        env: { LEDGER_LANG: 'en' },
      });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('every number in the report comes from the ledgers', () => {
  let set: LedgerSet;
  beforeAll(async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    set = loadLedgers(path.join(root, 'ledgers'));
  });

  it('ties each figure to a count over the ledger records', () => {
    const m = buildReportModel(set, { lang: 'zh-CN', asOf: '2014-05-24' });
    // Figures stated as of a date count the records dated on or before it; the rest are said to be left out.
    const asOf = (rs: LedgerRecord[]) => rs.filter((r) => r.date <= '2014-05-24');
    const all = Object.values(set.ledgers).flat();
    expect(m.notCounted.later).toBe(all.length - asOf(all).length);
    expect(m.notCounted.later).toBeGreaterThan(0); // the example has a card dated after the as-of date
    const [visit, opinion, info, appeal, stability, hardship] = [
      set.ledgers.visit,
      set.ledgers.opinion,
      set.ledgers.info,
      set.ledgers.appeal,
      set.ledgers.stability,
      set.ledgers.hardship,
    ].map(asOf) as [LedgerRecord[], LedgerRecord[], LedgerRecord[], LedgerRecord[], LedgerRecord[], LedgerRecord[]];
    const rect = (o: LedgerRecord) => (o.rectification ?? {}) as Record<string, unknown>;
    const audiences = visit.flatMap((v) => (v.audiences as { kind: string; count: number }[]) ?? []);
    const open = (o: LedgerRecord) => !['done', 'not-actionable'].includes(String(rect(o).status));

    expect(m.facts.groups).toBe(set.manifest.groups.length);
    expect(m.facts.judicialOffices).toBe(set.manifest.groups.filter((g) => g.type === 'judicial-office').length);
    expect(m.facts.members).toBe(set.manifest.groups.reduce((s, g) => s + g.members.length, 0));
    expect(m.facts.visits).toBe(visit.length);
    expect(m.facts.peopleHeard).toBe(audiences.reduce((s, a) => s + a.count, 0));
    expect(m.facts.sendWarmth).toBe(visit.filter((v) => ((v.also as string[]) ?? []).includes('send-warmth')).length);
    expect(m.facts.sendServices).toBe(visit.filter((v) => ((v.also as string[]) ?? []).includes('send-services')).length);
    expect(m.facts.visitsWithPhotos).toBe(visit.filter((v) => ((v.photos as string[]) ?? []).length > 0).length);
    expect(m.facts.visitsLed).toBe(
      visit.filter((v) => set.manifest.groups.find((g) => g.id === v.group)?.members.some((x) => x.leading && x.name === v.led_by)).length,
    );

    expect(m.opinions.total).toBe(opinion.length);
    expect(m.opinions.fourWinds).toBe(
      opinion.filter((o) => ['formalism', 'bureaucratism', 'hedonism', 'extravagance'].includes(String(o.category))).length,
    );
    expect(m.opinions.byCategory.map((c) => c.count)).toEqual(
      ['formalism', 'bureaucratism', 'hedonism', 'extravagance', 'discipline', 'vital-interests', 'last-mile', 'general'].map(
        (c) => opinion.filter((o) => o.category === c).length,
      ),
    );
    expect(m.opinions.byCategory.slice(0, 4).every((c) => c.fourWinds)).toBe(true);
    expect(m.opinions.byBand.reduce((s, b) => s + b.count, 0)).toBe(opinion.length);

    expect(m.rectification.done).toBe(opinion.filter((o) => rect(o).status === 'done').length);
    expect(m.rectification.missing).toBe(opinion.filter((o) => typeof rect(o).measure !== 'string').length);
    expect(m.rectification.overdue).toBe(
      opinion.filter((o) => open(o) && typeof rect(o).due === 'string' && String(rect(o).due) < '2014-05-24').length,
    );
    expect(m.rectification.feedbackGiven).toBe(opinion.filter((o) => rect(o).feedback === true).length);
    expect(m.rectification.doneRate).toBe(`${((m.rectification.done / opinion.length) * 100).toFixed(1)}%`);

    expect(m.cards.info).toBe(info.length);
    expect(m.cards.appeals).toBe(appeal.length);
    expect(m.cards.appealsOpen).toBe(appeal.filter((a) => a.status !== 'resolved').length);
    expect(m.cards.stability).toBe(stability.length);
    expect(m.cards.stabilityHighRiskOpen).toBe(stability.filter((s) => s.risk === 'high' && s.status !== 'resolved').length);
    expect(m.cards.hardship).toBe(hardship.length);
    expect(m.cards.hardshipHelped).toBe(hardship.filter((h) => ((h.assistance as unknown[]) ?? []).length > 0).length);

    for (const g of m.groups) {
      const mine = <T extends { group: string }>(rs: T[]) => rs.filter((r) => r.group === g.id);
      expect([g.visits, g.opinions, g.info, g.appeals, g.stability, g.hardship]).toEqual(
        [visit, opinion, info, appeal, stability, hardship].map((k) => mine(k).length),
      );
      expect(g.photos).toBe(set.manifest.groups.find((x) => x.id === g.id)?.photos.length);
    }
    expect(m.groups.reduce((s, g) => s + g.opinions, 0)).toBe(opinion.length);
  });

  it('quotes people by audience kind, never by name, phone or ID number', () => {
    const m = buildReportModel(set, { lang: 'zh-CN', asOf: '2014-05-24' });
    const names = set.ledgers.opinion
      .map((o) => (o.source as { name?: string } | undefined)?.name)
      .filter((n): n is string => typeof n === 'string' && n.length > 1);
    expect(names.length).toBeGreaterThan(0);
    const quotes = m.opinions.problems.flatMap((p) => p.quotes);
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) for (const n of names) expect(q.who).not.toContain(n);
    const json = JSON.stringify({ ...m, charts: null, stats: null });
    expect(findPersonal(json)).toEqual([]);
  });

  it('removes phone and ID numbers written inside the words of an opinion', () => {
    const content = '请拨打13800138000或0371-65432100，身份证11010519491231002X';
    const withPhone: LedgerSet = {
      ...set,
      ledgers: { ...set.ledgers, opinion: set.ledgers.opinion.map((o) => (o.category === 'formalism' ? { ...o, content } : o)) },
    };
    const m = buildReportModel(withPhone, { lang: 'zh-CN', asOf: '2014-05-24' });
    const quote = m.opinions.problems.flatMap((p) => p.quotes).find((q) => q.text.includes('请拨打'));
    expect(quote?.text).toBe('请拨打〔已隐去〕或〔已隐去〕，身份证〔已隐去〕');
  });
});
