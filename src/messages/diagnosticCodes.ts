// Every diagnostic code in one table: its severity, what it means, how to fix it, and its
// message in English and Chinese as a function of the data the check found. Checks produce
// the code and the data; the words are chosen here, in the language the user reads.
// docs/diagnostics.md is written from this table (`npm run docs`) and a test keeps it so.
import { zhDate } from './dates.js';
import { withoutPersonalIn } from './removed.js';
import { count, hasCjk, list, pick, q, show, type Both, type Lang } from './words.js';
import { yamlDetailZh } from './yamlDetailZh.js';

/** The zip reader's words for a file that is not a zip at all, or a cut-off one: the clerk needs only "not .xlsx, or damaged". */
const notZip = (detail: string): boolean => /signature|zip|central directory|end of data|unexpected end/i.test(detail);

export type Severity = 'error' | 'warning';

/** Where a full-width space (U+3000) stands in for a space; none: in the indentation. */
export type WideSpaceAt = 'after-colon' | 'after-comma' | 'after-dash' | 'around-value';

/** What a value should have been, for wrong-type. */
export type TypeWord = 'text' | 'integer' | 'number' | 'fraction' | 'boolean' | 'list' | 'mapping' | 'nothing' | 'nan' | 'infinity';

/** The data each code's message is made from. Personal data only ever arrives masked. */
export interface DiagnosticData {
  'not-utf8': { encoding: 'utf16' } | { encoding: 'invalid'; offset: number; gbk: boolean };
  /** `detail`: the `yaml` library's message (the English text); `yamlCode`: its error code. */
  'yaml-syntax': { detail: string; yamlCode?: string } | { variant: 'one-document' };
  'yaml-tab': Record<string, never>;
  'yaml-duplicate-key': { key?: string };
  'yaml-alias': { name: string };
  'yaml-tag': { tag: string };
  'yaml-directive': { version: string };
  'yaml-too-deep': { limit: number };
  'fullwidth-colon': { key: string };
  'fullwidth-comma': { char: string };
  'fullwidth-bracket': { char: string; ascii: string };
  'fullwidth-quote': { char: string };
  'fullwidth-quote-text': { char: string };
  'ideographic-space': { where?: WideSpaceAt };
  'empty-file': Record<string, never>;
  'not-a-record': { found: 'list' | 'value'; campaign?: boolean };
  'unsafe-key': { key: string };
  'missing-field':
    { variant: 'field'; field: Both } | { variant: 'kind' } | { variant: 'empty-campaign' } | { variant: 'no-items'; field: Both };
  'unknown-field': { key: string; suggest?: string };
  'unknown-kind': { value: string; suggest?: Both; kinds: Both[] };
  'invalid-code': { field: Both; value: string; suggest?: Both; choices?: Both[] } | { field: Both; found: TypeWord };
  'empty-value': { field: Both; choices?: Both[]; date?: boolean };
  /**
   * `value`: a fraction found (2.5 reads clearer than "a number" where a count goes), or the text found where yes/no
   * was expected; `cell`: it was typed in a workbook (是/否, Yes/No), not YAML (true/false).
   */
  'wrong-type': { field: Both; expected: TypeWord; found: TypeWord; value?: number | string; cell?: boolean };
  'unquoted-number': { field: Both; personal: boolean };
  'invalid-date': { value: string; variant: 'format' | 'calendar' };
  'invalid-value':
    | { variant: 'id'; value: string; group: boolean }
    | { variant: 'pattern'; field: Both; value: string }
    | { variant: 'min' | 'max'; field: Both; limit: number }
    | { variant: 'period-order'; start: string; end: string }
    | { variant: 'unit-inside'; path: string }
    | { variant: 'unit-twice'; path: string; other: string }
    | { variant: 'other'; field: Both; detail: string };
  'too-long': { field: Both; length: number; limit: number };
  'invalid-id-number': { field: Both; problem: 'length' | 'characters' | 'area' | 'birth-date' | 'check-digit' };
  'invalid-phone': { field: Both };
  'date-outside-period': { date: string; start: string; end: string };
  'unknown-member': { name: string; group: string; suggest?: string; role?: 'leader'; form?: boolean };
  'missing-done-on': Record<string, never>;
  'satisfaction-without-feedback': Record<string, never>;
  'reopened-status':
    { variant: 'status'; reopenedOn: string; status?: Both } | { variant: 'done-on'; reopenedOn: string; doneOn: string; status: Both };
  'done-before-reopened': { doneOn: string; reopenedOn: string };
  'duplicate-ref-no': { refNo: string; other: { id: string; kind: Both } & FileLine };
  'duplicate-id':
    | ({ variant: 'record'; id: string; group: string; kind: Both } & FileLine)
    | { variant: 'group'; id: string }
    | { variant: 'member'; name: string; group: string }
    | { variant: 'unit'; id: string; path: string };
  'unknown-visit': { visit: string; group: string; suggest?: string };
  'visit-has-errors': { visit: string } & FileLine;
  'photo-missing': { path: string; group: string };
  'photo-outside-group': { path: string; group: string };
  'photo-not-image': { path: string };
  /** `summary`: the link is the group's summary.md or summary.docx (not a record file). */
  'file-outside-group': { group: string; summary?: boolean };
  /** `folder`: the link stands where a group folder is. */
  'dangling-link': { folder?: boolean };
  'not-a-regular-file': { type: 'fifo' | 'socket' | 'device' | 'other' };
  'unreadable-file': { reason: string };
  'file-too-large': { size: number; limit: number };
  'undeclared-group': { folder: string };
  /** `file`: something that is not a folder stands where the group's folder goes. */
  'group-folder-missing': { group: string; file?: boolean };
  'unit-missing': { path: string };
  'unit-edited': { path: string; file: string };
  'likely-duplicate': { id: string; others: ({ id: string } & FileLine)[]; similarity: number };
  'workbook-in-group': Record<string, never>;
  'summary-not-docx': Record<string, never>;
  'workbook-unreadable': { detail: string };
  'not-a-template': Record<string, never>;
  'template-format': { found: string; expected: number };
  'template-campaign': { found: string; expected: string };
  'template-group': { group: string; variant: 'unknown' | 'other'; expected?: string };
  'template-schema': Record<string, never>;
  'template-column': { key: string; header: string; sheet?: boolean };
  'duplicate-workbook': { other: string };
  'extra-column': { header: string };
  'lost-digits': { variant: 'id-number' | 'phone'; field: Both };
  'unknown-parent': { id: string; parent: Both } | { variant: 'missing'; parent: Both };
  /** The workbook side names the other record's place; `imported`: that record came from another workbook (named by its row). */
  'import-conflict':
    | { side: 'workbook'; id: string; kind: Both; other: FileLine; fields: Both[]; imported?: boolean }
    | { side: 'file'; id: string; kind: Both; other: string; fields: Both[] };
  'import-removes': { previous: string; output: string; records: RemovedRecord[] };
  'import-replaces-all': { previous: string; output: string; records: RemovedRecord[] };
  'import-renamed': { previous: string; current: string };
  'formula-no-value': { formula: string };
}

/** A record of an earlier import that a new import of the same workbook no longer has, and where it was typed. */
export interface RemovedRecord {
  id: string;
  kind?: Both;
  sheet?: string;
  row?: number;
}

/**
 * A place named inside a message: a file and line, or for a record imported from a workbook the
 * workbook, sheet and row it was typed on (its imported YAML is not where to correct it).
 */
export interface FileLine {
  file: string;
  line: number;
  sheet?: string;
}

export type DiagnosticCode = keyof DiagnosticData;

export interface CodeEntry<D> {
  severity: Severity;
  /** One line for docs/diagnostics.md: what is wrong. */
  means: Both;
  /** How to put it right, for docs/diagnostics.md and the feedback sheets. */
  fix: Both;
  en(d: D): string;
  zh(d: D): string;
}

const quotePair = (char: string) => (char === '‘' ? '‘…’' : '“…”');

/** A full-width space, by where it stands. */
const WIDE_SPACE: Record<WideSpaceAt | 'indent', Both> = {
  indent: {
    en: 'a full-width space (U+3000) in the indentation: indent with ordinary spaces',
    zh: '缩进里有全角空格（U+3000）：请改用半角空格缩进',
  },
  'after-colon': {
    en: 'a full-width space (U+3000) follows the colon: type an ordinary space',
    zh: '冒号后面是全角空格（U+3000），请改为普通的半角空格',
  },
  'after-comma': {
    en: 'a full-width space (U+3000) follows the comma: type an ordinary space',
    zh: '逗号后面是全角空格（U+3000），请改为普通的半角空格',
  },
  'after-dash': {
    en: 'a full-width space (U+3000) follows the list dash "-": type an ordinary space',
    zh: '列表项的“-”后面是全角空格（U+3000），请改为普通的半角空格',
  },
  'around-value': {
    en: 'a full-width space (U+3000) before or after the value: remove it',
    zh: '值的前后有全角空格（U+3000），请删去',
  },
};

