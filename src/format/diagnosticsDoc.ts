// docs/diagnostics.md, made from the one table of diagnostic codes (messages/diagnosticCodes.ts)
// and the one of errors (messages/errors.ts): for each code its severity, what it means, how to
// fix it, and an example message in both languages rendered from the sample data below, as the
// commands print it. `npm run docs` writes the page (scripts/docs/diagnostics.mjs); a test
// checks that the committed page is exactly this text, so the page cannot drift from the code.
import { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticData } from '../messages/diagnosticCodes.js';
import { diagnostic, localize, type Place } from '../messages/diagnostic.js';
import { ERROR_CODES, errorHelp, exitStatus, renderError, type ErrorCode, type ErrorData } from '../messages/errors.js';
import { ui } from '../messages/ui.js';
import type { Both, Lang } from '../messages/words.js';
import { FORMAT_VERSION } from '../model/ledgers.js';
import { MAX_RECORD_FILE } from '../read/scanGroups.js';
import { KIND_LABELS } from '../schema/spec.js';
import { CHANNELS, zhLabel, type Vocabulary } from '../schema/vocab.js';
import { MAX_DEPTH } from '../yaml/depth.js';
import { placeOf } from './diagnostics.js';

/** A diagnostic as a check would make it: its data and its place. */
interface Sample<K extends DiagnosticCode> {
  data: DiagnosticData[K];
  at: Place;
}

const codes = (v: Vocabulary): Both[] => v.map((t) => ({ en: t.code, zh: zhLabel(t) }));
const kind = (k: keyof typeof KIND_LABELS): Both => ({ en: KIND_LABELS[k].en, zh: KIND_LABELS[k].zh });

const V1 = 'groups/g2/visits/2014-04-22-v2.yaml';
const CARDS = 'groups/g2/cards/cards.yaml';
const BOOK = '第二组.xlsx';
const at = (file: string, line: number, column: number, pointer = ''): Place => ({ file, line, column, pointer });
const cell = (sheet: string, ref: string, row: number, column: number): Place => ({
  file: BOOK,
  line: row,
  column,
  pointer: '',
  sheet,
  cell: ref,
});

