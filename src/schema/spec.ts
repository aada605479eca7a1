// A small description language for FORMAT.md's records. One spec per kind yields the JSON
// Schema (for ajv and for editors), the canonical field order of ledgers, and the fields
// whose zh-CN labels become codes; keeping them in one place means they cannot drift.
import { VOCABULARIES, type VocabularyName, type Vocabulary } from './vocab.js';

export type Spec =
  | { t: 'string'; d: string; pattern?: string; maxLength?: number; personal?: 'id_number' | 'phone' }
  | { t: 'date'; d: string }
  | { t: 'int'; d: string; min?: number; max?: number }
  | { t: 'number'; d: string; min?: number; max?: number }
  | { t: 'bool'; d: string }
  | { t: 'const'; d: string; values: readonly string[]; canonical?: string }
  | { t: 'code'; d: string; vocab: VocabularyName }
  | { t: 'list'; d: string; item: Spec; minItems?: number }
  | { t: 'object'; d: string; props: Readonly<Record<string, Spec>>; required: readonly string[] };

export const TEXT_MAX = 20_000;

const str = (d: string, extra: { pattern?: string; maxLength?: number } = {}): Spec => ({
  t: 'string',
  d,
  maxLength: extra.maxLength ?? TEXT_MAX,
  ...(extra.pattern ? { pattern: extra.pattern } : {}),
});
const name = (d: string): Spec => str(d, { maxLength: 100 });
const date = (d: string): Spec => ({ t: 'date', d });
const int = (d: string, min?: number, max?: number): Spec => ({
  t: 'int',
  d,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
const number = (d: string, min: number, max: number): Spec => ({ t: 'number', d, min, max });
/** The upper bound of a head count (FORMAT 1.1): `count: 1e308` is an error, not a number to print. */
export const HEAD_COUNT_MAX = 100_000;
const headCount = (d: string) => int(d, 1, HEAD_COUNT_MAX);
const bool = (d: string): Spec => ({ t: 'bool', d });
const code = (vocab: VocabularyName, d: string): Spec => ({ t: 'code', d, vocab });
const list = (item: Spec, d: string, minItems?: number): Spec => ({
  t: 'list',
  d,
  item,
  ...(minItems === undefined ? {} : { minItems }),
});
const obj = (d: string, props: Record<string, Spec>, required: string[] = []): Spec => ({
  t: 'object',
  d,
  props,
  required,
});
const idNumber: Spec = {
  t: 'string',
  d: 'Resident identity number, 18 characters, quoted (身份证号码). Personal data.',
  maxLength: 40,
  personal: 'id_number',
};
const phone: Spec = {
  t: 'string',
  d: 'Mobile (11 digits) or landline with area code, quoted (联系电话). Personal data.',
  maxLength: 40,
  personal: 'phone',
};

export const RECORD_KINDS = ['visit', 'opinion', 'info', 'appeal', 'stability', 'hardship'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const KIND_LABELS: Readonly<Record<RecordKind, { zh: string; en: string }>> = {
  visit: { zh: '活动台账', en: 'Activity account' },
  opinion: { zh: '下基层听意见台账', en: 'Listening-to-opinions ledger' },
  info: { zh: '民情信息采集台账', en: 'Public-opinion information account' },
  appeal: { zh: '民生诉求登记卡', en: 'Livelihood appeal card' },
  stability: { zh: '维稳工作登记卡', en: 'Stability work card' },
  hardship: { zh: '困难群众登记卡', en: 'People-in-difficulty card' },
};

/** The kind code for `kind:` written as a code or as its zh-CN label. */
export function kindCode(value: unknown): RecordKind | undefined {
  if (typeof value !== 'string') return undefined;
  for (const k of RECORD_KINDS) if (k === value || KIND_LABELS[k].zh === value) return k;
  return undefined;
}

const common = (kind: RecordKind, what: string): Record<string, Spec> => ({
  kind: { t: 'const', d: `Record kind: ${kind} (${KIND_LABELS[kind].zh}).`, values: [kind, KIND_LABELS[kind].zh], canonical: kind },
  id: str(`Id of this ${what}, unique within the group; the ledgers call it <group>/<id> (编号).`, {
    pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
    maxLength: 64,
  }),
  date: date(`Date of the ${what}, YYYY-MM-DD, within the campaign period (日期).`),
  ref_no: str("The office's own register number (区划代码-年度-流水号, or any text), unique within the campaign when present (登记编号).", {
    maxLength: 100,
  }),
});

const visitRef = str('Id of the visit (same group) where this was heard (所属活动).', { maxLength: 64 });
const person = (d: string) =>
  obj(d, { name: name('Name (姓名).'), id_number: idNumber, phone, address: str('Address (住址).', { maxLength: 500 }) }, ['name']);

export const RECORD_SPECS: Readonly<Record<RecordKind, Spec>> = {
  visit: obj(
    'Activity account entry: one visit, symposium or home visit (活动台账).',
    {
      ...common('visit', 'visit'),
      place: str('Where the group went (地点).', { maxLength: 500 }),
      pattern: code('pattern', 'Activity pattern (活动形式).'),
      methods: list(code('method', 'Working method (工作方式).'), 'Working methods used (工作方式).', 1),
      led_by: name('Member who led the visit (带队领导).'),
      participants: list(name('A member of the group (参加人员).'), 'Members who took part (参加人员).', 1),
      audiences: list(
        obj(
          'A kind of people heard and how many (听取对象).',
          { kind: code('audience', 'Kind of people heard (对象类别).'), count: headCount('Head count, 1 to 100000 (人数).') },
          ['kind', 'count'],
        ),
        'Who was heard, with head counts (听取对象).',
      ),
      also: list(code('also', 'Combined activity (结合开展).'), 'Combined with send-warmth / send-services (结合开展).'),
      photos: list(str('Path relative to the group folder (图片路径).', { maxLength: 500 }), 'Picture data of this visit (图片资料).'),
      notes: str('Free text (备注).'),
    },
    ['kind', 'id', 'date', 'place', 'pattern', 'methods', 'led_by', 'participants'],
  ),
  opinion: obj(
    'An opinion heard, with its rectification (下基层听意见台账).',
    {
      ...common('opinion', 'opinion'),
      visit: visitRef,
      channel: code('channel', 'How the opinion was heard (听取渠道).'),
      collected_by: name('Member who recorded it (收集人).'),
      source: obj(
        'Who raised it; name and contact may be left out (意见提出人).',
        {
          kind: code('audience', 'Kind of person or body (对象类别).'),
          name: name('Name (姓名).'),
          unit: str('Unit or community (单位).', { maxLength: 500 }),
          phone,
        },
        ['kind'],
      ),
      category: code('category', 'Category of the opinion (意见类别).'),
      about: code('about', 'Whom the opinion is about (意见指向).'),
      about_name: str('Which leader or department (具体指向).', { maxLength: 200 }),
      content: str('What was said (意见内容).'),
      rectification: obj('Rectification measure with time limit (整改措施).', {
        measure: str('The measure (整改措施).'),
        responsible: str('Responsible person or department (责任人/责任科室).', { maxLength: 200 }),
        due: date('Time limit (整改时限).'),
        status: code('rectificationStatus', 'Rectification status (整改状态).'),
        done_on: date('Date done; required when status is done (完成日期).'),
        result: str('Result (整改结果).'),
        feedback: bool('The person who raised it was told the outcome (已反馈).'),
        satisfaction: code('satisfaction', 'How satisfied the person was when told the outcome; only with feedback: true (群众满意度).'),
        reopened_on: date(
          'Date the office reopened it after an unsatisfied answer; while reopened the status is planned or in-progress with no done_on, and done again means done_on on or after this date (复号日期).',
        ),
      }),
    },
    ['kind', 'id', 'date', 'channel', 'collected_by', 'source', 'category', 'about', 'content'],
  ),
  info: obj(
    'Public-opinion information (民情信息采集台账).',
    {
      ...common('info', 'information'),
      visit: visitRef,
      place: str('Where it was collected (采集地点).', { maxLength: 500 }),
      informant: obj('Who gave the information (信息提供人).', {
        name: name('Name (姓名).'),
        kind: code('audience', 'Kind of person (对象类别).'),
        phone,
      }),
      topic: code('topic', 'Topic (信息类别).'),
      content: str('The information (信息内容).'),
      handling: obj('How it is handled (处理情况).', {
        action: str('Action taken (处理措施).'),
        by: name('Member handling it (经办人).'),
        status: code('infoStatus', 'Handling status (处理状态).'),
        result: str('Result (处理结果).'),
      }),
    },
    ['kind', 'id', 'date', 'place', 'topic', 'content'],
  ),
  appeal: obj(
    'Livelihood appeal registration card (民生诉求登记卡).',
    {
      ...common('appeal', 'appeal'),
      visit: visitRef,
      channel: code('appealChannel', 'How the appeal came in (诉求来源渠道).'),
      appellant: person('The person appealing (诉求人).'),
      topic: code('topic', 'Topic (诉求类别).'),
      content: str('The appeal (诉求内容).'),
      handled_by: str('Who handles it (承办单位).', { maxLength: 200 }),
      due: date('Time limit (办理时限).'),
      status: code('appealStatus', 'Status (办理状态).'),
      result: str('Result (办理结果).'),
      feedback_on: date('Date the appellant was told (反馈日期).'),
      satisfaction: code('satisfaction', 'Appellant satisfaction (满意度).'),
    },
    ['kind', 'id', 'date', 'appellant', 'topic', 'content', 'handled_by', 'due', 'status'],
  ),
  stability: obj(
    'Stability work registration card (维稳工作登记卡).',
    {
      ...common('stability', 'stability card'),
      visit: visitRef,
      subject: str('Subject (事由).', { maxLength: 500 }),
      parties: list(
        obj('A party (当事人).', { name: name('Name (姓名).'), id_number: idNumber, phone }, ['name']),
        'Parties involved (当事人).',
        1,
      ),
      people: headCount('How many people the dispute involves, 1 to 100000 (涉及人数).'),
      type: code('stabilityType', 'Type of dispute (矛盾类型).'),
      risk: code('risk', 'Risk level (风险等级).'),
      content: str('What happened (基本情况).'),
      measures: str('Measures taken (稳控措施).'),
      responsible: str('Responsible unit or person (责任单位).', { maxLength: 200 }),
      status: code('stabilityStatus', 'Status (化解状态).'),
      resolved_on: date('Date resolved (化解日期).'),
    },
    ['kind', 'id', 'date', 'subject', 'parties', 'type', 'risk', 'content', 'measures', 'responsible', 'status'],
  ),
  hardship: obj(
    'People-in-difficulty registration card (困难群众登记卡).',
    {
      ...common('hardship', 'hardship card'),
      visit: visitRef,
      person: obj(
        'The person in difficulty (困难群众).',
        {
          name: name('Name (姓名).'),
          gender: code('gender', 'Gender (性别).'),
          id_number: idNumber,
          phone,
          address: str('Address (住址).', { maxLength: 500 }),
        },
        ['name'],
      ),
      household: headCount('Household size, 1 to 100000 (家庭人口).'),
      monthly_income: number('Household monthly income in yuan, 0 to 1000000 (家庭月收入).', 0, 1_000_000),
      categories: list(code('hardshipCategory', 'Category (困难类别).'), 'Categories of difficulty (困难类别).', 1),
      cause: code('hardshipCause', 'The main cause of the difficulty (致困原因).'),
      situation: str('Situation (困难情况).'),
      needs: str('What is needed (主要需求).'),
      policies: list(code('policy', 'A policy already received (已享受政策).'), 'Assistance policies already received (已享受政策).'),
      assistance: list(
        obj(
          'One act of help (帮扶记录).',
          { date: date('Date (日期).'), by: name('Member who helped (帮扶人).'), what: str('What was done (帮扶内容).') },
          ['date', 'by', 'what'],
        ),
        'Help given (帮扶记录).',
      ),
      paired_cadre: name('Member paired with the household (结对干部).'),
    },
    ['kind', 'id', 'date', 'person', 'categories', 'situation', 'needs'],
  ),
};

export const CAMPAIGN_SPEC: Spec = obj(
  'The campaign: unit, period, deadlines, groups (活动方案).',
  {
    kind: { t: 'const', d: 'Always campaign (活动).', values: ['campaign'] },
    title: str('Campaign title (活动名称).', { maxLength: 200 }),
    unit: str('The unit running the campaign (单位).', { maxLength: 200 }),
    locale: { t: 'const', d: 'Language of exports and the report: en or zh-CN (语言).', values: ['en', 'zh-CN'] },
    period: obj('Campaign period (活动时间).', { start: date('First day (开始日期).'), end: date('Last day (结束日期).') }, [
      'start',
      'end',
    ]),
    deadlines: obj(
      'Deadlines (报送时限).',
      {
        groups: date('Groups hand in account, pictures and summary (小组报送截止).'),
        report: date('The coordination office hands in the written report (书面报告截止).'),
      },
      ['groups', 'report'],
    ),
    groups: list(
      obj(
        'A work group or judicial office (工作组/司法所).',
        {
          id: str("Lower-case letters, digits and '-'; the folder groups/<id> (编号).", {
            pattern: '^[a-z0-9][a-z0-9-]*$',
            maxLength: 64,
          }),
          name: str('Group name (名称).', { maxLength: 200 }),
          type: code('groupType', 'work-group or judicial-office (类型).'),
          leader: name('Group leader, one of the members (组长).'),
          members: list(
            obj(
              'A member (成员).',
              {
                name: name('Name (姓名).'),
                title: str('Post (职务).', { maxLength: 100 }),
                leading: bool('A leading cadre (领导干部).'),
              },
              ['name'],
            ),
            'Members (成员).',
            1,
          ),
        },
        ['id', 'name', 'type', 'leader', 'members'],
      ),
      'Groups and judicial offices (工作组和司法所).',
      1,
    ),
    audit: obj('Audit thresholds (督导参数).', {
      written_share: { t: 'number', d: 'Largest share of written/referral opinions (书面意见占比上限).', min: 0, max: 1 },
      four_winds_share: { t: 'number', d: 'Smallest share of four-winds opinions (“四风”意见占比下限).', min: 0, max: 1 },
    }),
    units: list(
      str("Path to another campaign's ledgers/ folder, merged in as a unit (下级单位台账).", { maxLength: 1000 }),
      'Lower-level campaigns rolled up into this one (汇总单位).',
    ),
  },
  ['kind', 'title', 'unit', 'period', 'deadlines', 'groups'],
);

export function vocabOf(spec: Extract<Spec, { t: 'code' }>): Vocabulary {
  return VOCABULARIES[spec.vocab];
}