const TYPE_EN: Record<TypeWord, string> = {
  text: 'text',
  integer: 'a whole number',
  number: 'a number',
  fraction: 'a fraction',
  boolean: 'true or false',
  list: 'a list',
  mapping: 'a mapping (key: value lines)',
  nothing: 'nothing',
  nan: '.nan (not a number)',
  infinity: '.inf (infinity, not a number)',
};
const TYPE_ZH: Record<TypeWord, string> = {
  text: '文字',
  integer: '整数',
  number: '数字',
  fraction: '小数',
  boolean: 'true 或 false',
  list: '列表（如 [甲, 乙]）',
  mapping: '“字段: 值”形式的一组内容',
  nothing: '空值',
  nan: '.nan（不是数字）',
  infinity: '.inf（无穷大，不是数字）',
};

/** Choices in the writer's vocabulary: Chinese labels in zh-CN, or when the value was Chinese. */
function choices(cs: readonly Both[], lang: Lang, value?: string): string {
  const zh = lang === 'zh-CN' || (value !== undefined && hasCjk(value));
  return list(
    cs.map((c) => (zh ? c.zh : c.en)),
    zh ? 'zh-CN' : 'en',
  );
}
function suggestion(s: Both | undefined, lang: Lang, value: string): string {
  if (!s) return '';
  const zh = lang === 'zh-CN' || hasCjk(value);
  const word = zh ? s.zh : s.en;
  return lang === 'zh-CN' ? `，是否应为${q(word, lang)}？` : `; did you mean "${word}"?`;
}
const didYouMean = (s: string | undefined, lang: Lang) =>
  s === undefined ? '' : lang === 'zh-CN' ? `，是否应为${q(s, lang)}？` : `; did you mean "${s}"?`;

const ID_PROBLEM: Record<DiagnosticData['invalid-id-number']['problem'], Both> = {
  length: { en: 'must be 18 characters', zh: '应为18位' },
  characters: { en: 'must be 17 digits followed by a digit or X', zh: '应为17位数字加1位数字或X' },
  area: { en: 'has an impossible area code', zh: '地区码不存在' },
  'birth-date': { en: 'holds no real birth date', zh: '出生日期不成立' },
  'check-digit': { en: 'fails the check digit (a digit was mistyped)', zh: '校验位不符，可能有数字输错' },
};

/** The fields that differ, in brackets: " (place, date)" / "（地点、日期）". */
function fieldList(fields: readonly Both[], lang: Lang): string {
  if (!fields.length) return '';
  const names = list(
    fields.map((f) => (lang === 'zh-CN' ? f.zh : f.en)),
    lang,
  );
  return lang === 'zh-CN' ? `（${names}）` : ` (${names})`;
}

/** A place inside a message: "file:12" / "file 第12行", or a workbook's sheet and row. */
function fileLine(p: FileLine, lang: Lang): string {
  if (p.sheet !== undefined) return lang === 'zh-CN' ? `${p.file}：${p.sheet} 第${p.line}行` : `${p.file}, sheet ${p.sheet}, row ${p.line}`;
  return lang === 'zh-CN' ? `${p.file} 第${p.line}行` : `${p.file}:${p.line}`;
}

/** Records an import removes: "o20 (下基层听意见台账, row 4)" / "o20（下基层听意见台账 第4行）", every one of them. */
function removedList(records: readonly RemovedRecord[], lang: Lang): string {
  const one = (r: RemovedRecord) => {
    if (r.sheet === undefined) return r.id;
    return lang === 'zh-CN' ? `${r.id}（${r.sheet} 第${r.row}行）` : `${r.id} (${r.sheet}, row ${r.row})`;
  };
  return list(records.map(one), lang);
}

const FILE_TYPES: Record<DiagnosticData['not-a-regular-file']['type'], Both> = {
  fifo: { en: 'a pipe (FIFO)', zh: '管道文件（FIFO）' },
  socket: { en: 'a socket', zh: '套接字' },
  device: { en: 'a device', zh: '设备文件' },
  other: { en: 'not a regular file', zh: '不是普通文件' },
};

type Table = { [K in DiagnosticCode]: CodeEntry<DiagnosticData[K]> };