/** One sample per code, typed by the code's data: a new code cannot be left without one. */
export const DIAGNOSTIC_SAMPLES: { [K in DiagnosticCode]: Sample<K> } = {
  'not-utf8': { data: { encoding: 'invalid', offset: 57, gbk: true }, at: at(V1, 4, 8) },
  'yaml-syntax': { data: { detail: 'Implicit map keys need to be followed by map values', yamlCode: 'MISSING_CHAR' }, at: at(V1, 9, 1) },
  'yaml-tab': { data: {}, at: at(V1, 12, 1) },
  'yaml-duplicate-key': { data: { key: 'place' }, at: at(V1, 8, 1) },
  'yaml-alias': { data: { name: 'members' }, at: at(V1, 10, 15) },
  'yaml-tag': { data: { tag: '!!str' }, at: at(V1, 6, 7) },
  'yaml-directive': { data: { version: '1.1' }, at: at(V1, 1, 1) },
  'yaml-too-deep': { data: { limit: MAX_DEPTH }, at: at(V1, 30, 70) },
  'fullwidth-colon': { data: { key: 'place' }, at: at(V1, 5, 6) },
  'fullwidth-comma': { data: { char: '，' }, at: at(V1, 7, 22) },
  'fullwidth-bracket': { data: { char: '［', ascii: '[' }, at: at(V1, 7, 10) },
  'fullwidth-quote': { data: { char: '“' }, at: at(V1, 5, 8) },
  'fullwidth-quote-text': { data: { char: '“' }, at: at(V1, 5, 8) },
  'ideographic-space': { data: { where: 'after-colon' }, at: at(V1, 5, 7) },
  'empty-file': { data: {}, at: at('groups/g2/visits/draft.yaml', 1, 1) },
  'not-a-record': { data: { found: 'list' }, at: at(V1, 3, 1) },
  'unsafe-key': { data: { key: '__proto__' }, at: at(V1, 9, 1, '/__proto__') },
  'missing-field': {
    data: { variant: 'field', field: { en: 'place', zh: '地点' } },
    at: at(V1, 3, 1, '/place'),
  },
  'unknown-field': { data: { key: 'led_bye', suggest: 'led_by' }, at: at(V1, 8, 1, '/led_bye') },
  'unknown-kind': {
    data: { value: '活动台帐', suggest: kind('visit'), kinds: Object.values(KIND_LABELS) },
    at: at(V1, 3, 7, '/kind'),
  },
  'invalid-code': {
    data: {
      field: { en: 'channel', zh: '听取渠道' },
      value: '当面谈',
      suggest: { en: 'face-to-face', zh: '当面' },
      choices: codes(CHANNELS),
    },
    at: at(V1, 20, 12, '/channel'),
  },
  'empty-value': { data: { field: { en: 'content', zh: '意见内容' } }, at: at(V1, 27, 12, '/content') },
  'wrong-type': {
    data: { field: { en: 'methods', zh: '工作方式' }, expected: 'list', found: 'mapping' },
    at: at(V1, 7, 10, '/methods'),
  },
  'unquoted-number': {
    data: { field: { en: 'phone', zh: '联系电话' }, personal: true },
    at: at(CARDS, 9, 12, '/appellant/phone'),
  },
  'invalid-date': { data: { value: '2014-02-30', variant: 'calendar' }, at: at(V1, 4, 7, '/date') },
  'invalid-value': {
    data: { variant: 'min', field: { en: 'count', zh: '人数' }, limit: 1 },
    at: at(V1, 12, 14, '/audiences/0/count'),
  },
  'too-long': {
    data: { field: { en: 'place', zh: '地点' }, length: 612, limit: 500 },
    at: at(V1, 5, 8, '/place'),
  },
  'invalid-id-number': {
    data: { field: { en: 'appellant.id_number', zh: '诉求人的身份证号码' }, problem: 'check-digit' },
    at: at(CARDS, 8, 16, '/appellant/id_number'),
  },
  'invalid-phone': { data: { field: { en: 'appellant.phone', zh: '诉求人的联系电话' } }, at: at(CARDS, 9, 12, '/appellant/phone') },
  'date-outside-period': { data: { date: '2014-06-02', start: '2014-04-08', end: '2014-05-31' }, at: at(CARDS, 4, 7, '/date') },
  'unknown-member': { data: { name: '王海艳', group: 'g2', suggest: '王海燕' }, at: at(V1, 9, 9, '/led_by') },
  'missing-done-on': { data: {}, at: at(V1, 31, 5, '/rectification') },
  'satisfaction-without-feedback': { data: {}, at: at(V1, 36, 19, '/rectification/satisfaction') },
  'reopened-status': {
    data: { variant: 'done-on', reopenedOn: '2014-05-20', doneOn: '2014-05-12', status: { en: 'in-progress', zh: '整改中' } },
    at: at(V1, 33, 14, '/rectification/done_on'),
  },
  'done-before-reopened': { data: { doneOn: '2014-05-18', reopenedOn: '2014-05-20' }, at: at(V1, 33, 14, '/rectification/done_on') },
  'duplicate-ref-no': {
    data: {
      refNo: '410102-2014-0007',
      other: { id: 'g1/o7', kind: kind('opinion'), file: 'groups/g1/visits/2014-04-22-v2.yaml', line: 41 },
    },
    at: at(V1, 18, 9, '/ref_no'),
  },
  'duplicate-id': {
    data: { variant: 'record', id: 'o3', group: 'g2', kind: kind('opinion'), file: 'groups/g2/visits/2014-04-15-v1.yaml', line: 30 },
    at: at(V1, 17, 5, '/id'),
  },
  'unknown-visit': { data: { visit: 'v9', group: 'g2', suggest: 'v2' }, at: at(CARDS, 5, 8, '/visit') },
  'visit-has-errors': { data: { visit: 'v2', file: V1, line: 3 }, at: at(V1, 17, 8, '/visit') },
  'photo-missing': { data: { path: 'photos/0422-v2-3.jpg', group: 'g2' }, at: at(V1, 14, 7, '/photos/2') },
  'photo-outside-group': { data: { path: '../g1/photos/0415-v1-1.png', group: 'g2' }, at: at(V1, 14, 7, '/photos/0') },
  'photo-not-image': { data: { path: 'photos/0422-v2-1.jpg' }, at: at(V1, 14, 7, '/photos/0') },
  'file-outside-group': { data: { group: 'g2' }, at: at('groups/g2/visits/shared.yaml', 0, 0) },
  'dangling-link': { data: {}, at: at('groups/g2/visits/old.yaml', 0, 0) },
  'not-a-regular-file': { data: { type: 'fifo' }, at: at('groups/g2/visits/pipe.yaml', 0, 0) },
  'unreadable-file': { data: { reason: 'EACCES' }, at: at(V1, 0, 0) },
  'file-too-large': { data: { size: 300 * 1048576, limit: MAX_RECORD_FILE }, at: at('groups/g2/visits/all.yaml', 0, 0) },
  'undeclared-group': { data: { folder: 'g6' }, at: at('groups/g6', 0, 0) },
  'group-folder-missing': { data: { group: 'g5' }, at: at('groups/g5', 0, 0) },
  'unit-missing': { data: { path: '../xicheng/ledgers' }, at: at('ledger.yaml', 12, 5, '/units/0') },
  'unit-edited': { data: { path: '../xicheng/ledgers', file: 'opinions.yaml' }, at: at('ledger.yaml', 12, 5, '/units/0') },
  'likely-duplicate': {
    data: { id: 'o6', others: [{ id: 'g3/o6', file: 'groups/g3/visits/2014-04-22-v2.yaml', line: 48 }], similarity: 1 },
    at: at('groups/g4/visits/2014-04-25-v2.yaml', 50, 1, '/content'),
  },
  'workbook-in-group': { data: {}, at: at('groups/g2/第二组.xlsx', 0, 0) },
  'summary-not-docx': { data: {}, at: at('groups/g2/summary.docx', 0, 0) },
  'workbook-unreadable': { data: { detail: 'end of central directory not found' }, at: at(BOOK, 0, 0) },
  'not-a-template': { data: {}, at: at(BOOK, 0, 0) },
  'template-format': { data: { found: '2', expected: 1 }, at: at(BOOK, 0, 0) },
  'template-campaign': { data: { found: '2013年下基层听意见', expected: '下基层听意见主题活动' }, at: at(BOOK, 0, 0) },
  'template-group': { data: { group: 'g3', variant: 'other', expected: 'g2' }, at: at(BOOK, 0, 0) },
  'template-schema': { data: {}, at: at(BOOK, 0, 0) },
  'template-column': { data: { key: 'opinion/urgency', header: '紧急程度' }, at: cell('下基层听意见台账', 'X3', 3, 24) },
  'duplicate-workbook': { data: { other: '第二组(1).xlsx' }, at: at(BOOK, 0, 0) },
  'extra-column': { data: { header: '自己加的列' }, at: cell('活动台账', 'M3', 3, 13) },
  'lost-digits': {
    data: { variant: 'id-number', field: { en: 'appellant.id_number', zh: '诉求人的身份证号码' } },
    at: cell('民生诉求登记卡', 'G4', 4, 7),
  },
  'unknown-parent': { data: { id: 'v8', parent: { en: 'Activity account', zh: '活动台账' } }, at: cell('活动台账-听取对象', 'A4', 4, 1) },
  'import-conflict': {
    data: {
      side: 'workbook',
      id: 'o3',
      kind: kind('opinion'),
      other: { file: 'groups/g2/visits/2014-04-15-v1.yaml', line: 30 },
      fields: [{ en: 'content', zh: '意见内容' }],
    },
    at: cell('下基层听意见台账', 'A6', 6, 1),
  },
  'import-removes': {
    data: {
      previous: '第二组.xlsx',
      output: 'groups/g2/imported/第二组.yaml',
      records: [{ id: 'o12', kind: kind('opinion'), sheet: '下基层听意见台账', row: 5 }],
    },
    at: at('第二组(1).xlsx', 0, 0),
  },
  'import-replaces-all': {
    data: {
      previous: '第二组.xlsx',
      output: 'groups/g2/imported/第二组.yaml',
      records: [
        { id: 'o11', kind: kind('opinion'), sheet: '下基层听意见台账', row: 4 },
        { id: 'o12', kind: kind('opinion'), sheet: '下基层听意见台账', row: 5 },
      ],
    },
    at: at('周敏/第二组.xlsx', 0, 0),
  },
  'import-renamed': { data: { previous: '第二组.xlsx', current: '第二组(1).xlsx' }, at: at('第二组(1).xlsx', 0, 0) },
  'formula-no-value': { data: { formula: 'SUM(D4:F4)' }, at: cell('活动台账-听取对象', 'C4', 4, 3) },
};

