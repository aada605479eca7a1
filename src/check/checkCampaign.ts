// Checks ledger.yaml. Pure: its bytes in, the campaign (when usable) and diagnostics out.
import { diagnostic, pointerOf, pushAll, type Diagnostic, type DiagnosticCode, type DiagnosticData } from '../messages/diagnostic.js';
import { CAMPAIGN_FILE, DEFAULT_AUDIT, type Campaign, type Group } from '../model/campaign.js';
import { isPlainObject, normalize } from '../schema/normalize.js';
import { schemaCheck } from '../schema/schemaCheck.js';
import { CAMPAIGN_SPEC } from '../schema/spec.js';
import { isRealDate } from '../util/dates.js';
import type { LineIndex } from '../util/position.js';
import type { Locator } from '../yaml/locate.js';
import { decodeText } from '../yaml/parseYaml.js';
import { readDocs } from '../yaml/readDocs.js';
import { memberProblem } from './members.js';

export { CAMPAIGN_FILE };

export function checkCampaign(bytes: Uint8Array): { campaign: Campaign | null; diagnostics: Diagnostic[] } {
  const file = CAMPAIGN_FILE;
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) return { campaign: null, diagnostics: [decoded.diagnostic] };
  const parsed = readDocs(decoded.text, file);
  const diagnostics = [...parsed.diagnostics];
  const docs = parsed.docs;
  const doc = docs[0];
  if (docs.length !== 1 || doc?.data === undefined) {
    if (docs.length > 1)
      diagnostics.push(diagnostic('yaml-syntax', { variant: 'one-document' }, { file, line: docs[1]?.line ?? 1, column: 1 }));
    if (docs.length === 0) diagnostics.push(diagnostic('missing-field', { variant: 'empty-campaign' }, { file, line: 1, column: 1 }));
    return { campaign: null, diagnostics };
  }
  if (!isPlainObject(doc.data)) {
    diagnostics.push(diagnostic('not-a-record', { found: 'value', campaign: true }, { file, line: doc.line, column: doc.column }));
    return { campaign: null, diagnostics };
  }
  pushAll(diagnostics, schemaCheck('campaign', doc.data, (p, w) => parsed.lines.position(doc.locate(p, w)), file).diagnostics);
  const c = normalize(CAMPAIGN_SPEC, doc.data) as Record<string, unknown>;
  const at = <K extends DiagnosticCode>(code: K, data: DiagnosticData[K], p: (string | number)[]) =>
    diagnostics.push(placed(doc.locate, parsed.lines, code, data, p));
  checkDates(c, at);
  const groups = Array.isArray(c.groups) ? (c.groups as Group[]) : [];
  checkGroups(groups, at);
  if (diagnostics.some((d) => d.severity === 'error')) return { campaign: null, diagnostics };
  const campaign: Campaign = {
    title: c.title as string,
    unit: c.unit as string,
    locale: (c.locale as Campaign['locale'] | undefined) ?? 'zh-CN',
    period: c.period as Campaign['period'],
    deadlines: c.deadlines as Campaign['deadlines'],
    groups,
    audit: { ...DEFAULT_AUDIT, ...((c.audit as object | undefined) ?? {}) },
    units: (c.units as string[] | undefined) ?? [],
  };
  return { campaign, diagnostics };
}

type At = <K extends DiagnosticCode>(code: K, data: DiagnosticData[K], p: (string | number)[]) => void;

function checkDates(c: Record<string, unknown>, at: At): void {
  for (const key of ['period', 'deadlines'] as const) {
    const value = c[key];
    if (!isPlainObject(value)) continue;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isRealDate(v))
        at('invalid-date', { value: v, variant: 'calendar' }, [key, k]);
    }
  }
  const period = c.period as Campaign['period'] | undefined;
  if (period && typeof period.start === 'string' && typeof period.end === 'string' && period.start > period.end) {
    at('invalid-value', { variant: 'period-order', start: period.start, end: period.end }, ['period', 'end']);
  }
}

/** Group ids and member names unique; each leader one of the group's members. */
function checkGroups(groups: readonly Group[], at: At): void {
  const ids = new Set<string>();
  groups.forEach((g, i) => {
    if (!isPlainObject(g)) return;
    if (typeof g.id === 'string') {
      if (ids.has(g.id)) at('duplicate-id', { variant: 'group', id: g.id }, ['groups', i, 'id']);
      ids.add(g.id);
    }
    const list = Array.isArray(g.members) ? g.members : [];
    const members = list.filter(isPlainObject).flatMap((m) => (typeof m.name === 'string' ? [m.name] : []));
    if (typeof g.leader === 'string' && members.length) {
      const problem = memberProblem(g.leader, members);
      if (problem) at('unknown-member', { name: g.leader, group: String(g.id), role: 'leader', ...problem }, ['groups', i, 'leader']);
    }
    const seen = new Set<string>();
    list.forEach((m, j) => {
      if (!isPlainObject(m) || typeof m.name !== 'string') return;
      if (seen.has(m.name))
        at('duplicate-id', { variant: 'member', name: m.name, group: String(g.id) }, ['groups', i, 'members', j, 'name']);
      seen.add(m.name);
    });
  });
}

function placed<K extends DiagnosticCode>(
  locate: Locator,
  lines: LineIndex,
  code: K,
  data: DiagnosticData[K],
  p: (string | number)[],
): Diagnostic {
  const pos = lines.position(locate(p));
  return diagnostic(code, data, { file: CAMPAIGN_FILE, ...pos, pointer: pointerOf(p) });
}
