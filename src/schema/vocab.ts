// The code lists of FORMAT.md, each code with its zh-CN label (accepted in files) and an
// English label for exports and reports. Schemas, validation, ledgers, exports and the
// report all read from here, so a code is spelled in exactly one place.

import { LANGS, type Lang } from '../messages/words.js';

export interface Term {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export type Vocabulary = readonly Term[];

const t = (code: string, zh: string, en: string): Term => ({ code, zh, en });

export const GROUP_TYPES: Vocabulary = [t('work-group', '工作组', 'Work group'), t('judicial-office', '司法所', 'Judicial office')];

export const PATTERNS: Vocabulary = [
  t('grassroots', '下基层', 'Going to the grassroots'),
  t('double-report', '双报到', 'Dual reporting'),
  t('pairing', '结对认亲', 'Pairing with families'),
];

export const METHODS: Vocabulary = [
  t('face-to-face', '面对面交谈', 'Face-to-face talk'),
  t('symposium', '座谈会', 'Symposium'),
  t('home-visit', '入户走访', 'Home visit'),
  t('random-visit', '随机走访', 'Random visit'),
  t('case-study', '蹲点调研', 'Case study'),
  t('written', '书面征求', 'Written solicitation'),
  t('questionnaire', '问卷调查', 'Questionnaire'),
  t('phone', '电话访谈', 'Phone interview'),
];

export const ALSO: Vocabulary = [t('send-warmth', '送温暖', 'Sending warmth'), t('send-services', '送服务', 'Sending services')];

export const CHANNELS: Vocabulary = [
  t('face-to-face', '当面', 'Face to face'),
  t('symposium', '座谈', 'Symposium'),
  t('written', '书面', 'Written'),
  t('phone', '电话', 'Phone'),
  t('online', '网络', 'Online'),
  t('referral', '部门转交', 'Referral'),
];

export const CATEGORIES: Vocabulary = [
  t('formalism', '形式主义', 'Formalism'),
  t('bureaucratism', '官僚主义', 'Bureaucratism'),
  t('hedonism', '享乐主义', 'Hedonism'),
  t('extravagance', '奢靡之风', 'Extravagance'),
  t('discipline', '政治纪律和八项规定', 'Political discipline and the eight regulations'),
  t('vital-interests', '群众切身利益', "The masses' vital interests"),
  t('last-mile', '联系服务群众"最后一公里"', '"Last mile" of serving the masses'),
  t('general', '一般性意见', 'General opinion'),
];

/** The "four winds": the categories the campaign is about. */
export const FOUR_WINDS: readonly string[] = ['formalism', 'bureaucratism', 'hedonism', 'extravagance'];

export const ABOUT: Vocabulary = [
  t('leadership-team', '领导班子', 'Leadership team'),
  t('leader', '领导干部个人', 'Individual leader'),
  t('department', '科室', 'Department'),
  t('cadres', '干部队伍', 'Cadres'),
  t('unit', '下属单位', 'Subordinate unit'),
];

export const RECTIFICATION_STATUS: Vocabulary = [
  t('planned', '已制定', 'Planned'),
  t('in-progress', '整改中', 'In progress'),
  t('done', '已完成', 'Done'),
  t('not-actionable', '不具备条件', 'Not actionable'),
];

export const TOPICS: Vocabulary = [
  t('employment', '就业', 'Employment'),
  t('social-security', '社会保障', 'Social security'),
  t('land', '土地', 'Land'),
  t('housing', '住房', 'Housing'),
  t('medical', '医疗', 'Medical care'),
  t('education', '教育', 'Education'),
  t('dispute', '矛盾纠纷', 'Disputes'),
  t('safety', '治安', 'Public safety'),
  t('environment', '环境', 'Environment'),
  t('other', '其他', 'Other'),
];

export const INFO_STATUS: Vocabulary = [
  t('open', '待处理', 'Open'),
  t('referred', '已转办', 'Referred'),
  t('resolved', '已解决', 'Resolved'),
];

export const APPEAL_STATUS: Vocabulary = [
  t('registered', '已登记', 'Registered'),
  t('in-progress', '办理中', 'In progress'),
  t('resolved', '已办结', 'Resolved'),
  t('unresolved', '未解决', 'Unresolved'),
];

export const SATISFACTION: Vocabulary = [
  t('satisfied', '满意', 'Satisfied'),
  t('basically', '基本满意', 'Basically satisfied'),
  t('unsatisfied', '不满意', 'Unsatisfied'),
];

/** How an appeal came in (FORMAT 1.1). */
export const APPEAL_CHANNELS: Vocabulary = [
  t('visit', '走访', 'Visit'),
  t('walk-in', '来访', 'Walk-in'),
  t('letter', '来信', 'Letter'),
  t('hotline-12345', '12345热线', '12345 hotline'),
  t('phone', '电话', 'Phone'),
  t('online', '网络', 'Online'),
  t('referral', '部门转交', 'Referral'),
];

export const STABILITY_TYPES: Vocabulary = [
  t('neighbour', '邻里', 'Neighbours'),
  t('family', '婚姻家庭', 'Marriage and family'),
  t('land', '土地', 'Land'),
  t('labour', '劳动', 'Labour'),
  t('property', '物业', 'Property management'),
  t('petition', '信访', 'Petition'),
  t('other', '其他', 'Other'),
];

export const RISKS: Vocabulary = [t('low', '低', 'Low'), t('medium', '中', 'Medium'), t('high', '高', 'High')];

export const STABILITY_STATUS: Vocabulary = [
  t('monitoring', '稳控中', 'Monitoring'),
  t('mediating', '调解中', 'Mediating'),
  t('resolved', '已化解', 'Resolved'),
  t('escalated', '已上报', 'Escalated'),
];

export const HARDSHIP_CATEGORIES: Vocabulary = [
  t('low-income', '低收入家庭', 'Low-income family'),
  t('empty-nester', '空巢老人', 'Empty nester'),
  t('left-behind-woman', '留守妇女', 'Left-behind woman'),
  t('left-behind-child', '留守儿童', 'Left-behind child'),
  t('disabled', '残疾人', 'Disabled person'),
  t('seriously-ill', '重病患者', 'Seriously ill'),
  t('other', '其他', 'Other'),
];

/** The main cause of a household's difficulty (FORMAT 1.1). */
export const HARDSHIP_CAUSES: Vocabulary = [
  t('illness', '因病', 'Illness'),
  t('disability', '因残', 'Disability'),
  t('disaster', '因灾', 'Disaster'),
  t('unemployment', '失业', 'Unemployment'),
  t('schooling', '因学', 'Schooling costs'),
  t('old-age', '年老体弱', 'Old age and frailty'),
  t('other', '其他', 'Other'),
];

/** Assistance policies a household already receives (FORMAT 1.1). */
export const POLICIES: Vocabulary = [
  t('subsistence', '低保', 'Subsistence allowance'),
  t('extreme-poverty', '特困供养', 'Extreme-poverty support'),
  t('disability-allowance', '残疾人补贴', 'Disability allowance'),
  t('medical-aid', '医疗救助', 'Medical aid'),
  t('temporary-aid', '临时救助', 'Temporary aid'),
  t('pension', '养老保险', 'Pension insurance'),
  t('none', '无', 'None'),
];

export const GENDERS: Vocabulary = [t('male', '男', 'Male'), t('female', '女', 'Female')];

export type Band = 'A' | 'B' | 'C' | 'D';

/** Audience kinds with the coverage band the audit checks (null: referral source, no band). */
export const AUDIENCE_BANDS: Readonly<Record<string, Band | null>> = {
  'grassroots-cadre': 'A',
  masses: 'A',
  'retired-veteran': 'A',
  deputy: 'A',
  'subordinate-unit': 'B',
  'work-object': 'C',
  'service-object': 'C',
  'low-income': 'D',
  'empty-nester': 'D',
  'left-behind': 'D',
  'other-difficulty': 'D',
  'petition-office': null,
  audit: null,
  supervision: null,
  inspection: null,
};

export const AUDIENCES: Vocabulary = [
  t('grassroots-cadre', '基层党员干部', 'Grassroots party members and cadres'),
  t('masses', '群众', 'The masses'),
  t('retired-veteran', '离退休老同志', 'Retired veteran comrades'),
  t('deputy', '两代表一委员', 'Deputies and committee members'),
  t('subordinate-unit', '下属单位', 'Subordinate units'),
  t('work-object', '工作对象', 'Work counterparts'),
  t('service-object', '服务对象', 'Service users'),
  t('low-income', '低收入家庭', 'Low-income families'),
  t('empty-nester', '空巢老人', 'Empty nesters'),
  t('left-behind', '留守妇女儿童', 'Left-behind women and children'),
  t('other-difficulty', '其他困难群体', 'Other people in difficulty'),
  t('petition-office', '信访部门', 'Petition office'),
  t('audit', '审计部门', 'Audit department'),
  t('supervision', '纪检监察', 'Discipline inspection'),
  t('inspection', '巡视巡察', 'Inspection tours'),
];

export const BANDS: Readonly<Record<Band, { zh: string; en: string }>> = {
  A: { zh: '基层党员干部和群众', en: 'Grassroots cadres and the masses' },
  B: { zh: '下属单位', en: 'Subordinate units' },
  C: { zh: '工作对象和服务对象', en: 'Work counterparts and service users' },
  D: { zh: '困难群众', en: 'People in difficulty' },
};

/** The languages of the campaign, exports and the report: the languages messages speak. */
export const LOCALES = LANGS;
export type Locale = Lang;

/** Every vocabulary by the name schemas and diagnostics use for it. */
export const VOCABULARIES = {
  groupType: GROUP_TYPES,
  pattern: PATTERNS,
  method: METHODS,
  also: ALSO,
  channel: CHANNELS,
  category: CATEGORIES,
  about: ABOUT,
  rectificationStatus: RECTIFICATION_STATUS,
  topic: TOPICS,
  infoStatus: INFO_STATUS,
  appealStatus: APPEAL_STATUS,
  satisfaction: SATISFACTION,
  appealChannel: APPEAL_CHANNELS,
  stabilityType: STABILITY_TYPES,
  risk: RISKS,
  stabilityStatus: STABILITY_STATUS,
  hardshipCategory: HARDSHIP_CATEGORIES,
  hardshipCause: HARDSHIP_CAUSES,
  policy: POLICIES,
  gender: GENDERS,
  audience: AUDIENCES,
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

const codeIndex = new Map<Vocabulary, Map<string, string>>();

/** The code for a code or zh-CN label, or undefined if it is neither. */
export function toCode(vocab: Vocabulary, value: string): string | undefined {
  let index = codeIndex.get(vocab);
  if (!index) {
    index = new Map();
    for (const term of vocab) {
      index.set(term.code, term.code);
      index.set(term.zh, term.code);
    }
    codeIndex.set(vocab, index);
  }
  // Chinese input methods type “curly” quotes where FORMAT.md's labels have straight ones.
  return index.get(value) ?? (/[“”]/.test(value) ? index.get(value.replace(/[“”]/g, '"')) : undefined);
}

/** A term's Chinese label as Chinese text shows it: FORMAT.md spells some with straight quotes, print uses “…” (both are read). */
export function zhLabel(term: Term): string {
  return term.zh.includes('"') ? term.zh.replace(/"([^"]*)"/g, '“$1”') : term.zh;
}

/** The label of a code in a locale; an unknown code is shown as it is. */
export function label(vocab: Vocabulary, code: string, locale: Locale): string {
  const term = vocab.find((x) => x.code === code);
  if (!term) return code;
  return locale === 'zh-CN' ? zhLabel(term) : term.en;
}
