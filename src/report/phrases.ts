// Counted phrases for the report templates, which are logic-less: "1 group" and "7 groups" in
// English, the number with its measure word in Chinese (5个, 3次, 8条). A template prints
// {{n.visits}} where it would otherwise print a number and guess the plural.
import type { AuditResult } from '../audit/runAudit.js';
import type { CampaignStats, GroupStats } from '../stats/campaignStats.js';
import type { Locale } from '../schema/vocab.js';

type Noun = [singular: string, plural: string, measure: string];

const NOUNS: Record<string, Noun> = {
  workGroups: ['work group', 'work groups', '个'],
  judicialOffices: ['judicial office', 'judicial offices', '个'],
  groups: ['group', 'groups', '个'],
  cadres: ['cadre', 'cadres', '人'],
  leadingCadres: ['leading cadre', 'leading cadres', '人'],
  visits: ['visit', 'visits', '次'],
  people: ['person', 'people', '人次'],
  opinions: ['opinion', 'opinions', '条'],
  measures: ['measure', 'measures', '项'],
  rectifications: ['rectification', 'rectifications', '项'],
  entries: ['entry', 'entries', '条'],
  appealCards: ['livelihood appeal card', 'livelihood appeal cards', '张'],
  stabilityCards: ['stability work card', 'stability work cards', '张'],
  hardshipCards: ['people-in-difficulty card', 'people-in-difficulty cards', '张'],
  acts: ['act of assistance', 'acts of assistance', '次'],
  problems: ['problem', 'problems', '个'],
  reminders: ['reminder', 'reminders', '个'],
  records: ['record', 'records', '条'],
  photos: ['photo', 'photos', '张'],
  cases: ['case', 'cases', '条'],
};

export function counted(n: number, noun: keyof typeof NOUNS, lang: Locale): string {
  const [one, many, measure] = NOUNS[noun]!;
  return lang === 'zh-CN' ? `${n}${measure}` : `${n} ${n === 1 ? one : many}`;
}

export function phrases(s: CampaignStats, audit: AuditResult, later: number, lang: Locale): Record<string, string> {
  const c = (n: number, noun: keyof typeof NOUNS) => counted(n, noun, lang);
  const r = s.rectification;
  return {
    workGroups: c(s.groups.workGroups, 'workGroups'),
    judicialOffices: c(s.groups.judicialOffices, 'judicialOffices'),
    groups: c(s.groups.total, 'groups'),
    members: c(s.members, 'cadres'),
    leadingCadres: c(s.leadingCadres.total, 'leadingCadres'),
    visitsLed: c(s.leadingCadres.visitsLed, 'visits'),
    visits: c(s.visits.total, 'visits'),
    visitsWithPhotos: c(s.visits.withPhotos, 'visits'),
    peopleHeard: c(s.peopleHeard.total, 'people'),
    opinions: c(s.opinions.total, 'opinions'),
    measures: c(r.measures, 'measures'),
    missing: c(r.missing, 'opinions'),
    done: c(r.done, 'rectifications'),
    inProgress: c(r.inProgress, 'rectifications'),
    planned: c(r.planned, 'rectifications'),
    overdue: c(r.overdue, 'rectifications'),
    feedbackGiven: c(r.feedbackGiven, 'cases'),
    info: c(s.info.total, 'entries'),
    appeals: c(s.appeals.total, 'appealCards'),
    stability: c(s.stability.total, 'stabilityCards'),
    hardship: c(s.hardship.total, 'hardshipCards'),
    assistanceActs: c(s.hardship.assistanceActs, 'acts'),
    auditErrors: c(audit.summary.errors, 'problems'),
    auditWarnings: c(audit.summary.warnings, 'reminders'),
    makeup: c(audit.makeup.length, 'groups'),
    later: c(later, 'records'),
    refused: c(s.refused, 'records'),
  };
}

export function groupPhrases(g: GroupStats, lang: Locale): Record<string, string> {
  const c = (n: number, noun: keyof typeof NOUNS) => counted(n, noun, lang);
  return {
    members: c(g.members, 'cadres'),
    visits: c(g.visits, 'visits'),
    peopleHeard: c(g.peopleHeard, 'people'),
    opinions: c(g.opinions, 'opinions'),
    done: c(g.rectificationDone, 'rectifications'),
    info: c(g.info, 'entries'),
    appeals: c(g.appeals, 'appealCards'),
    stability: c(g.stability, 'stabilityCards'),
    hardship: c(g.hardship, 'hardshipCards'),
    photos: c(g.photos, 'photos'),
    refused: c(g.refused, 'records'),
  };
}
