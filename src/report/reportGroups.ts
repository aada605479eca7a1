// The annex of the report: every group with its figures, its state and its findings, worded
// in the report's language.
import { findingMessage, type AuditResult } from '../audit/runAudit.js';
import { findingTitle } from '../messages/findings.js';
import type { CampaignStats, GroupStats } from '../stats/campaignStats.js';
import { GROUP_TYPES, label, type Locale } from '../schema/vocab.js';
import { groupPhrases } from './phrases.js';
import { scrubText } from './scrub.js';

/** A group as the annex shows it: its figures (GroupStats), worded for the report. */
export interface ReportGroup extends Omit<GroupStats, 'rectificationDone' | 'rectificationOverdue' | 'summary' | 'summaryUnreadable'> {
  /** Counted phrases for this group (see ReportModel.n). */
  n: Record<string, string>;
  done: number;
  overdue: number;
  /** info + the three cards: the "one table and three cards" of the group. */
  cards: number;
  summary: string;
  makeup: boolean;
  state: string;
  findings: { code: string; title: string; severity: string; message: string }[];
  /** Filled in by the html renderer (data: URIs), empty elsewhere. */
  thumbnails: { src: string; caption: string }[];
}

function reportGroup(g: GroupStats, audit: AuditResult, lang: Locale): ReportGroup {
  const t = (z: string, e: string) => (lang === 'zh-CN' ? z : e);
  const findings = audit.findings.filter((f) => f.group === g.id);
  const makeup = audit.makeup.includes(g.id);
  const { rectificationDone, rectificationOverdue, summary, summaryUnreadable, ...figures } = g;
  return {
    ...figures,
    type: label(GROUP_TYPES, g.type, lang),
    done: rectificationDone,
    overdue: rectificationOverdue,
    cards: g.info + g.appeals + g.stability + g.hardship,
    summary: summary ? t('已报送', 'handed in') : summaryUnreadable ? t('无法读取', 'unreadable') : t('未报送', 'missing'),
    makeup,
    state: makeup ? t('须补课', 'must make up its work') : findings.length ? t('有提醒事项', 'has reminders') : t('合格', 'in order'),
    findings: findings.map((f) => ({
      code: f.code,
      title: findingTitle(f.code, lang, f.data),
      severity: f.severity === 'error' ? t('须补课', 'must make up') : t('提醒', 'reminder'),
      message: scrubText(findingMessage(f, lang), lang),
    })),
    n: groupPhrases(g, lang),
    thumbnails: [],
  };
}

export function reportGroups(stats: CampaignStats, audit: AuditResult, lang: Locale): ReportGroup[] {
  return stats.perGroup.map((g) => reportGroup(g, audit, lang));
}
