// Reads and checks ledger.yaml. Returns the campaign when it is usable, with diagnostics either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerOf } from '../diagnostics/diagnostic.js';
import { DEFAULT_AUDIT, type Campaign, type Group } from '../model/campaign.js';
import type { Locator } from '../yaml/locate.js';
import { decodeText } from '../yaml/parseYaml.js';
import { readDocs } from '../yaml/readDocs.js';
import type { LineIndex } from '../util/position.js';
import { normalize, isPlainObject } from '../schema/normalize.js';
import { CAMPAIGN_SPEC } from '../schema/spec.js';
import { isRealDate } from '../util/dates.js';
import { schemaCheck } from '../schema/schemaCheck.js';
import { CAMPAIGN_FILE } from './findCampaign.js';
import { didYouMean } from '../text/suggest.js';

export interface LoadedCampaign {
  campaign: Campaign | null;
  diagnostics: Diagnostic[];
  /** The bytes of ledger.yaml, for the manifest's hash. */
  bytes: Buffer;
}

export function loadCampaign(root: string): LoadedCampaign {
  const bytes = readFileSync(path.join(root, CAMPAIGN_FILE));
  return { ...parseCampaign(bytes), bytes };
}

export function parseCampaign(bytes: Uint8Array): { campaign: Campaign | null; diagnostics: Diagnostic[] } {
  const file = CAMPAIGN_FILE;
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) return { campaign: null, diagnostics: [decoded.diagnostic] };
  const parsed = readDocs(decoded.text, file);
  const diagnostics = [...parsed.diagnostics];
  const docs = parsed.docs;
  if (docs.length !== 1 || docs[0]?.data === undefined) {
    if (docs.length > 1) diagnostics.push(diag('yaml-syntax', 'ledger.yaml must hold exactly one document', docs[1]?.line ?? 1, 1, ''));
    if (docs.length === 0)
      diagnostics.push(
        diag('missing-field', 'ledger.yaml is empty: it needs kind: campaign, title, unit, period, deadlines and groups', 1, 1, ''),
      );
    return { campaign: null, diagnostics };
  }
  const { locate, data } = docs[0];
  if (!isPlainObject(data)) {
    diagnostics.push(diag('not-a-record', 'ledger.yaml must be a mapping (kind: campaign, title: …)', docs[0].line, docs[0].column, ''));
    return { campaign: null, diagnostics };
  }
  const schema = schemaCheck('campaign', data, locate, parsed.lines, file);
  diagnostics.push(...schema.diagnostics);
  const c = normalize(CAMPAIGN_SPEC, data) as Record<string, unknown>;
  const at = (code: string, message: string, p: (string | number)[], severity: 'error' | 'warning' = 'error') =>
    diagnostics.push(atPath(locate, parsed.lines, code, message, p, severity));

  for (const [key, value] of [
    ['period', c.period],
    ['deadlines', c.deadlines],
  ] as const) {
    if (!isPlainObject(value)) continue;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isRealDate(v))
        at('invalid-date', `${v} is not a real calendar date`, [key, k]);
    }
  }
  const period = c.period as Campaign['period'] | undefined;
  if (period && typeof period.start === 'string' && typeof period.end === 'string' && period.start > period.end) {
    at('invalid-value', `the period ends (${period.end}) before it starts (${period.start})`, ['period', 'end']);
  }
  const groups = Array.isArray(c.groups) ? (c.groups as Group[]) : [];
  const ids = new Map<string, number>();
  groups.forEach((g, i) => {
    if (!isPlainObject(g)) return;
    if (typeof g.id === 'string') {
      if (ids.has(g.id)) at('duplicate-id', `group id "${g.id}" is declared twice`, ['groups', i, 'id']);
      else ids.set(g.id, i);
    }
    const members = Array.isArray(g.members)
      ? g.members
          .filter(isPlainObject)
          .map((m) => m.name)
          .filter((n): n is string => typeof n === 'string')
      : [];
    if (typeof g.leader === 'string' && members.length && !members.includes(g.leader)) {
      at('unknown-member', `leader "${g.leader}" is not among the members of ${g.id}${didYouMean(g.leader, members)}`, [
        'groups',
        i,
        'leader',
      ]);
    }
    const seen = new Set<string>();
    (Array.isArray(g.members) ? g.members : []).forEach((m, j) => {
      if (!isPlainObject(m) || typeof m.name !== 'string') return;
      if (seen.has(m.name)) at('duplicate-id', `member "${m.name}" is listed twice in ${g.id}`, ['groups', i, 'members', j, 'name']);
      seen.add(m.name);
    });
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { campaign: null, diagnostics };
  const audit = { ...DEFAULT_AUDIT, ...((c.audit as object | undefined) ?? {}) };
  const campaign: Campaign = {
    title: c.title as string,
    unit: c.unit as string,
    locale: (c.locale as Campaign['locale'] | undefined) ?? 'zh-CN',
    period: c.period as Campaign['period'],
    deadlines: c.deadlines as Campaign['deadlines'],
    groups,
    audit,
    units: (c.units as string[] | undefined) ?? [],
  };
  return { campaign, diagnostics };

  function diag(code: string, message: string, line: number, column: number, pointer: string): Diagnostic {
    return { severity: 'error', code, message, file, line, column, pointer };
  }
}

function atPath(
  locate: Locator,
  lines: LineIndex,
  code: string,
  message: string,
  p: (string | number)[],
  severity: 'error' | 'warning',
): Diagnostic {
  const pos = lines.position(locate(p));
  return { severity, code, message, file: CAMPAIGN_FILE, line: pos.line, column: pos.column, pointer: pointerOf(p) };
}
