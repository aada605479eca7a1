// docs/rules.md is the supervision rules as the clerk reads them; src/audit/rules.ts is what
// `ledger audit` checks. They must say the same: every rule the audit can raise has its section
// (`### \`code\` 中文名称`, in the audit's order) with the Chinese title, English title and
// severity of messages/findings.ts; no section names a rule the code does not have; the
// thresholds and their defaults are those of ledger.yaml's `audit:`; and the table of rules held
// back by refused records is what the rules' `reads` say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, silencedByRefusals } from '../../src/audit/rules.js';
import { FINDINGS, FINDING_CODES, type FindingCode } from '../../src/messages/findings.js';
import { DEFAULT_AUDIT } from '../../src/model/campaign.js';
import type { RejectedRecord } from '../../src/model/ledgers.js';
import type { RecordKind } from '../../src/schema/spec.js';
import { REPO } from '../helpers/campaign.js';

const TEXT = readFileSync(path.join(REPO, 'docs/rules.md'), 'utf8');

interface RuleSection {
  code: string;
  title: string;
  rows: Map<string, string>;
}

/** Each `### \`code\` title` section with the rows of its two-column table. */
function sections(text: string): RuleSection[] {
  const parts = text.split(/^### /m).slice(1);
  return parts.flatMap((part) => {
    const m = /^`([a-z-]+)` (.+)\n/.exec(part);
    if (!m) return [];
    const rows = new Map<string, string>();
    for (const row of part.matchAll(/^\| ([^|]+?) \| (.+) \|$/gm)) rows.set(row[1]!.trim(), row[2]!.trim());
    return [{ code: m[1]!, title: m[2]!.trim(), rows }];
  });
}

const SEVERITY_WORDS = { error: '须补课（error）', warning: '提醒（warning）' };

/** The rule codes a table row names (`no-visits`、`leader-absent`…). */
const codesIn = (cell: string) => [...cell.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!).sort();

function refused(kind: RecordKind | null): RejectedRecord[] {
  return [{ file: 'groups/g1/x.yaml', line: 1, group: 'g1', kind, id: null, reasons: [] }];
}

describe('docs/rules.md and the audit say the same', () => {
  const found = sections(TEXT);

  it('every rule the audit can raise has a section, in the audit’s order, and no other rule is documented', () => {
    expect(found.map((s) => s.code)).toEqual(RULES.map((r) => r.code));
    expect([...RULES.map((r) => r.code)].sort()).toEqual([...FINDING_CODES].sort());
  });

  it('each section has the code’s zh title, English title and severity from the findings table', () => {
    for (const s of found) {
      const entry = FINDINGS[s.code as FindingCode];
      expect(s.title, s.code).toBe(entry.title.zh);
      expect(s.rows.get('English'), s.code).toBe(entry.title.en);
      expect(s.rows.get('级别'), s.code).toBe(SEVERITY_WORDS[entry.severity]);
      const rule = RULES.find((r) => r.code === s.code);
      expect(rule?.severity, s.code).toBe(entry.severity);
      for (const row of ['检查', '阈值', '涉及记录', '小组须做']) expect(s.rows.get(row)?.length, `${s.code}: ${row}`).toBeGreaterThan(0);
    }
  });

  it('the thresholds table lists every setting of `audit:` with its default', () => {
    const rows = [...TEXT.matchAll(/^\| `audit\.([a-z_]+)` \| ([\d.]+) \| `([a-z-]+)` \|/gm)].map((m) => [m[1], Number(m[2]), m[3]]);
    expect(rows.map(([k, v]) => [k, v])).toEqual(Object.entries(DEFAULT_AUDIT));
    expect(rows.map(([, , rule]) => rule)).toEqual(['written-only', 'no-four-winds']);
  });

  it('the rules held back by refused records are those whose `reads` include the refused kind', () => {
    const table = new Map<string, string[]>();
    for (const m of TEXT.matchAll(/^\| ([^|`]+?) \| ((?:`[a-z-]+`、?)+) \|$/gm)) table.set(m[1]!.trim(), codesIn(m[2]!));
    const held = (kind: RecordKind | null) =>
      RULES.filter((r) => silencedByRefusals(r, refused(kind)))
        .map((r) => r.code as string)
        .sort();
    expect(table.get('活动台账（visit）')).toEqual(held('visit'));
    expect(table.get('下基层听意见台账（opinion）')).toEqual(held('opinion'));
    for (const kind of ['info', 'appeal', 'stability', 'hardship'] as const) expect(table.get('其他任何种类'), kind).toEqual(held(kind));
    const all = [...new Set([...held('visit'), ...held('opinion')])].sort();
    expect(held(null)).toEqual(all);
  });

  it('links no file outside the repository', () => {
    expect(TEXT).not.toMatch(/\.\.\/shared/);
  });
});
