// `ledger audit` as a library: every rule over every group; a group with an error-level
// finding must make up its work. Pure: ledgers and a date in, findings out.
import type { LedgerSet } from '../model/ledgers.js';
import { DEFAULT_AUDIT } from '../model/campaign.js';
import type { Locale } from '../schema/vocab.js';
import { RULES, type GroupFacts, type Severity } from './rules.js';

export interface Finding {
  code: string;
  severity: Severity;
  group: string;
  message: string;
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
  lang?: Locale;
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
    asOf,
    groupDeadline: set.manifest.campaign.deadlines.groups,
    thresholds: { ...DEFAULT_AUDIT, ...(set.manifest.campaign.audit ?? {}) },
  };
}

export function runAudit(set: LedgerSet, options: AuditOptions): AuditResult {
  const lang = options.lang ?? set.manifest.campaign.locale;
  const groups = set.manifest.groups.filter((g) => options.group === undefined || g.id === options.group);
  const findings: Finding[] = [];
  for (const g of groups) {
    const facts = groupFacts(set, g.id, options.asOf);
    for (const rule of RULES) {
      for (const hit of rule.check(facts)) {
        findings.push({
          code: rule.code,
          severity: rule.severity,
          group: g.id,
          message: lang === 'zh-CN' ? hit.zh : hit.en,
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
