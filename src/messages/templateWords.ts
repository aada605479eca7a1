// The words inside a group's workbook (`ledger template`): the instructions sheet, the header
// comments, the prompts and error boxes of the drop-downs. Both languages; the workbook speaks
// the campaign's.
import type { Lang } from './words.js';

/** What kind of value a column takes, for its header comment. */
export type ValueHint =
  | { t: 'id'; example: string }
  | { t: 'parent'; sheet: string; example: string }
  | { t: 'visit'; sheet: string }
  | { t: 'date' }
  | { t: 'code'; choices: string[] }
  | { t: 'codes'; choices: string[] }
  | { t: 'member' }
  | { t: 'members' }
  | { t: 'name' }
  | { t: 'id-number' }
  | { t: 'phone' }
  | { t: 'int'; min?: number; max?: number }
  | { t: 'number'; min?: number; max?: number }
  | { t: 'bool' }
  | { t: 'text'; max?: number }
  | { t: 'list' };

export interface SheetInfo {
  name: string;
  what: string;
  rows: number;
}

const en = {
  instructions: 'Instructions',
  lists: 'Lists',
  membersList: 'Members of the group',
  yes: 'Yes',
  no: 'No',
  sep: ', ',
  title: (sheet: string, group: string) => `${sheet} — ${group}`,
  titleHint: '    Columns marked * must be filled in; rest the mouse on a header for what it takes.',
  formTitle: (unit: string, title: string, group: string) => `${unit} ${title}: the records of ${group}`,
  formFacts: (group: string, deadline: string) => `Group: ${group}    Hand in by: ${deadline}`,
  howTo: 'How to fill it in',
  steps: (parts: string) => [
    'One row per record on each sheet, starting on the first row under the header. You may insert rows, sort and filter.',
    'Columns whose header starts with * must be filled in. Rest the mouse on a header to see what the column takes, with an example.',
    'Columns with a drop-down arrow take one of the listed values. Columns that take several (such as Methods) separate them with commas.',
    'Dates as YYYY-MM-DD, e.g. 2014-04-25.',
    'Id: may be left empty; the import then numbers the record. Write one (e.g. v7, o12; unique within the group) when another sheet refers to the record: the Visit column of an opinion, or the first column of a detail sheet.',
    `Audiences, parties and help given go on their detail sheets (${parts}), one per row; the first column names the record they belong to.`,
    'ID numbers and phone numbers: the columns are formatted as text; type the number as it is and do not change the format, or the last digits are lost.',
    'Grey rows are records already handed in: they are locked. To change one, ask the coordination office.',
    'Do not rename the sheets and do not delete or move columns. The headers are locked (without a password).',
    'Save as .xlsx (Excel or WPS) and hand the file back to the coordination office.',
  ],
  sheetsHeader: ['Sheet', 'What goes on it', 'Records filled in'],
  kindWhat: {
    visit: 'one row per visit, symposium or home visit',
    opinion: 'one row per opinion heard, with its rectification',
    info: 'one row per piece of public-opinion information',
    appeal: 'one row per livelihood appeal',
    stability: 'one row per dispute or stability matter',
    hardship: 'one row per person or household in difficulty',
  } as Record<string, string>,
  partWhat: (part: string, parent: string) => `${part}, for the records on the sheet "${parent}": one per row`,
  parentHeader: (kind: string): string => (kind === 'visit' ? 'Visit id' : 'Card id'),
  required: 'Required.',
  optional: 'Optional.',
  example: (x: string) => `Example: ${x}`,
  hint: (h: ValueHint): string => {
    switch (h.t) {
      case 'id':
        return 'The record’s id, unique within the group. May be left empty: import numbers it.';
      case 'parent':
        return `The id of the record on “${h.sheet}” this row belongs to.`;
      case 'visit':
        return `The id of the visit (on “${h.sheet}”) where this was heard.`;
      case 'date':
        return 'A date, YYYY-MM-DD.';
      case 'code':
        return `Choose from the list: ${h.choices.join(', ')}.`;
      case 'codes':
        return `One or more of: ${h.choices.join(', ')}; separate them with commas.`;
      case 'member':
        return 'A member of the group (choose from the list).';
      case 'members':
        return 'Members of the group, separated by commas.';
      case 'name':
        return 'A name, usually a member of the group.';
      case 'id-number':
        return 'Resident ID number, 18 characters, typed as text. Personal data.';
      case 'phone':
        return 'Mobile (11 digits) or landline with area code, typed as text. Personal data.';
      case 'int':
        return `A whole number${h.min === undefined ? '' : ` of at least ${h.min}`}${h.max === undefined ? '' : `${h.min === undefined ? ' of' : ' and'} at most ${h.max}`}.`;
      case 'number':
        return `A number${h.min === undefined ? '' : ` from ${h.min}`}${h.max === undefined ? '' : ` to ${h.max}`}.`;
      case 'bool':
        return 'Yes or No.';
      case 'list':
        return 'Several values, separated by commas.';
      default:
        return h.max !== undefined ? `Text, at most ${h.max} characters.` : 'Text.';
    }
  },
  whenDone: 'Required when the status is done.',
  listPrompt: 'Several may be given: separate them with commas.',
  dateError: 'Type a date as YYYY-MM-DD, e.g. 2014-04-25.',
  intError: (min: number, max?: number) =>
    max === undefined ? `Type a whole number of at least ${min}.` : `Type a whole number from ${min} to ${max}.`,
  numberError: 'Type a number.',
  choiceError: 'Choose a value from the list.',
  memberError: 'Choose a member of the group from the list.',
  idNumberWarning: 'An ID number has 18 characters.',
  errorTitle: 'Not accepted',
};