/** One sample per error code, typed by its data. */
export const ERROR_SAMPLES: { [K in ErrorCode]: ErrorData[K] } = {
  'no-campaign': { cwd: 'D:/台账' },
  'campaign-invalid': {},
  'path-outside': { path: '../其他活动/groups/g1', root: 'D:/下基层听意见' },
  'path-not-group': { path: 'exports' },
  'path-missing': { path: 'groups/g8' },
  'merge-running': { pid: 4312, since: '2014-05-23 09:12', file: 'ledgers/.lock' },
  'merge-lock': { file: 'ledgers/.lock' },
  'ledgers-writing': {},
  'no-ledgers': { dir: 'ledgers' },
  'ledgers-format': { file: 'ledgers/manifest.yaml', format: FORMAT_VERSION },
  'ledger-missing': { file: 'ledgers/opinions.yaml' },
  'ledgers-edited': { file: 'ledgers/opinions.yaml' },
  'ledgers-unreadable': { file: 'ledgers/opinions.yaml', detail: 'EACCES' },
  'ledgers-stale': { changed: ['groups/g2/visits/2014-04-22-v2.yaml'], added: ['groups/g2/imported/第二组.yaml'], removed: [] },
  'merge-refused': {},
  'template-unreadable': { file: 'my-report.html.hbs', reason: 'ENOENT' },
  'template-too-large': { file: 'photos.zip', limit: 1 << 20 },
  'template-invalid': { file: 'my-report.md.hbs', line: 12, detail: 'Parse error on line 12: Expecting ‘CLOSE’, got ‘EOF’' },
  'template-field': { file: 'my-report.md.hbs', line: 8, column: 15, expr: 'opinons.total', suggest: 'opinions' },
  'bad-choice': { option: '--format', allowed: ['text', 'json'], got: 'xml' },
  'bad-date': { option: '--as-of', got: '2014/5/24' },
  'bad-number': { option: '--groups', min: 1, max: 99, got: '五' },
  'bad-extension': { option: '--out', ext: 'xlsx', got: 'ledgers.xls' },
  'unknown-group': { group: 'g7', suggest: 'g1', where: 'ledgers' },
  'unknown-kind': { kind: '活动', suggest: '活动台账', kinds: Object.values(KIND_LABELS).map((k) => k.zh) },
  'name-the-group': { groups: ['g1', 'g2', 'g3'] },
  'with-syntax': { part: 'opinions:3' },
  'with-kind': { name: 'opinons', suggest: 'opinion' },
  'with-too-many': { name: 'opinions', n: 80 },
  'with-needs-visit': {},
  'not-empty': { dir: 'campaign-2014' },
  'schema-name': {
    name: 'opinon',
    suggest: 'opinion',
    names: ['campaign', 'visit', 'opinion', 'info', 'appeal', 'stability', 'hardship', 'record'],
  },
  'schema-args': { names: ['campaign', 'visit', 'opinion', 'info', 'appeal', 'stability', 'hardship', 'record'], both: false },
  'unknown-record': { id: 'g2/o33', suggest: 'g2/o3', where: 'ledgers' },
  'reviews-unreadable': { file: 'reviews.yaml', detail: 'bad indentation of a mapping entry' },
  'reviews-entry': { file: 'reviews.yaml', line: 9, field: 'date' },
  'review-ids': { action: 'approve' },
  'review-reason': {},
  'review-option': { option: '--reason', action: 'approve' },
  io: { path: 'exports/下基层听意见主题活动-2014-05-24.xlsx', op: 'write', reason: 'EBUSY' },
  'not-a-workbook': { path: '第二组.docx' },
  'workbook-convert': { path: '第二组.xls', variant: 'no-soffice' },
  'out-folder': { got: 'templates.xlsx' },
};

