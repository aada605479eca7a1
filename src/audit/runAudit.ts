// `ledger audit` as a library: every rule over every group; a group with an error-level
// finding must make up its work. Pure: ledgers and a date in, findings (codes and data) out;
// the words are chosen by whoever prints them (messages/findings.ts).
import { renderFinding, type FindingCode, type FindingData } from '../messages/findings.js';
import type { Lang } from '../messages/words.js';
import { removedFrom } from '../messages/removed.js';
import { DEFAULT_AUDIT } from '../model/campaign.js';
import type { LedgerSet } from '../model/ledgers.js';
import { RULES, silencedByRefusals, type GroupFacts, type Severity } from './rules.js';

export interface Finding<K extends FindingCode = FindingCode> {
  code: K;
  severity: Severity;
  group: string;
  /** The English sentence; printers render `data` in the reader's language. */
  message: string;
  data: FindingData[K];
  records: string[];
}

export interface AuditResult {
  asOf: string;
  findings: Finding[];
  /** Groups with an error-level finding, in ledger.yaml order. */
  makeup: string[];
  summary: { groups: number; errors: number; warnings: number; makeup: number };
}

export interface AuditOptions {
  asOf: string;
  group?: string;
}

export function groupFacts(set: LedgerSet, groupId: string, asOf: string): GroupFacts {
  const group = set.manifest.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`no group ${groupId} in the ledgers`);
  const of = <T extends { group: string }>(rs: T[]) => rs.filter((r) => r.group === groupId);
  return {
    group,
    visits: of(set.ledgers.visit),
    opinions: of(set.ledgers.opinion),
    info: of(set.ledgers.info),
    appeals: of(set.ledgers.appeal),
    stability: of(set.ledgers.stability),
    hardship: of(set.ledgers.hardship),
    rejected: of(set.rejected),
    asOf,
    groupDeadline: set.manifest.campaign.deadlines.groups,
    thresholds: { ...DEFAULT_AUDIT, ...(set.manifest.campaign.audit ?? {}) },
  };
}

export function runAudit(set: LedgerSet, options: AuditOptions): AuditResult {
  const groups = set.manifest.groups.filter((g) => options.group === undefined || g.id === options.group);
  const findings: Finding[] = [];
  for (const g of groups) {
    const facts = groupFacts(set, g.id, options.asOf);
    for (const rule of RULES) {
      if (silencedByRefusals(rule, facts.rejected)) continue;
      for (const hit of rule.check(facts)) {
        // A finding may quote a record's text (a visit's place): masked like every message.
        const data = removedFrom(hit.data);
        findings.push({
          code: rule.code,
          severity: rule.severity,
          group: g.id,
          message: renderFinding(rule.code, data as never, 'en'),
          data,
          records: hit.records,
        });
      }
    }
  }
  const makeup = groups.filter((g) => findings.some((f) => f.group === g.id && f.severity === 'error')).map((g) => g.id);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    asOf: options.asOf,
    findings,
    makeup,
    summary: { groups: groups.length, errors, warnings: findings.length - errors, makeup: makeup.length },
  };
}

/** A finding's sentence in the reader's language. */
export function findingMessage(f: Finding, lang: Lang): string {
  return lang === 'en' ? f.message : renderFinding(f.code, f.data as never, lang);
}