type Words = typeof en;

const zh: Words = {
  instructions: '填表说明',
  lists: '代码表',
  membersList: '本组成员',
  yes: '是',
  no: '否',
  sep: '、',
  title: (sheet, group) => `${sheet}\u3000${group}`,
  titleHint: '\u3000\u3000带 * 的列必填；鼠标停在表头上可看填写说明。',
  formTitle: (unit, title, group) => `${unit}${title}\u3000${group}填报表`,
  formFacts: (group, deadline) => `填报单位：${group}\u3000\u3000报送截止：${deadline}`,
  howTo: '填写方法',
  steps: (parts) => [
    '每张表一行填一条记录，从表头下面第一行开始填；可以插入行、排序、筛选。',
    '表头带 * 的列必须填写。把鼠标停在表头上，可以看到该列的填写说明和示例。',
    '带下拉箭头的列请从列表中选择；“工作方式”等可以填多项的列，多项之间用顿号“、”分隔。',
    '日期按“年-月-日”填写，如 2014-04-25。',
    '编号可以不填，导入时自动编号；如果别的表要引用这条记录（如意见的“所属活动”、明细表的第一列），请填写编号，如 v7、o12，同一组内不能重复。',
    `听取对象、当事人、帮扶记录填在对应的明细表（${parts}）中，每项一行，第一列填所属记录的编号。`,
    '身份证号码、电话号码所在列已设为文本格式，请直接输入，不要改成数字格式，否则号码末尾几位会丢失。',
    '灰色的行是已经报送的记录，已锁定；如需修改，请联系协调小组办公室。',
    '请不要修改表名，不要删除或移动列；表头已锁定（没有设密码）。',
    '填好后保存为 .xlsx 格式（Excel 或 WPS 均可），交回协调小组办公室。',
  ],
  sheetsHeader: ['表名', '填写内容', '已填入记录'],
  kindWhat: {
    visit: '每次下基层活动（座谈、走访等）填一行',
    opinion: '听到的每条意见填一行，连同整改措施',
    info: '收集到的每条民情信息填一行',
    appeal: '每件民生诉求填一行',
    stability: '每件矛盾纠纷、维稳事项填一行',
    hardship: '每户（每人）困难群众填一行',
  },
  partWhat: (part, parent) => `${parent}的${part}，每项一行`,
  parentHeader: (kind) => (kind === 'visit' ? '活动编号' : '登记卡编号'),
  required: '必填。',
  optional: '选填。',
  example: (x) => `示例：${x}`,
  hint: (h) => {
    switch (h.t) {
      case 'id':
        return '本条记录的编号，同一组内不能重复；可以不填，导入时自动编号。';
      case 'parent':
        return `本行所属“${h.sheet}”记录的编号。`;
      case 'visit':
        return `在哪次活动中听到的：填“${h.sheet}”中该活动的编号。`;
      case 'date':
        return '日期，按“年-月-日”填写。';
      case 'code':
        return `从下拉列表中选择：${h.choices.join('、')}。`;
      case 'codes':
        return `可选一项或多项，多项用“、”分隔：${h.choices.join('、')}。`;
      case 'member':
        return '本组成员的姓名（从下拉列表中选择）。';
      case 'members':
        return '本组成员的姓名，多人用“、”分隔。';
      case 'name':
        return '姓名，一般为本组成员（可从下拉列表中选择）。';
      case 'id-number':
        return '18位居民身份证号码，按文字输入。属个人信息。';
      case 'phone':
        return '11位手机号，或带区号的固定电话，按文字输入。属个人信息。';
      case 'int':
        return `整数${h.min === undefined ? '' : `，不小于${h.min}`}${h.max === undefined ? '' : `，不大于${h.max}`}。`;
      case 'number':
        return `数字${h.min === undefined ? '' : `，不小于${h.min}`}${h.max === undefined ? '' : `，不大于${h.max}`}。`;
      case 'bool':
        return '填“是”或“否”。';
      case 'list':
        return '可填多项，用“、”分隔。';
      default:
        return h.max !== undefined ? `文字，不超过${h.max}字。` : '文字。';
    }
  },
  whenDone: '整改状态为“已完成”时必填。',
  listPrompt: '可填多项，多项之间用顿号“、”分隔。',
  dateError: '请按“年-月-日”填写日期，如 2014-04-25。',
  intError: (min, max) => (max === undefined ? `请填写不小于${min}的整数。` : `请填写${min}至${max}之间的整数。`),
  numberError: '请填写数字。',
  choiceError: '请从下拉列表中选择。',
  memberError: '请从下拉列表中选择本组成员。',
  idNumberWarning: '身份证号码应为18位。',
  errorTitle: '填写有误',
};

export function templateWords(lang: Lang): Words {
  return lang === 'zh-CN' ? zh : en;
}