interface Section {
  title: Both;
  codes: DiagnosticCode[];
}

/** The page's sections, in order; every code is in exactly one (the generator checks). */
export const DIAGNOSTIC_SECTIONS: Section[] = [
  {
    title: { zh: '文件编码与 YAML 格式', en: 'Encoding and YAML syntax' },
    codes: ['not-utf8', 'yaml-syntax', 'yaml-tab', 'yaml-duplicate-key', 'yaml-alias', 'yaml-tag', 'yaml-directive', 'yaml-too-deep'],
  },
  {
    title: { zh: '中文输入法带来的符号', en: 'Symbols typed by a Chinese input method' },
    codes: ['fullwidth-colon', 'fullwidth-comma', 'fullwidth-bracket', 'fullwidth-quote', 'fullwidth-quote-text', 'ideographic-space'],
  },
  {
    title: { zh: '记录与字段', en: 'Records and fields' },
    codes: ['empty-file', 'not-a-record', 'unsafe-key', 'missing-field', 'unknown-field', 'unknown-kind', 'empty-value', 'wrong-type'],
  },
  {
    title: { zh: '填写的值', en: 'Values' },
    codes: [
      'invalid-code',
      'unquoted-number',
      'invalid-date',
      'invalid-value',
      'too-long',
      'invalid-id-number',
      'invalid-phone',
      'date-outside-period',
    ],
  },
  {
    title: { zh: '人员、整改与引用', en: 'People, rectification and references' },
    codes: [
      'unknown-member',
      'missing-done-on',
      'satisfaction-without-feedback',
      'reopened-status',
      'done-before-reopened',
      'duplicate-ref-no',
      'duplicate-id',
      'unknown-visit',
      'visit-has-errors',
    ],
  },
  {
    title: { zh: '图片与文件', en: 'Photos and files' },
    codes: [
      'photo-missing',
      'photo-outside-group',
      'photo-not-image',
      'file-outside-group',
      'dangling-link',
      'not-a-regular-file',
      'unreadable-file',
      'file-too-large',
    ],
  },
  {
    title: { zh: '组文件夹与合并', en: 'Group folders and the merge' },
    codes: ['undeclared-group', 'group-folder-missing', 'summary-not-docx', 'unit-missing', 'unit-edited', 'likely-duplicate'],
  },
  {
    title: { zh: 'Excel 表格（ledger template / ledger import）', en: 'Workbooks (ledger template / ledger import)' },
    codes: [
      'workbook-in-group',
      'workbook-unreadable',
      'not-a-template',
      'template-format',
      'template-campaign',
      'template-group',
      'template-schema',
      'template-column',
      'duplicate-workbook',
      'extra-column',
      'lost-digits',
      'unknown-parent',
      'import-conflict',
      'import-removes',
      'import-replaces-all',
      'import-renamed',
      'formula-no-value',
    ],
  },
];

