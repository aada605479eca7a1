// docs/diagnostics.md is generated from the code tables (`npm run docs`): the committed page must
// be exactly what the generator writes, so a code added, reworded or removed shows here until
// the page is written again. Every code has its words in both languages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_SAMPLES, DIAGNOSTIC_SECTIONS, diagnosticsPage, errorLine, exampleLine } from '../../src/format/diagnosticsDoc.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/messages/diagnosticCodes.js';
import { ERROR_CODES, errorHelp } from '../../src/messages/errors.js';
import { hasCjk } from '../../src/messages/words.js';
import { REPO } from '../helpers/campaign.js';

const PAGE = path.join(REPO, 'docs/diagnostics.md');
const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

describe('docs/diagnostics.md', () => {
  it('is exactly what `npm run docs` writes from the code tables', () => {
    const committed = readFileSync(PAGE, 'utf8');
    expect(committed, 'docs/diagnostics.md is out of date: run `npm run docs` and commit the page').toBe(diagnosticsPage());
  });

  it('has a section for every diagnostic code and every error code, and no other', () => {
    const text = readFileSync(PAGE, 'utf8');
    const headings = [...text.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(headings.sort()).toEqual([...CODES, ...ERROR_CODES].sort());
    expect(DIAGNOSTIC_SECTIONS.flatMap((s) => s.codes).sort()).toEqual([...CODES].sort());
  });

  it('every diagnostic code has a severity, non-empty means and fix, and an example in each language', () => {
    for (const code of CODES) {
      const e = DIAGNOSTIC_CODES[code];
      expect(['error', 'warning'], code).toContain(e.severity);
      for (const t of [e.means.en, e.means.zh, e.fix.en, e.fix.zh]) expect(t.trim().length, code).toBeGreaterThan(0);
      expect(hasCjk(e.means.zh) && hasCjk(e.fix.zh), `${code}: the zh texts are Chinese`).toBe(true);
      expect(hasCjk(e.means.en.replace(/[：［］【】｛｝「」（），、]/g, '')) || hasCjk(e.fix.en), `${code}: the en texts are English`).toBe(
        false,
      );
      expect(DIAGNOSTIC_SAMPLES[code], code).toBeDefined();
      const zh = exampleLine(code, 'zh-CN');
      const en = exampleLine(code, 'en');
      expect(zh.endsWith(` ${code}`) && en.endsWith(` ${code}`), code).toBe(true);
      expect(zh, code).not.toBe(en);
      expect(hasCjk(zh), code).toBe(true);
    }
  });

  it('every error code has means and fix in both languages and an example message in each', () => {
    for (const code of ERROR_CODES) {
      const h = errorHelp(code);
      for (const t of [h.means.en, h.means.zh, h.fix.en, h.fix.zh]) expect(t.trim().length, code).toBeGreaterThan(0);
      expect(hasCjk(h.means.zh) && hasCjk(h.fix.zh), code).toBe(true);
      expect(errorLine(code, 'zh-CN'), code).not.toBe(errorLine(code, 'en'));
    }
  });
});
