// What the party group reads speaks the campaign's language: no rule code, value code,
// diagnostic code, group id or file name in a zh-CN report (md, html, docx) or in a visible cell
// of the workbook; dates in the prose as 2014年5月24日; group names where ids were. The English
// outputs of the English example hold no Chinese at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/messages/diagnosticCodes.js';
import { FINDING_CODES } from '../../src/messages/findings.js';
import { VOCABULARIES } from '../../src/schema/vocab.js';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { docxParagraphs } from '../helpers/docx.js';

const AS_OF = ['--as-of', '2014-05-24'];

/** The text a reader sees in an html file: no tags, styles, scripts or embedded pictures. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, (svg) => svg.replace(/<[^>]+>/g, ' '))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every visible cell of every sheet (hidden columns left out). */
async function visibleCells(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    const hidden = new Set((ws.columns ?? []).flatMap((c, i) => (c.hidden ? [i + 1] : [])));
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell, col) => void (hidden.has(col) || cell.value instanceof Date || out.push(String(cell.value ?? '')))),
    );
  });
  return out.join('\n');
}

const CODES = [
  ...FINDING_CODES,
  ...Object.keys(DIAGNOSTIC_CODES),
  ...Object.values(VOCABULARIES)
    .flat()
    .map((t) => t.code),
];
/** Codes that are also plain English words; in a Chinese text they can only be codes too. */
const HYPHENATED = CODES.filter((c) => c.includes('-'));

interface Outputs {
  md: string;
  html: string;
  docx: string;
  xlsx: string;
}

async function outputs(example: string, lang: string): Promise<Outputs> {
  const root = copyCampaign(example);
  expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
  for (const f of ['md', 'html', 'docx'])
    expect((await runCli(['report', ...AS_OF, '--lang', lang, '--format', f, '--out', `r.${f}`], { cwd: root })).code).toBe(0);
  expect((await runCli(['export', ...AS_OF, '--lang', lang, '--out', 'w.xlsx'], { cwd: root })).code).toBe(0);
  return {
    md: readFileSync(path.join(root, 'r.md'), 'utf8'),
    html: htmlText(readFileSync(path.join(root, 'r.html'), 'utf8')),
    docx: await docxParagraphs(path.join(root, 'r.docx')),
    xlsx: await visibleCells(path.join(root, 'w.xlsx')),
  };
}

describe('the zh-CN example in Chinese', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await outputs('zh-CN', 'zh-CN');
  }, 120_000);

  for (const kind of ['md', 'html', 'docx', 'xlsx'] as const) {
    it(`${kind}: no code, group id or file name a person would read`, () => {
      const text = out[kind];
      for (const code of CODES)
        expect(text, `${kind} shows the code "${code}"`).not.toMatch(new RegExp(`(?<![A-Za-z0-9-])${code}(?![A-Za-z0-9-])`));
      for (const code of HYPHENATED) expect(text).not.toContain(code);
      expect(text).not.toMatch(/(?<![A-Za-z0-9])(?:g[1-5]|j-dongcheng|j-xiguan)(?![A-Za-z0-9])/);
      expect(text).not.toMatch(/summary\.md|\.ya?ml\b|groups\//);
      expect(text).toContain('第二组（法律援助）');
    });
  }

  for (const kind of ['md', 'docx'] as const) {
    it(`${kind}: dates in the prose as 2014年5月24日, lists ending in 。, quotes nested “‘’”`, () => {
      const prose = out[kind].split('\n').filter((l) => !l.startsWith('|'));
      for (const line of prose) expect(line, line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(out[kind]).toContain('2014年5月24日');
      expect(out[kind]).not.toMatch(/；\s*$/m);
      expect(out[kind]).not.toMatch(/“[^”]*“/);
      expect(out[kind]).not.toMatch(/[\u4e00-\u9fff]"[^"]*"[\u4e00-\u9fff]/);
    });
  }
});

describe('the en example in English', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await outputs('en', 'en');
  }, 120_000);

  for (const kind of ['md', 'html', 'docx', 'xlsx'] as const) {
    it(`${kind}: no Chinese, and no counted plural gone wrong`, () => {
      expect(out[kind]).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
      expect(out[kind]).not.toMatch(/\b1 (?:groups|opinions|visits|records|cadres|work groups|judicial offices|rectifications|entries)\b/);
      // A code stands alone; a label in lower case goes on with its noun ("low-income families").
      for (const code of HYPHENATED) expect(out[kind]).not.toMatch(new RegExp(`\\b${code}\\b(?! [a-z])`));
    });
  }
});