/** A text safe in a Markdown table cell. */
const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The example line of a code as `ledger validate` prints it, in a language. */
export function exampleLine<K extends DiagnosticCode>(code: K, lang: Lang): string {
  const s = DIAGNOSTIC_SAMPLES[code] as Sample<K>;
  const d = diagnostic(code, s.data, s.at);
  const w = ui(lang);
  return `${placeOf(d)} ${d.severity === 'error' ? w.error : w.warning} ${localize(d, lang)} ${code}`;
}

/** The example line of an error code as the command prints it on stderr, in a language. */
export function errorLine<K extends ErrorCode>(code: K, lang: Lang): string {
  return `ledger: ${renderError(code, ERROR_SAMPLES[code] as ErrorData[K], lang)}`;
}

const SEVERITY: Record<'error' | 'warning', string> = {
  error: '**错误**（error）：有错误的记录不能合并，`validate` 和 `import` 以退出码 1 结束',
  warning: '**警告**（warning）：不妨碍合并；加 `--strict` 时 `validate` 以退出码 1 结束',
};

function helpTable(means: Both, fix: Both): string[] {
  return [
    '| | 中文 | English |',
    '| --- | --- | --- |',
    `| 含义 · Means | ${cellText(means.zh)} | ${cellText(means.en)} |`,
    `| 改正 · Fix | ${cellText(fix.zh)} | ${cellText(fix.en)} |`,
  ];
}

