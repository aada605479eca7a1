// docs/templates.md lists every field a report template can use, and the columns of the workbook
// the groups fill in. Both are derived from the code here: the report model built from the
// merged example (with the html thumbnails filled in) gives every field path, and templates
// written for the zh-CN and the English example give every column with its headers. The page
// must name exactly those fields and those columns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateLayout } from '../../src/model/templateLayout.js';
import { loadLedgers } from '../../src/read/loadLedgers.js';
import { buildReportModel } from '../../src/report/reportModel.js';
import { groupThumbnails } from '../../src/report/thumbnails.js';
import { copyCampaign, REPO } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { readBook } from '../helpers/workbook.js';

const TEXT = readFileSync(path.join(REPO, 'docs/templates.md'), 'utf8');

/** The part of the page between a `## ` heading starting with `title` and the next `## ` heading. */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}`);
  expect(start, title).toBeGreaterThan(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** `a.{b c}[].d` → a.b[].d, a.c[].d (one brace group per token). */
function expand(token: string): string[] {
  const m = /^(.*?)\{([^{}]+)\}(.*)$/.exec(token);
  if (!m) return [token];
  return m[2]!
    .trim()
    .split(/\s+/)
    .flatMap((x) => expand(`${m[1]}${x}${m[3]}`));
}

const FIELD = /^[A-Za-z]\w*(\[\])?(\.[A-Za-z]\w*(\[\])?)*$/;

/** Every field path the page names in backticks within a section. */
function documented(text: string): string[] {
  return [...new Set([...text.matchAll(/`([^`\n]+)`/g)].flatMap((m) => expand(m[1]!)).filter((t) => FIELD.test(t)))];
}

/**
 * Every path of a value: object keys (`a.b`), list items as `[]` (`a[].b`); the paths a template
 * needs are the leaves and the lists (it prints the one and loops over the other).
 */
function modelPaths(v: unknown, prefix = '', all = new Set<string>(), needed = new Set<string>()) {
  if (Array.isArray(v)) {
    needed.add(prefix);
    const objects = v.filter((x) => x !== null && typeof x === 'object');
    for (const x of objects) modelPaths(x, `${prefix}[]`, all, needed);
    return { all, needed };
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      all.add(p);
      modelPaths(x, p, all, needed);
    }
    return { all, needed };
  }
  needed.add(prefix);
  return { all, needed };
}

describe('docs/templates.md: the report template fields', () => {
  let paths: { all: Set<string>; needed: Set<string> };

  beforeAll(async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const set = loadLedgers(path.join(root, 'ledgers'));
    const model = buildReportModel(set, { lang: 'zh-CN', asOf: '2014-05-24' });
    const thumbs = groupThumbnails(root, set, 'zh-CN');
    for (const g of model.groups) g.thumbnails = thumbs.get(g.id) ?? [];
    expect(model.groups[0]?.thumbnails.length, 'the example has photos for the html report').toBeGreaterThan(0);
    paths = modelPaths(model);
  });

  const fields = section(TEXT, '报告模板字段');
  const roots = () => new Set([...paths.all].map((p) => p.split(/[.[]/)[0]!));

  it('every field the report model has is listed', () => {
    const names = new Set(documented(fields));
    expect([...paths.needed].filter((p) => !names.has(p)).sort()).toEqual([]);
  });

  it('every field listed is one the report model has', () => {
    const known = new Set([...paths.all, ...paths.needed, ...[...paths.needed].map((p) => `${p}[]`)]);
    const extra = documented(TEXT).filter((p) => roots().has(p.split(/[.[]/)[0]!) && !known.has(p));
    expect(extra).toEqual([]);
  });

  it('the fields printed by the built-in templates are all listed', () => {
    const names = new Set(documented(fields));
    for (const file of ['report.zh-CN.md.hbs', 'report.en.md.hbs', 'report.zh-CN.html.hbs', 'report.en.html.hbs']) {
      const source = readFileSync(path.join(REPO, 'templates', file), 'utf8');
      const top = [...source.matchAll(/\{\{\{?[#^]?(?:if |each |unless )?([a-z][\w.]*)\s*\}?\}\}/gi)].map((m) => m[1]!);
      // Inside {{#each list}} a field is the item's: `n.photos` is groups[].n.photos there.
      // `list.length` is the number of items of a list (documented once, for every list).
      const listed = (t: string): boolean =>
        t.endsWith('.length') ? listed(t.slice(0, -'.length'.length)) : names.has(t) || [...names].some((n) => n.endsWith(`[].${t}`));
      const missing = top.filter((t) => t.includes('.') && !listed(t));
      expect(missing, file).toEqual([]);
    }
  });
});

describe('docs/templates.md: the workbook columns', () => {
  const rows = [...section(TEXT, '二、Excel').matchAll(/^\| ([^|`]+?) \| ([^|`]+?) \| `([a-z.]+\/[@a-z_.]+)` \| (必填|选填) \|/gm)].map(
    (m) => [m[3], m[1], m[2], m[4]].join(' | '),
  );

  async function columns(example: string, group: string): Promise<Map<string, { header: string; sheet: string }>> {
    const root = copyCampaign(example);
    expect((await runCli(['template', '--group', group, '--out', 't.xlsx'], { cwd: root })).code).toBe(0);
    const wb = await readBook(path.join(root, 't.xlsx'));
    const out = new Map<string, { header: string; sheet: string }>();
    for (const ws of wb.worksheets) {
      const keys = ws.getRow(1).values as unknown[];
      keys.forEach((k, i) => {
        if (typeof k !== 'string' || !/^[a-z.]+\/[@a-z_.]+$/.test(k)) return;
        const v = ws.getRow(3).getCell(i).value as unknown;
        const header =
          v !== null && typeof v === 'object' && 'richText' in v
            ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
            : String(v);
        out.set(k, { header, sheet: ws.name });
      });
    }
    return out;
  }

  it('lists every column of every sheet with its zh and en headers and whether it is required, and no other', async () => {
    const zh = await columns('zh-CN', 'g2');
    const en = await columns('en', 'g1');
    const keys = templateLayout().flatMap((s) => s.columns.map((c) => `${s.key}/${c.key}`));
    expect([...zh.keys()]).toEqual(keys);
    const want = keys.map((k) => {
      const z = zh.get(k)!.header;
      return [k, z.replace(/^\*/, ''), en.get(k)!.header.replace(/^\*/, ''), z.startsWith('*') ? '必填' : '选填'].join(' | ');
    });
    expect(rows).toEqual(want);
    for (const k of keys)
      expect(TEXT, `a heading for the sheet ${zh.get(k)!.sheet}`).toContain(`#### ${zh.get(k)!.sheet} · ${en.get(k)!.sheet}\n`);
  });
});