export const DIAGNOSTIC_CODES: Table = {
  'not-utf8': {
    severity: 'error',
    means: { en: 'the file is not UTF-8 (GBK/UTF-16)', zh: '文件不是 UTF-8 编码（GBK 或 UTF-16）' },
    fix: { en: 'Re-save it as UTF-8 (Notepad: Save As → Encoding: UTF-8).', zh: '另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）。' },
    en: (d) =>
      d.encoding === 'utf16'
        ? 'the file is UTF-16, not UTF-8: re-save it as UTF-8 (Notepad: Save As → Encoding: UTF-8; WPS/Word: plain text, UTF-8)'
        : `the file is not UTF-8 (invalid byte at offset ${d.offset}).${d.gbk ? ' It looks like GBK/GB18030 (the Chinese Windows default).' : ''} Re-save it as UTF-8 (Notepad: Save As → Encoding: UTF-8; or: iconv -f GB18030 -t UTF-8 in > out)`,
    zh: (d) =>
      d.encoding === 'utf16'
        ? '文件是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8（记事本：另存为 → 编码选“UTF-8”；WPS/Word：纯文本，UTF-8）'
        : `文件不是 UTF-8 编码（第${d.offset}字节无法识别）。${d.gbk ? '看起来是 GBK/GB18030（中文 Windows 的默认编码）。' : ''}请另存为 UTF-8（记事本：另存为 → 编码选“UTF-8”）`,
  },
  'yaml-syntax': {
    severity: 'error',
    means: { en: 'YAML syntax error', zh: 'YAML 格式错误' },
    fix: {
      en: 'Compare the line with the template from `ledger new`: key, colon and space, then the value.',
      zh: '对照 `ledger new` 生成的模板检查该行：字段名、英文冒号、空格，再写值。',
    },
    en: (d) => ('variant' in d ? 'ledger.yaml must hold exactly one document' : d.detail),
    zh: (d) =>
      'variant' in d ? 'ledger.yaml 只能包含一份内容（不要用 --- 分隔）' : `YAML 格式有误：${yamlDetailZh(d.detail, d.yamlCode)}`,
  },
  'yaml-tab': {
    severity: 'error',
    means: { en: 'a tab used for indentation', zh: '用 Tab 键缩进' },
    fix: { en: 'Indent with spaces.', zh: '改用空格缩进。' },
    en: () => 'tab used for indentation: YAML needs spaces',
    zh: () => '用了 Tab 键缩进：YAML 只能用空格缩进',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    means: { en: 'the same key twice in one record', zh: '同一记录中字段重复' },
    fix: { en: 'Keep one of the two lines.', zh: '删去重复的一行。' },
    en: (d) => `${d.key === undefined ? 'this key' : `key "${show(d.key)}"`} appears twice in the same record`,
    zh: (d) => `${d.key === undefined ? '该字段' : `字段${q(d.key, 'zh-CN')}`}在同一条记录中出现了两次`,
  },
  'yaml-alias': {
    severity: 'error',
    means: { en: 'an alias (`*name`): refused, which also stops "billion laughs" files', zh: '使用了别名（*name），不予接受' },
    fix: { en: 'Write the value out in full.', zh: '把值完整写出来。' },
    en: (d) => `alias *${show(d.name)} refused: write the value out in full`,
    zh: (d) => `不接受别名 *${show(d.name)}：请把值完整写出来`,
  },
  'yaml-tag': {
    severity: 'error',
    means: { en: 'an explicit tag (`!!str`, `!foo`)', zh: '使用了 YAML 标签（!!str、!foo）' },
    fix: { en: 'Remove the tag and write the plain value.', zh: '去掉标签，直接写值。' },
    en: (d) => `YAML tag ${show(d.tag)} refused: write the plain value`,
    zh: (d) => `不接受 YAML 标签 ${show(d.tag)}：请直接写值`,
  },
  'yaml-directive': {
    severity: 'error',
    means: { en: 'a `%YAML` directive (records are YAML 1.2)', zh: '使用了 %YAML 指令' },
    fix: { en: 'Remove the directive line.', zh: '删去这一行指令。' },
    en: (d) => `%YAML ${show(d.version)} directive refused: records are YAML 1.2; remove the directive line`,
    zh: (d) => `不接受 %YAML ${show(d.version)} 指令：记录按 YAML 1.2 读取，请删去这一行`,
  },
  'yaml-too-deep': {
    severity: 'error',
    means: { en: 'nesting deeper than any record needs', zh: '嵌套层数过深' },
    fix: { en: 'Records nest a few levels at most: check the brackets and indentation.', zh: '记录最多嵌套几层：请检查括号和缩进。' },
    en: (d) => `the YAML nests deeper than ${d.limit} levels: no record is shaped like this; check the brackets and indentation`,
    zh: (d) => `YAML 嵌套超过${d.limit}层，不是记录应有的样子：请检查括号和缩进`,
  },
  'fullwidth-colon': {
    severity: 'error',
    means: { en: 'a full-width colon `：` after a key (Chinese input method)', zh: '字段名后用了中文冒号“：”' },
    fix: { en: 'Type an English colon and a space: `key: value`.', zh: '改为英文冒号加空格，如 `place: 南湖街道`。' },
    en: (d) => `a full-width colon "：" after ${show(d.key)}: type an English colon and a space ("${show(d.key)}: ")`,
    zh: (d) => `${show(d.key)} 后面用了中文冒号“：”，请改为英文冒号加空格（“${show(d.key)}: ”）`,
  },
  'fullwidth-comma': {
    severity: 'error',
    means: { en: 'a full-width `，` or `、` between list items', zh: '列表项之间用了中文逗号或顿号' },
    fix: {
      en: 'Separate list items with an English comma and a space: `[a, b]`.',
      zh: '列表项之间改用英文逗号加空格，如 `[座谈会, 入户走访]`。',
    },
    en: (d) => `a full-width "${d.char}" between list items: separate them with an English comma and a space (", ")`,
    zh: (d) => `列表项之间用了中文“${d.char}”，请改为英文逗号加空格（“, ”）`,
  },
  'fullwidth-bracket': {
    severity: 'error',
    means: {
      en: 'full-width brackets `［］【】｛｝` around a list or mapping, or `「」（）` around a list',
      zh: '列表或花括号用了中文括号，如［］【】｛｝，或列表两边的「」（）',
    },
    fix: { en: 'Use the English brackets [ ] and { }.', zh: '改用英文方括号 [ ] 和花括号 { }。' },
    en: (d) => `a full-width bracket "${d.char}": type the English "${d.ascii}"`,
    zh: (d) => `用了中文括号“${d.char}”，请改为英文“${d.ascii}”`,
  },
  'fullwidth-quote': {
    severity: 'error',
    means: { en: 'Chinese quotation marks around a code, name, date or number', zh: '代码、姓名、日期、号码等值两边用了中文引号' },
    fix: { en: 'Use English quotes "…" or none.', zh: '改用英文引号 "…"，或不加引号。' },
    en: (d) => `Chinese quotation marks (${quotePair(d.char)}) around the value: use English quotes ("…") or none`,
    zh: (d) => `值两边用了中文引号（${quotePair(d.char)}），请改用英文引号 "…" 或不加引号`,
  },
  'fullwidth-quote-text': {
    severity: 'warning',
    means: {
      en: 'Chinese quotation marks around a whole free-text value: they are kept as part of the text',
      zh: '整段文字两边用了中文引号，引号会成为内容的一部分',
    },
    fix: {
      en: 'Remove them, or use English quotes "…" (which are not kept).',
      zh: '删去引号，或改用英文引号 "…"（英文引号不会留在内容里）。',
    },
    en: (d) =>
      `the whole value is in Chinese quotation marks (${quotePair(d.char)}), which become part of the text: remove them, or use English quotes ("…")`,
    zh: (d) => `整个值用中文引号（${quotePair(d.char)}）括了起来，引号会成为内容的一部分：如不需要请删去，或改用英文引号 "…"`,
  },
  'ideographic-space': {
    severity: 'error',
    means: {
      en: 'a full-width space (U+3000) in the indentation, after a colon, comma or list dash, or around a code or name',
      zh: '缩进里、冒号、逗号或“-”后面、代码或姓名前后用了全角空格',
    },
    fix: {
      en: 'Type ordinary (half-width) spaces; remove the ones around a value.',
      zh: '改用普通的半角空格；值前后的全角空格删去。',
    },
    en: (d) => WIDE_SPACE[d.where ?? 'indent'].en,
    zh: (d) => WIDE_SPACE[d.where ?? 'indent'].zh,
  },
  'empty-file': {
    severity: 'warning',
    means: { en: 'a record file holding no record', zh: '记录文件中没有任何记录' },
    fix: { en: 'Fill it in or delete it.', zh: '填写内容或删除该文件。' },
    en: () => 'the file holds no record',
    zh: () => '文件中没有任何记录',
  },
  'not-a-record': {
    severity: 'error',
    means: { en: 'a document that is a list or a single value instead of fields', zh: '内容不是“字段: 值”形式的记录' },
    fix: { en: 'Start the record with `kind:` and write one field per line.', zh: '记录以 `kind:` 开头，每行一个“字段: 值”。' },
    en: (d) =>
      d.campaign
        ? 'ledger.yaml must be a mapping (kind: campaign, title: …)'
        : `a record must be a mapping of fields (kind: …, id: …), found ${d.found === 'list' ? 'a list' : 'a single value'}`,
    zh: (d) =>
      d.campaign
        ? 'ledger.yaml 应为“字段: 值”形式（kind: campaign、title: …）'
        : `记录应为“字段: 值”形式（kind: …、id: …），这里是${d.found === 'list' ? '一个列表' : '一个单独的值'}`,
  },
  'unsafe-key': {
    severity: 'error',
    means: { en: 'a `__proto__`, `constructor` or `prototype` key', zh: '使用了 __proto__、constructor 或 prototype 作字段名' },
    fix: { en: 'Remove the key.', zh: '删去该字段。' },
    en: (d) => `key "${show(d.key)}" is not allowed`,
    zh: (d) => `不允许使用字段名${q(d.key, 'zh-CN')}`,
  },
  'missing-field': {
    severity: 'error',
    means: { en: 'a required field is missing or an empty list', zh: '缺少必填字段，或列表为空' },
    fix: { en: 'Add the field (see `ledger new` for the template).', zh: '补上该字段（可参照 `ledger new` 生成的模板）。' },
    en: (d) =>
      d.variant === 'kind'
        ? 'missing field "kind": every record starts with kind: visit | opinion | info | appeal | stability | hardship'
        : d.variant === 'empty-campaign'
          ? 'ledger.yaml is empty: it needs kind: campaign, title, unit, period, deadlines and groups'
          : d.variant === 'no-items'
            ? `${d.field.en} needs at least one entry`
            : `missing field "${d.field.en}"`,
    zh: (d) =>
      d.variant === 'kind'
        ? '缺少 kind 字段：每条记录以 kind 开头（活动台账、下基层听意见台账、民情信息采集台账、民生诉求登记卡、维稳工作登记卡、困难群众登记卡）'
        : d.variant === 'empty-campaign'
          ? 'ledger.yaml 是空的：需要 kind: campaign、活动名称、单位、活动时间、报送时限和各组'
          : d.variant === 'no-items'
            ? `${d.field.zh}至少要填一项`
            : `缺少必填项“${d.field.zh}”（${d.field.en}）`,
  },
  'unknown-field': {
    severity: 'error',
    means: {
      en: 'a field the record format (docs/format.md) does not define (suggests the nearest)',
      zh: '记录格式（docs/format.md）中没有的字段',
    },
    fix: { en: 'Correct the spelling, or remove the line.', zh: '改正字段名拼写，或删去该行。' },
    en: (d) => `unknown field "${show(d.key)}"${didYouMean(d.suggest, 'en')}`,
    zh: (d) => `没有${q(d.key, 'zh-CN')}这个字段${didYouMean(d.suggest, 'zh-CN')}`,
  },
  'unknown-kind': {
    severity: 'error',
    means: { en: '`kind:` is not a record kind (suggests the nearest)', zh: '记录种类（kind）不正确' },
    fix: { en: 'Use one of the record kinds.', zh: '改为六种记录之一。' },
    en: (d) =>
      `unknown record kind "${show(d.value)}"${suggestion(d.suggest, 'en', d.value) || `; use one of: ${choices(d.kinds, 'en', d.value)}`}`,
    zh: (d) => `没有${q(d.value, 'zh-CN')}这种记录${suggestion(d.suggest, 'zh-CN', d.value) || `，应为：${choices(d.kinds, 'zh-CN')}`}`,
  },
  'invalid-code': {
    severity: 'error',
    means: { en: 'a value outside a code list (suggests the nearest code or zh-CN label)', zh: '填写的值不在可选项中' },
    fix: { en: 'Use one of the listed codes or their zh-CN labels.', zh: '改为列出的可选项之一。' },
    en: (d) =>
      'found' in d
        ? `expected one of the codes of ${d.field.en}, found ${TYPE_EN[d.found]}`
        : `"${show(d.value)}" is not a valid ${d.field.en}${suggestion(d.suggest, 'en', d.value) || (d.choices ? `; use one of: ${choices(d.choices, 'en', d.value)}` : '')}`,
    zh: (d) =>
      'found' in d
        ? `${d.field.zh}应从可选项中选填，这里是${TYPE_ZH[d.found]}`
        : `${q(d.value, 'zh-CN')}不是有效的${d.field.zh}${suggestion(d.suggest, 'zh-CN', d.value) || (d.choices ? `，应为：${choices(d.choices, 'zh-CN')}` : '')}`,
  },
  'empty-value': {
    severity: 'error',
    means: {
      en: 'a field left empty (`""`), e.g. a skeleton from `ledger new` not yet filled in',
      zh: '字段未填写（如 `ledger new` 生成后未填）',
    },
    fix: { en: 'Fill it in, or remove the line if the field is optional.', zh: '填写该项；选填项不用时可删去该行。' },
    en: (d) => `${d.field.en} is empty: fill it in${d.date ? ' (YYYY-MM-DD)' : d.choices ? ` (one of: ${choices(d.choices, 'en')})` : ''}`,
    zh: (d) =>
      `“${d.field.zh}”未填写${d.date ? '（格式：年-月-日，如 2014-04-25）' : d.choices ? `，可选：${choices(d.choices, 'zh-CN')}` : ''}`,
  },
  'wrong-type': {
    severity: 'error',
    means: { en: 'e.g. text where a list is needed', zh: '值的类型不对（如该填列表却填了文字）' },
    fix: { en: 'Write the value in the form the template shows.', zh: '按模板所示的形式填写。' },
    en: (d) => {
      if (d.expected === 'text' && d.found === 'boolean')
        return `${d.field.en} must be text: quote this value (YAML read it as true/false)`;
      const shown = d.value === undefined ? '' : typeof d.value === 'number' ? ` ${d.value}` : ` "${show(d.value)}"`;
      const found = `${TYPE_EN[d.found]}${shown}`;
      if (d.expected === 'boolean' && d.cell) return `${d.field.en} must be Yes or No, found ${found}`;
      return `${d.field.en} must be ${TYPE_EN[d.expected]}, found ${found}`;
    },
    zh: (d) => {
      if (d.expected === 'text' && d.found === 'boolean') return `“${d.field.zh}”应为文字：请给这个值加上英文引号（否则会被当作是/否）`;
      const shown = d.value === undefined ? '' : typeof d.value === 'number' ? ` ${d.value}` : q(d.value, 'zh-CN');
      const found = `${TYPE_ZH[d.found]}${shown}`;
      // A workbook asks for 是/否; YAML takes only true/false, so both are named there.
      if (d.expected === 'boolean')
        return d.cell
          ? `“${d.field.zh}”应填“是”或“否”，这里是${typeof d.value === 'string' ? q(d.value, 'zh-CN') : TYPE_ZH[d.found]}`
          : `“${d.field.zh}”应为 true（是）或 false（否），这里是${found}`;
      return `“${d.field.zh}”应为${TYPE_ZH[d.expected]}，这里是${found}`;
    },
  },
  'unquoted-number': {
    severity: 'error',
    means: { en: 'a number where text is needed (ID numbers, phones): quote it', zh: '该填文字的地方填了数字（身份证号、电话须加引号）' },
    fix: { en: 'Put the value in English quotes: "13800138000".', zh: '给这个值加上英文引号，如 "13800138000"。' },
    en: (d) => `${d.field.en} must be text: quote this value ("…")${d.personal ? ', or digits may be lost' : ''}`,
    zh: (d) => `“${d.field.zh}”应为文字：请给这个值加上英文引号（"…"）${d.personal ? '，否则数字可能丢失' : ''}`,
  },
  'invalid-date': {
    severity: 'error',
    means: { en: 'not `YYYY-MM-DD`, or not a real calendar date', zh: '日期格式不对，或日期不存在' },
    fix: { en: 'Write the date as YYYY-MM-DD, e.g. 2014-04-25.', zh: '按“年-月-日”填写，如 2014-04-25。' },
    en: (d) =>
      d.variant === 'calendar'
        ? `"${show(d.value)}" is not a real calendar date`
        : `"${show(d.value)}" is not a date: write YYYY-MM-DD, e.g. 2014-04-25`,
    zh: (d) =>
      d.variant === 'calendar' ? `日期${q(d.value, 'zh-CN')}不存在` : `${q(d.value, 'zh-CN')}不是日期：请按“年-月-日”填写，如 2014-04-25`,
  },
  'invalid-value': {
    severity: 'error',
    means: { en: 'out of range or malformed (ids, counts, thresholds)', zh: '数值超出范围或格式不对（编号、人数、督导参数）' },
    fix: { en: 'Correct the value as the message says.', zh: '按提示改正。' },
    en: (d) => {
      switch (d.variant) {
        case 'id':
          return `id "${show(d.value)}" may only use letters, digits and - _ .${d.group ? ' (group ids: lower-case letters, digits and -)' : ''}`;
        case 'pattern':
          return `"${show(d.value)}" is not a valid ${d.field.en}`;
        case 'min':
          return `${d.field.en} must be at least ${d.limit}`;
        case 'max':
          return `${d.field.en} must be at most ${d.limit}`;
        case 'period-order':
          return `the period ends (${d.end}) before it starts (${d.start})`;
        case 'unit-inside':
          return `units: "${show(d.path)}" is this campaign or a folder inside it; units are other campaigns' ledgers/ folders`;
        case 'unit-twice':
          return `units: "${show(d.path)}" is the same ledgers/ folder as "${show(d.other)}": list each unit once`;
        default:
          return `${d.field.en}: ${d.detail}`;
      }
    },
    zh: (d) => {
      switch (d.variant) {
        case 'id':
          return `编号 ${q(d.value, 'zh-CN')} 只能使用字母、数字和 - _ .${d.group ? '（组编号：小写字母、数字和 -）' : ''}`;
        case 'pattern':
          return `${q(d.value, 'zh-CN')}不是有效的${d.field.zh}`;
        case 'min':
          return `“${d.field.zh}”不能小于${d.limit}`;
        case 'max':
          return `“${d.field.zh}”不能大于${d.limit}`;
        case 'period-order':
          return `活动结束日期（${d.end}）早于开始日期（${d.start}）`;
        case 'unit-inside':
          return `units: 中的${q(d.path, 'zh-CN')}是本活动自身或其中的文件夹；下级单位应为其他活动的 ledgers/ 文件夹`;
        case 'unit-twice':
          return `units: 中的${q(d.path, 'zh-CN')}与${q(d.other, 'zh-CN')}是同一个 ledgers/ 文件夹：每个下级单位只列一次`;
        default:
          return `“${d.field.zh}”：${d.detail}`;
      }
    },
  },
  'too-long': {
    severity: 'error',
    means: { en: "text over the field's limit", zh: '文字超过该项的长度上限' },
    fix: { en: 'Shorten the text.', zh: '精简文字。' },
    en: (d) => `${d.field.en} is ${d.length} characters, more than the limit of ${d.limit}`,
    zh: (d) => `“${d.field.zh}”有${d.length}个字，超过上限${d.limit}字`,
  },
  'invalid-id-number': {
    severity: 'error',
    means: {
      en: 'an ID number with a wrong length, birth date or check digit (the number is not shown, only whose it is)',
      zh: '身份证号码位数、出生日期或校验位不对（不显示号码，只说明是哪一项）',
    },
    fix: { en: 'Check the number against the ID card.', zh: '对照身份证核对号码。' },
    en: (d) => `the ID number (${d.field.en}) ${ID_PROBLEM[d.problem].en}`,
    zh: (d) => `${d.field.zh}${ID_PROBLEM[d.problem].zh}`,
  },
  'invalid-phone': {
    severity: 'error',
    means: {
      en: 'neither a mobile nor a landline with area code (the number is not shown, only whose it is)',
      zh: '既不是手机号，也不是带区号的固定电话（不显示号码，只说明是哪一项）',
    },
    fix: {
      en: 'Write an 11-digit mobile or a landline with its area code, e.g. 0371-12345678.',
      zh: '填写11位手机号，或带区号的固定电话，如 0371-12345678。',
    },
    en: (d) => `the phone (${d.field.en}) is neither a mobile number (11 digits, 1[3-9]…) nor a landline with area code (0371-12345678)`,
    zh: (d) => `${d.field.zh}既不是手机号（11位，以13-19开头），也不是带区号的固定电话（如 0371-12345678）`,
  },
  'date-outside-period': {
    severity: 'warning',
    means: { en: 'a record dated outside the campaign period', zh: '记录日期不在活动期间内' },
    fix: { en: 'Check the date.', zh: '核对日期。' },
    en: (d) => `date ${d.date} is outside the campaign period ${d.start} to ${d.end}`,
    zh: (d) => `日期 ${d.date} 不在活动期间（${d.start} 至 ${d.end}）内`,
  },
  'unknown-member': {
    severity: 'error',
    means: {
      en: 'a name in `led_by`, `participants`, `collected_by`, `paired_cadre` not in the group (or a leader not among the members)',
      zh: '带队领导、参加人员、收集人、结对干部等不是本组成员（或组长不在成员中）',
    },
    fix: {
      en: 'Write the name exactly as in ledger.yaml, or add the member there.',
      zh: '按 ledger.yaml 中的写法填写姓名，或先在 ledger.yaml 中添加该成员。',
    },
    en: (d) =>
      d.role === 'leader'
        ? `leader "${show(d.name)}" is not among the members of ${d.group}${didYouMean(d.suggest, 'en')}`
        : d.form
          ? `"${show(d.name)}" is written with different Unicode characters than the member "${d.suggest}" of group ${d.group} (it looks the same): retype it`
          : `"${show(d.name)}" is not a member of group ${d.group}${didYouMean(d.suggest, 'en')}`,
    zh: (d) =>
      d.role === 'leader'
        ? `组长${q(d.name, 'zh-CN')}不在 ${d.group} 的成员中${didYouMean(d.suggest, 'zh-CN')}`
        : d.form
          ? `${q(d.name, 'zh-CN')}看起来与本组（${d.group}）成员${q(d.suggest, 'zh-CN')}相同，但字符编码不同：请重新输入`
          : `${q(d.name, 'zh-CN')}不是本组（${d.group}）成员${didYouMean(d.suggest, 'zh-CN')}`,
  },
  'missing-done-on': {
    severity: 'error',
    means: { en: 'a rectification with `status: done` and no `done_on`', zh: '整改状态为已完成，但没有完成日期' },
    fix: { en: 'Add done_on (the date it was done).', zh: '补填完成日期（done_on）。' },
    en: () => 'rectification status is done but done_on is missing',
    zh: () => '整改状态为“已完成”，但没有填写完成日期',
  },
  'satisfaction-without-feedback': {
    severity: 'error',
    means: {
      en: "a rectification's `satisfaction` without `feedback: true` (FORMAT 1.1): satisfaction is asked when the person is told the outcome",
      zh: '填写了群众满意度，但“已反馈”不是 true：满意度应在向群众反馈整改结果时测评',
    },
    fix: {
      en: 'Set feedback: true if the person was told the outcome, or remove satisfaction.',
      zh: '已向群众反馈的，把“已反馈”改为 true；尚未反馈的，删去群众满意度。',
    },
    en: () =>
      'satisfaction is given but feedback is not true: the person is asked once told the outcome; set feedback: true or remove satisfaction',
    zh: () =>
      '填写了“群众满意度”，但“已反馈”不是 true：满意度应在向群众反馈整改结果时测评；已反馈的请把“已反馈”改为 true，未反馈的请删去“群众满意度”',
  },
  'reopened-status': {
    severity: 'error',
    means: {
      en: 'a reopened rectification (`reopened_on`, FORMAT 1.1) that is not planned, in progress or done again, or still has its old `done_on`',
      zh: '已复号的整改，状态不是已制定、整改中或再次完成，或仍保留原完成日期',
    },
    fix: {
      en: 'While reopened, set status planned or in-progress and remove done_on; when it is done again, set status done and the new done_on.',
      zh: '复号后整改状态应为“已制定”或“整改中”，并删去原完成日期；再次完成时改为“已完成”，填写新的完成日期。',
    },
    en: (d) =>
      d.variant === 'done-on'
        ? `reopened on ${d.reopenedOn} and ${d.status.en} again, so the old done_on (${d.doneOn}) must go: write a new done_on when it is done again`
        : d.status
          ? `reopened on ${d.reopenedOn}, so the status is planned or in-progress until it is done again, not "${d.status.en}"`
          : `reopened on ${d.reopenedOn}, so it needs a status: planned or in-progress until it is done again`,
    zh: (d) =>
      d.variant === 'done-on'
        ? `已于${zhDate(d.reopenedOn)}复号，整改状态为“${d.status.zh}”，应删去原完成日期（${zhDate(d.doneOn)}），再次完成时重新填写`
        : d.status
          ? `已于${zhDate(d.reopenedOn)}复号，再次完成前整改状态应为“已制定”或“整改中”，不能是“${d.status.zh}”`
          : `已于${zhDate(d.reopenedOn)}复号，须填写整改状态：再次完成前应为“已制定”或“整改中”`,
  },
  'done-before-reopened': {
    severity: 'error',
    means: {
      en: 'a rectification done again before the date it was reopened (`done_on` earlier than `reopened_on`)',
      zh: '复号后再次完成的日期早于复号日期',
    },
    fix: {
      en: 'Check both dates: done again means done_on on or after reopened_on.',
      zh: '核对两个日期：再次完成的日期不能早于复号日期。',
    },
    en: (d) =>
      `done_on ${d.doneOn} is before reopened_on ${d.reopenedOn}: a reopened rectification is done again on or after the day it was reopened`,
    zh: (d) => `完成日期（${zhDate(d.doneOn)}）早于复号日期（${zhDate(d.reopenedOn)}）：复号后再次完成的日期不能早于复号日期`,
  },
  'duplicate-ref-no': {
    severity: 'error',
    means: {
      en: 'a `ref_no` (register number, FORMAT 1.1) already used by another record of the campaign',
      zh: '登记编号与本次活动中另一条记录重复',
    },
    fix: {
      en: 'Give each record its own register number; if both are one record written twice, delete one.',
      zh: '每条记录使用各自的登记编号；如是同一条记录录入了两次，删去其中一条。',
    },
    en: (d) =>
      `ref_no "${show(d.refNo)}" is already the number of ${d.other.id} (${d.other.kind.en.toLowerCase()}, ${fileLine(d.other, 'en')}): each record needs a number of its own`,
    zh: (d) =>
      `登记编号${q(d.refNo, 'zh-CN')}已用于 ${d.other.id}（${d.other.kind.zh}，${fileLine(d.other, 'zh-CN')}）：每条记录的登记编号应互不相同`,
  },
  'duplicate-id': {
    severity: 'error',
    means: { en: 'an id used twice in one group (or a group/member declared twice)', zh: '同一组内编号重复（或组、成员重复）' },
    fix: {
      en: 'Give one of the two a new id (`ledger new` takes the next free one).',
      zh: '给其中一条换一个编号（`ledger new` 会自动取下一个空号）。',
    },
    en: (d) => {
      switch (d.variant) {
        case 'record':
          return `id "${show(d.id)}" is already used in group ${d.group} by the ${d.kind.en.toLowerCase()} at ${fileLine(d, 'en')}`;
        case 'group':
          return `group id "${show(d.id)}" is declared twice`;
        case 'member':
          return `member "${show(d.name)}" is listed twice in ${d.group}`;
        default:
          return `unit "${d.id}" (from the folder name of ${d.path}) clashes with a group or another unit of the same name`;
      }
    },
    zh: (d) => {
      switch (d.variant) {
        case 'record':
          return `编号${q(d.id, 'zh-CN')}在本组（${d.group}）已被使用：${fileLine(d, 'zh-CN')}的${d.kind.zh}`;
        case 'group':
          return `组编号${q(d.id, 'zh-CN')}重复`;
        case 'member':
          return `成员${q(d.name, 'zh-CN')}在 ${d.group} 中列了两次`;
        default:
          return `下级单位${q(d.id, 'zh-CN')}（取自 ${d.path} 的文件夹名）与某个组或另一下级单位重名`;
      }
    },
  },
  'unknown-visit': {
    severity: 'error',
    means: { en: '`visit:` names no visit of the same group', zh: '所属活动编号在本组活动台账中不存在' },
    fix: { en: "Write the id of one of the group's visits.", zh: '填写本组活动台账中已有的活动编号。' },
    en: (d) => `visit "${show(d.visit)}" is not a visit of group ${d.group}${didYouMean(d.suggest, 'en')}`,
    zh: (d) => `活动${q(d.visit, 'zh-CN')}不在本组（${d.group}）的活动台账中${didYouMean(d.suggest, 'zh-CN')}`,
  },
  'visit-has-errors': {
    severity: 'warning',
    means: { en: 'the visit a record names has errors of its own', zh: '所关联的活动记录本身有错误' },
    fix: { en: 'Fix the visit; this record is then fine.', zh: '改正那条活动记录后，本条即可通过。' },
    en: (d) => `visit "${show(d.visit)}" has errors of its own (${fileLine(d, 'en')}): fix them first`,
    zh: (d) => `所属活动${q(d.visit, 'zh-CN')}本身有错误（${fileLine(d, 'zh-CN')}），请先改正该活动记录`,
  },
  'photo-missing': {
    severity: 'error',
    means: { en: 'a photo path that does not exist', zh: '图片文件不存在' },
    fix: { en: "Put the picture in the group's photos/ folder, or correct the path.", zh: '把图片放进本组 photos/ 文件夹，或改正路径。' },
    en: (d) => `photo "${show(d.path)}" does not exist in groups/${d.group}/`,
    zh: (d) => `图片${q(d.path, 'zh-CN')}在 groups/${d.group}/ 中不存在`,
  },
  'photo-outside-group': {
    severity: 'error',
    means: { en: 'a photo path (or symlink) leading outside the group folder', zh: '图片路径（或链接）指向本组文件夹之外' },
    fix: { en: "Copy the picture into the group's photos/ folder.", zh: '把图片复制到本组 photos/ 文件夹中。' },
    en: (d) => `photo path "${show(d.path)}" leads outside the group folder groups/${d.group}/`,
    zh: (d) => `图片路径${q(d.path, 'zh-CN')}指向本组文件夹 groups/${d.group}/ 之外`,
  },
  'photo-not-image': {
    severity: 'error',
    means: { en: 'a photo that is not a JPEG or PNG by its bytes', zh: '图片不是 JPEG 或 PNG 格式' },
    fix: { en: 'Save the picture as JPEG or PNG.', zh: '把图片另存为 JPEG 或 PNG。' },
    en: (d) => `photo "${show(d.path)}" is not a JPEG or PNG picture`,
    zh: (d) => `${q(d.path, 'zh-CN')}不是 JPEG 或 PNG 图片`,
  },
  'file-outside-group': {
    severity: 'error',
    means: { en: 'a file in a group folder that is a link leading outside it', zh: '组文件夹中的链接指向文件夹之外' },
    fix: { en: 'Copy the file itself into the group folder.', zh: '把文件本身复制到本组文件夹中。' },
    en: (d) =>
      `this is a link leading outside groups/${d.group}/: ${d.summary ? 'the summary in it is' : 'its records are'} not read; copy the file itself into the folder`,
    zh: (d) => `这是一个指向 groups/${d.group}/ 之外的链接，${d.summary ? '其中的文字总结' : '其中的记录'}不会被读取：请把文件本身复制进来`,
  },
  'dangling-link': {
    severity: 'error',
    means: { en: 'a link whose target does not exist', zh: '链接指向的文件不存在' },
    fix: { en: 'Replace the link with the file (or folder) itself, or remove it.', zh: '用文件（或文件夹）本身替换该链接，或删去它。' },
    en: (d) =>
      d.folder
        ? 'this group folder is a link that leads nowhere (its target does not exist): the records in it cannot be read'
        : 'this link leads nowhere (its target does not exist): its records cannot be read',
    zh: (d) => (d.folder ? '这个组文件夹是一个链接，指向的位置不存在，其中的记录无法读取' : '这个链接指向的文件不存在，无法读取'),
  },
  'not-a-regular-file': {
    severity: 'error',
    means: { en: 'a pipe, socket or device where a file should be', zh: '不是普通文件（管道、套接字或设备）' },
    fix: { en: 'Remove it from the group folder.', zh: '从组文件夹中删去。' },
    en: (d) => `this is ${FILE_TYPES[d.type].en}, not a file: it is not read`,
    zh: (d) => `这是${FILE_TYPES[d.type].zh}，不是普通文件，不予读取`,
  },
  'unreadable-file': {
    severity: 'error',
    means: { en: 'a file that cannot be read (permissions, I/O error)', zh: '文件无法读取（权限或读写错误）' },
    fix: { en: 'Check the file’s permissions (it must be readable by you).', zh: '检查文件权限，确保当前用户可读。' },
    en: (d) => `the file cannot be read (${d.reason}): check its permissions`,
    zh: (d) => `文件无法读取（${d.reason}）：请检查文件权限`,
  },
  'file-too-large': {
    severity: 'error',
    means: { en: 'a record file or photo larger than the tool reads', zh: '文件过大' },
    fix: { en: 'Split the records into several files; make pictures smaller.', zh: '把记录分成几个文件；压缩图片。' },
    en: (d) => `the file is ${Math.round(d.size / 1048576)} MB, more than the ${Math.round(d.limit / 1048576)} MB ledger reads: split it`,
    zh: (d) => `文件有 ${Math.round(d.size / 1048576)} MB，超过可读取的上限 ${Math.round(d.limit / 1048576)} MB：请拆分`,
  },
  'undeclared-group': {
    severity: 'error',
    means: { en: 'a folder under `groups/` that `ledger.yaml` does not list', zh: 'groups/ 下有 ledger.yaml 未列出的文件夹' },
    fix: { en: 'Add the group to ledger.yaml, or move the folder away.', zh: '在 ledger.yaml 中添加该组，或把文件夹移走。' },
    en: (d) => `folder groups/${show(d.folder)} is not a group of ledger.yaml: add it under groups: or move it away`,
    zh: (d) => `文件夹 groups/${show(d.folder)} 不是 ledger.yaml 中的组：请在 groups: 下添加，或把它移走`,
  },
  'group-folder-missing': {
    severity: 'warning',
    means: { en: 'a declared group with no folder yet', zh: '已列出的组还没有文件夹（尚未报送）' },
    fix: { en: 'The group has handed nothing in yet.', zh: '该组尚未报送材料。' },
    en: (d) =>
      d.file
        ? `groups/${d.group} is a file, not a folder: group ${d.group}'s records go in a folder of that name`
        : `group ${d.group} has no folder groups/${d.group}/ yet`,
    zh: (d) =>
      d.file
        ? `groups/${d.group} 是一个文件，不是文件夹：${d.group} 组的材料应放在同名的文件夹中`
        : `${d.group} 组还没有文件夹 groups/${d.group}/（尚未报送）`,
  },
  'unit-missing': {
    severity: 'error',
    means: { en: '(merge) a `units:` entry with no ledgers there: merge that campaign first', zh: '（汇总）units: 所列下级单位没有台账' },
    fix: { en: 'Run `ledger merge` in that campaign first.', zh: '先在该单位的活动文件夹中运行 `ledger merge`。' },
    en: (d) => `no ledgers at ${show(d.path)} (no manifest.yaml): run \`ledger merge\` in that campaign first`,
    zh: (d) => `${show(d.path)} 没有台账（缺少 manifest.yaml）：请先在该单位运行 ledger merge`,
  },
  'unit-edited': {
    severity: 'error',
    means: {
      en: "(merge) a unit's ledgers do not match its manifest (edited by hand)",
      zh: '（汇总）下级单位的台账与其清单不符（被手工改动）',
    },
    fix: { en: 'Run `ledger merge` in that campaign again.', zh: '在该单位重新运行 `ledger merge`。' },
    en: (d) => `the ledgers at ${show(d.path)} cannot be used: ${d.file} was changed after \`ledger merge\` wrote it`,
    zh: (d) => `${show(d.path)} 的台账不能使用：${d.file} 在生成后被改动过`,
  },
  'likely-duplicate': {
    severity: 'warning',
    means: {
      en: 'opinions from the same kind of source with near-identical content (≥ 85% alike by character bigrams): all are kept; one warning names the first and every later one alike to it',
      zh: '对象类别相同、内容几乎一样（相似度≥85%）的几条意见：都保留，一条警告列出最早的一条和与它相似的各条，请核实不是重复统计',
    },
    fix: {
      en: 'Check that they are not one opinion counted more than once; if they are, keep one.',
      zh: '核实是否同一条意见被记录了多次；如是，只保留一条。',
    },
    en: (d) =>
      `opinion ${d.id} is repeated ${d.similarity === 1 ? 'word for word' : `(at least ${Math.round(d.similarity * 100)}% alike)`} by ${count(d.others.length, 'opinion')} from the same kind of source: ${list(
        d.others.slice(0, 3).map((o) => `${o.id} (${fileLine(o, 'en')})`),
        'en',
      )}${d.others.length > 3 ? ` and ${d.others.length - 3} more` : ''}; all are kept: make sure none is counted twice`,
    zh: (d) =>
      `意见 ${d.id} 与 ${list(
        d.others.slice(0, 3).map((o) => `${o.id}（${fileLine(o, 'zh-CN')}）`),
        'zh-CN',
      )}${d.others.length > 3 ? `等${d.others.length}条意见` : ''}${d.similarity === 1 ? '内容相同' : `相似度≥${Math.round(d.similarity * 100)}%`}，对象类别也相同：均已保留，请核实是否重复记录`,
  },
  'summary-not-docx': {
    severity: 'error',
    means: { en: 'summary.docx is not a Word document that can be read', zh: 'summary.docx 不是可以读取的 Word 文件' },
    fix: {
      en: 'Open it in Word or WPS and save it again as .docx (or hand in the summary as summary.md).',
      zh: '用 Word 或 WPS 打开后另存为 .docx 文件（或改交 summary.md）。',
    },
    en: () => 'the written summary cannot be read: this is not a Word (.docx) document (damaged, or another file renamed)',
    zh: () => '文字总结无法读取：这不是 Word（.docx）文件（可能已损坏，或是改了扩展名的其他文件）',
  },
  'workbook-in-group': {
    severity: 'warning',
    means: { en: 'a workbook in a group folder: it is not read until it is imported', zh: '组文件夹中有 Excel 表格：导入之前不会读取' },
    fix: {
      en: 'Check it with `ledger validate FILE.xlsx`, then `ledger import FILE.xlsx`; keep returned workbooks outside groups/.',
      zh: '先用 `ledger validate 表格.xlsx` 检查，再用 `ledger import 表格.xlsx` 导入；交回的表格不要放在 groups/ 中。',
    },
    en: () =>
      'a workbook is not a record file: its rows reach the ledgers only through `ledger import` (check it first with `ledger validate`)',
    zh: () => '表格不是记录文件，不会被直接合并：请用 ledger import 导入（可先用 ledger validate 检查）',
  },
  'workbook-unreadable': {
    severity: 'error',
    means: { en: 'a file that is not an .xlsx workbook, or a damaged one', zh: '不是 .xlsx 表格，或文件已损坏' },
    fix: { en: 'Open it in Excel or WPS and save it again as .xlsx.', zh: '用 Excel 或 WPS 打开，重新另存为 .xlsx。' },
    en: (d) =>
      `the workbook cannot be read (${notZip(d.detail) ? 'it is not an .xlsx file, or it is damaged' : show(d.detail)}): open it in Excel or WPS and save it again as .xlsx`,
    zh: (d) =>
      `无法读取该表格（${notZip(d.detail) ? '不是 .xlsx 格式，或文件已损坏' : show(d.detail)}）：请用 Excel 或 WPS 打开，重新另存为 .xlsx`,
  },
  'not-a-template': {
    severity: 'error',
    means: {
      en: 'a workbook that `ledger template` did not make (no template information)',
      zh: '不是 ledger template 生成的表格（缺少模板信息）',
    },
    fix: {
      en: 'Make a template with `ledger template --group ID` and copy the rows into it.',
      zh: '用 `ledger template --group 组编号` 生成模板，把内容复制进去。',
    },
    en: () =>
      'this workbook was not made by `ledger template` (it has no template information): make one with `ledger template --group ID` and copy the rows into it',
    zh: () => '这份表格不是用 ledger template 生成的（没有模板信息）：请先生成模板（ledger template --group 组编号），再把内容复制进去',
  },
  'template-format': {
    severity: 'error',
    means: { en: 'a template of another format version', zh: '模板的格式版本不符' },
    fix: {
      en: 'Make a new template with `ledger template` and copy the rows into it (or update ledger).',
      zh: '用 ledger template 重新生成模板，把内容复制过去（或升级 ledger）。',
    },
    en: (d) =>
      Number(d.found) > d.expected
        ? `the workbook is a template of format ${show(d.found)}, made by a newer ledger (this one reads format ${d.expected}): update ledger`
        : `the workbook is a template of format ${show(d.found)}, which this ledger does not read (format ${d.expected}): make a new template with \`ledger template\` and copy the rows into it`,
    zh: (d) =>
      Number(d.found) > d.expected
        ? `这份表格是新版 ledger 生成的模板（格式 ${show(d.found)}，本程序只能读取格式 ${d.expected}）：请升级 ledger`
        : `这份表格的模板格式为 ${show(d.found)}，本程序读取的是格式 ${d.expected}：请用 ledger template 重新生成模板，把内容复制过去`,
  },
  'template-campaign': {
    severity: 'error',
    means: { en: 'a template of another campaign', zh: '模板属于另一项活动' },
    fix: {
      en: "Import it into its own campaign, or copy the rows into this campaign's template.",
      zh: '在它所属的活动中导入，或把内容复制到本活动的模板中。',
    },
    en: (d) => `the workbook is a template of the campaign "${show(d.found)}", not of "${show(d.expected)}"`,
    zh: (d) => `这份表格是${q(d.found, 'zh-CN')}的模板，不是${q(d.expected, 'zh-CN')}的`,
  },
  'template-group': {
    severity: 'error',
    means: {
      en: 'a template of another group, or of a group ledger.yaml does not list',
      zh: '模板属于另一个组，或属于 ledger.yaml 中没有的组',
    },
    fix: { en: 'Import it for its own group, or make a template for this group.', zh: '按它所属的组导入，或为本组重新生成模板。' },
    en: (d) =>
      d.variant === 'unknown'
        ? `the workbook is the template of group ${show(d.group)}, which ledger.yaml does not list`
        : `the workbook is the template of group ${show(d.group)}, not of ${show(d.expected ?? '')} (--group)`,
    zh: (d) =>
      d.variant === 'unknown'
        ? `这份表格是 ${show(d.group)} 组的模板，但 ledger.yaml 中没有这个组`
        : `这份表格是 ${show(d.group)} 组的模板，不是 ${show(d.expected ?? '')} 组的（--group）`,
  },
  'template-schema': {
    severity: 'warning',
    means: {
      en: 'a template made before the record format changed; every column still maps to a field',
      zh: '模板生成后记录格式有变化，但每一列仍能对应到字段',
    },
    fix: { en: 'Nothing to do now; send the group a new template next time.', zh: '本次无需处理；下次请给该组发新模板。' },
    en: () => 'the template was made for an earlier version of the record format; every column still maps to a field, so it is read',
    zh: () => '这份模板生成于记录格式调整之前；各列仍能对应到字段，照常读取',
  },
  'template-column': {
    severity: 'error',
    means: {
      en: 'a template column (or sheet) that names no field of the record format any more',
      zh: '模板中的列（或表）已对应不到任何字段',
    },
    fix: {
      en: 'Make a new template with `ledger template` and copy the rows into it.',
      zh: '用 ledger template 重新生成模板，把内容复制过去。',
    },
    en: (d) =>
      `the ${d.sheet ? 'sheet' : 'column'} "${show(d.header)}" names no ${d.sheet ? 'record kind' : 'field'} of the record format any more: make a new template and copy the rows into it`,
    zh: (d) =>
      `${q(d.header, 'zh-CN')}${d.sheet ? '这张表已对应不到任何记录种类' : '一列已对应不到任何字段'}：请重新生成模板，把内容复制过去`,
  },
  'duplicate-workbook': {
    severity: 'error',
    means: { en: 'two files given at once that are copies of the same workbook', zh: '同时给出了同一份表格的两个副本' },
    fix: { en: 'Import only the latest copy.', zh: '只导入最新的一份。' },
    en: (d) => `this is a copy of the same workbook as ${d.other} (the same template): import only the latest one`,
    zh: (d) => `这与 ${d.other} 是同一份表格（同一个模板）：只导入最新的一份`,
  },
  'extra-column': {
    severity: 'warning',
    means: { en: 'a column added to a template sheet: its contents are not imported', zh: '模板中新增的列：其中的内容不会导入' },
    fix: {
      en: 'Move what it holds into the columns of the template (e.g. notes), or leave it: it is not read.',
      zh: '把其中的内容移到模板原有的列（如备注）中；不需要的话可以不管，它不会被读取。',
    },
    en: (d) => `the column "${show(d.header)}" is not a column of the template: its contents are not imported`,
    zh: (d) => `${q(d.header, 'zh-CN')}不是模板中的列，其中的内容不会导入`,
  },
  'lost-digits': {
    severity: 'error',
    means: {
      en: 'an ID number or phone that the spreadsheet stored as a number and so lost digits (the number is not shown)',
      zh: '身份证号码或电话被表格存成了数字，丢失了数字（不显示号码）',
    },
    fix: {
      en: 'Format the cell as text (the template does) and type the number again.',
      zh: '把单元格设为“文本”格式（模板中已设好），重新输入号码。',
    },
    en: (d) =>
      d.variant === 'id-number'
        ? `${d.field.en} was stored as a number and lost its last digits (a spreadsheet keeps 15): format the cell as text and type it again`
        : `${d.field.en} was stored as a number and lost its leading 0: format the cell as text and type it again with the area code`,
    zh: (d) =>
      d.variant === 'id-number'
        ? `${d.field.zh}被存成了数字，末尾几位已丢失（表格只保留15位）：请把单元格设为文本格式后重新输入`
        : `${d.field.zh}被存成了数字，开头的 0 已丢失：请把单元格设为文本格式后连同区号重新输入`,
  },
  'unknown-parent': {
    severity: 'error',
    means: {
      en: 'a row of a part sheet (audiences, parties, help given) whose record id is not on the main sheet',
      zh: '明细表中的一行所属记录编号在主表中找不到',
    },
    fix: { en: 'Write the id of a record of the main sheet in the first column.', zh: '在第一列填写主表中已有记录的编号。' },
    en: (d) =>
      'variant' in d
        ? `the first column must name the record of "${d.parent.en}" this row belongs to`
        : `"${show(d.id)}" is not the id of a record on the sheet "${d.parent.en}"`,
    zh: (d) =>
      'variant' in d ? `第一列须填写本行所属“${d.parent.zh}”记录的编号` : `“${d.parent.zh}”中没有编号为${q(d.id, 'zh-CN')}的记录`,
  },
  'import-conflict': {
    severity: 'error',
    means: {
      en: 'a workbook row whose id is a record of another file of the group, with different contents',
      zh: '表格中的一行与本组其他文件中同编号的记录内容不同',
    },
    fix: {
      en: 'Change the record where it is written (a record imported from another workbook: in that workbook, then import it again), or give the row a new id (or none: import numbers it).',
      zh: '到该记录所在的文件中修改（从另一份表格导入的记录：在那份表格中改正后重新导入）；或给这一行换一个编号（或不填，导入时自动编号）。',
    },
    en: (d) => {
      if (d.side === 'file')
        return `id "${show(d.id)}" is also the id of the row ${d.other}, which differs from this record${fieldList(d.fields, 'en')}`;
      const kind = d.kind.en.toLowerCase();
      const other = fileLine(d.other, 'en');
      return d.imported
        ? `id "${show(d.id)}" is the ${kind} imported from ${other}, and this row differs from it${fieldList(d.fields, 'en')}: correct that workbook and import it again, or give this row a new id`
        : `id "${show(d.id)}" is the ${kind} at ${other}, and this row differs from it${fieldList(d.fields, 'en')}: change it in that file, or give the row a new id`;
    },
    zh: (d) => {
      if (d.side === 'file')
        return `编号${q(d.id, 'zh-CN')}也是表格中 ${d.other} 一行的编号，而那一行与本记录不同${fieldList(d.fields, 'zh-CN')}`;
      const other = fileLine(d.other, 'zh-CN');
      return d.imported
        ? `编号${q(d.id, 'zh-CN')}是从表格 ${other}导入的${d.kind.zh}，而本行与之不同${fieldList(d.fields, 'zh-CN')}：请在那份表格中改正后重新导入，或给本行换一个编号`
        : `编号${q(d.id, 'zh-CN')}是 ${other}的${d.kind.zh}，而本行与之不同${fieldList(d.fields, 'zh-CN')}：请到该文件中修改，或给本行换一个编号`;
    },
  },
  'import-removes': {
    severity: 'warning',
    means: {
      en: 'records of the earlier import of the same workbook (template) that the new one no longer has: the import removes them',
      zh: '同一份表格（模板）上次导入的记录，本次的表格中已没有：导入会将其删除',
    },
    fix: {
      en: 'If they were meant to go, nothing to do; otherwise put their rows back into the workbook (the earlier workbook has them) and import it again.',
      zh: '确实要删除的，无需处理；否则把这些行补回表格（上次的表格中有）后重新导入。',
    },
    en: (d) =>
      `${count(d.records.length, 'record')} imported earlier from ${d.previous} ${d.records.length === 1 ? 'is' : 'are'} not in this workbook, and the import removes ${d.records.length === 1 ? 'it' : 'them'} from ${d.output}: ${removedList(d.records, 'en')}`,
    zh: (d) =>
      `上次从 ${d.previous} 导入的 ${d.records.length} 条记录在本表格中已没有，导入会将其从 ${d.output} 中删除：${removedList(d.records, 'zh-CN')}`,
  },
  'import-replaces-all': {
    severity: 'error',
    means: {
      en: 'a workbook that is the same template as an earlier import but keeps none of its records: most likely another member’s copy',
      zh: '与上次导入的是同一份模板，但上次导入的记录一条也没有：很可能是另一位成员填写的副本',
    },
    fix: {
      en: 'Copy the rows of both workbooks into one and import that; if this workbook really replaces the earlier one, import it with --replace.',
      zh: '把两份表格的行合并到一份中再导入；确实要用本表格替换上次导入的内容时，加 --replace 导入。',
    },
    en: (d) =>
      `this workbook is the same template as ${d.previous}, imported before, and has none of the records imported from it: ${removedList(d.records, 'en')}. It may be another member’s copy, and importing it would remove them: copy the rows of both into one workbook and import that, or import this one with --replace`,
    zh: (d) =>
      `本表格与上次导入的 ${d.previous} 是同一份模板，但上次从它导入的 ${d.records.length} 条记录在本表格中一条也没有：${removedList(d.records, 'zh-CN')}。这可能是另一位成员填写的副本，导入会删除那些记录：请把两份表格的行合并到一份中再导入；确实要替换时加 --replace 导入`,
  },
  'import-renamed': {
    severity: 'warning',
    means: {
      en: 'the same template was imported before from a file of another name: the import replaces what was imported then',
      zh: '同一份模板上次是从另一个文件名的表格导入的：本次导入会替换上次导入的内容',
    },
    fix: {
      en: 'The same workbook saved again under a new name (e.g. with "(1)" added): nothing to do. Another member’s copy of the same template: copy the rows of both into one workbook and import that.',
      zh: '同一份表格改名后交回的（如微信加了“(1)”）：无需处理。另一位成员填写的同一模板副本：把两份表格的行合并到一份中再导入。',
    },
    en: (d) =>
      `this template was imported before from ${d.previous}, and this file is ${d.current}: the import replaces what was imported then (if this is another member’s copy of the same template, copy the rows of both into one workbook instead)`,
    zh: (d) =>
      `这份模板上次是从 ${d.previous} 导入的，本次的文件是 ${d.current}：导入会替换上次导入的内容（如果这是另一位成员填写的同一模板副本，请把两份表格的行合并到一份中再导入）`,
  },
  'formula-no-value': {
    severity: 'error',
    means: {
      en: 'a workbook cell holding a formula whose result was never calculated (a program that writes but does not calculate saved it)',
      zh: '表格中的单元格是公式，但没有保存计算结果（由不会计算公式的程序写入）',
    },
    fix: {
      en: 'Open the workbook in Excel or WPS and save it (the result is then stored), or type the value instead of the formula.',
      zh: '用 Excel 或 WPS 打开表格并保存一次（会保存计算结果），或直接填写数值，不用公式。',
    },
    en: (d) =>
      `this cell holds a formula${d.formula ? ` (=${show(d.formula)})` : ''} but no calculated value: open and save the workbook in Excel or WPS, or type the value`,
    zh: (d) =>
      `这个单元格是公式${d.formula ? `（=${show(d.formula)}）` : ''}，但表格中没有保存计算结果：请用 Excel 或 WPS 打开并保存一次，或直接填写数值`,
  },
};

/** The severity of a code: one place says it. */
export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}

/** The message of a code in a language. */
export function renderDiagnostic<K extends DiagnosticCode>(code: K, data: DiagnosticData[K], lang: Lang): string {
  const entry = DIAGNOSTIC_CODES[code] as CodeEntry<DiagnosticData[K]>;
  // The data quotes what was typed: an ID or phone number in it is never shown, whatever field it was typed in.
  const safe = withoutPersonalIn(data, lang);
  return lang === 'zh-CN' ? entry.zh(safe) : entry.en(safe);
}

export { pick };