function codePart(code: DiagnosticCode): string[] {
  const e = DIAGNOSTIC_CODES[code];
  return [
    `### \`${code}\``,
    '',
    SEVERITY[e.severity],
    '',
    ...helpTable(e.means, e.fix),
    '',
    '```text',
    exampleLine(code, 'zh-CN'),
    exampleLine(code, 'en'),
    '```',
    '',
  ];
}

function errorPart(code: ErrorCode): string[] {
  const help = errorHelp(code);
  const exit = exitStatus(code);
  return [
    `### \`${code}\``,
    '',
    `退出码 ${exit} · exit code ${exit}`,
    '',
    ...helpTable(help.means, help.fix),
    '',
    '```text',
    errorLine(code, 'zh-CN'),
    errorLine(code, 'en'),
    '```',
    '',
  ];
}

const INTRO = `# 错误与警告代码 · Diagnostic codes

<!-- 本页由 \`npm run docs\` 根据 src/messages/diagnosticCodes.ts 和 src/messages/errors.ts 生成，请勿手工修改；
     tests/docs/diagnostics.test.ts 检查本页与代码一致。
     Generated by \`npm run docs\` from the code tables; do not edit by hand. -->

\`ledger validate\`、\`merge\`、\`import\` 发现的每个问题都有一个固定的代码（code）。文字输出每个问题占一行：
\`文件:行:列 级别 说明 代码\`；Excel 表格中的问题写作 \`表格文件:工作表!单元格\`，涉及整个文件的问题只写文件名；从表格导入的记录写作
\`表格文件：工作表 第几行\`（在表格中改正后重新导入，不要修改 imported/ 中的文件）。\`--format json\` 输出的每一项有
\`severity\`、\`code\`、\`message\`、\`file\`、\`line\`、\`column\`、\`pointer\`（表格另有 \`sheet\`、\`cell\`；导入的记录另有 \`workbook\`），见
[ledgers.md](ledgers.md)。说明文字随活动语言（或 \`--lang\`）为中文或英文；身份证号码和电话号码在任何提示中都不显示（连部分数字也不显示），只说明是哪一项、在哪里。
各组收到的《问题反馈单》（\`ledger feedback\`）中的“改正方法”就是下表的“改正”一栏。

Every problem \`ledger validate\`, \`merge\` and \`import\` find has a fixed code. Text output is one line per problem,
\`file:line:column severity message code\` (\`workbook:sheet!cell\` for a workbook, the file alone for a problem of the whole file, and
\`workbook, sheet S, row N\` for a record imported from a workbook: correct it there and import again, never in imported/); \`--format json\` gives
\`severity code message file line column pointer\` (and \`sheet cell\` for a workbook, \`workbook\` for an imported record). Messages are in the campaign's language
(or \`--lang\`); ID and phone numbers are never shown, not even in part: a message says whose number it is and where. The "fix" column is what the groups' feedback sheets say.
Below: every code with what it means, how to fix it, and an example in both languages (Chinese first).

The last part lists what stops a command altogether (usage, configuration, I/O): those print one line \`ledger: …\` on
stderr and exit with code 2.`;

/** The whole of docs/diagnostics.md. */
export function diagnosticsPage(): string {
  const all = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const placed = DIAGNOSTIC_SECTIONS.flatMap((s) => s.codes);
  const missing = all.filter((c) => !placed.includes(c));
  const twice = placed.filter((c, i) => placed.indexOf(c) !== i);
  if (missing.length || twice.length)
    throw new Error(`diagnostics page sections: missing ${missing.join(', ')}; twice ${twice.join(', ')}`);
  const out: string[] = [INTRO, '', '## 代码一览 · Index', '', '| 代码 code | 级别 | 含义 | Means |', '| --- | --- | --- | --- |'];
  for (const s of DIAGNOSTIC_SECTIONS)
    for (const c of s.codes) {
      const e = DIAGNOSTIC_CODES[c];
      out.push(`| [\`${c}\`](#${c}) | ${e.severity === 'error' ? '错误' : '警告'} | ${cellText(e.means.zh)} | ${cellText(e.means.en)} |`);
    }
  out.push('');
  for (const s of DIAGNOSTIC_SECTIONS) {
    out.push(`## ${s.title.zh} · ${s.title.en}`, '');
    for (const c of s.codes) out.push(...codePart(c));
  }
  out.push(
    '## 命令无法继续时 · When a command stops',
    '',
    '以下问题不是某条记录的错误，而是命令本身无法继续：选项写错、找不到活动、台账过时、模板有误、文件无法读写等。',
    '命令在标准错误输出（stderr）上打印一行 `ledger: …`，以退出码 2 结束（`merge-refused` 为 1：记录有错误）。',
    '选项拼错、缺少参数等命令行错误同样以退出码 2 结束，并提示 `ledger --help`；其他意外情况是程序缺陷（internal error），',
    '加 `--verbose` 可显示调用栈，请连同所运行的命令一起报告。',
    '',
    'These are not problems of a record but reasons a command cannot go on: a wrong option, no campaign, stale ledgers, a bad',
    'template, a file that cannot be read or written. The command prints one line `ledger: …` on stderr and exits with code 2',
    '(`merge-refused`: 1, the input has errors). Command-line mistakes (an unknown option, a missing argument) exit 2 too;',
    'anything else is an internal error (a bug): rerun with `--verbose` for the stack trace and report it with the command.',
    '',
    '| 代码 code | 退出码 | 含义 | Means |',
    '| --- | --- | --- | --- |',
  );
  for (const c of ERROR_CODES) {
    const h = errorHelp(c);
    out.push(
      `| [\`${c}\`](#${c in DIAGNOSTIC_CODES ? `${c}-1` : c}) | ${exitStatus(c)} | ${cellText(h.means.zh)} | ${cellText(h.means.en)} |`,
    );
  }
  out.push('');
  for (const c of ERROR_CODES) out.push(...errorPart(c));
  return out.join('\n').replace(/\n+$/, '\n');
}
