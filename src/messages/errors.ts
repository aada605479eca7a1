// What stops a command, as a typed error: the core throws LedgerError {code, data}; only cli/
// turns it into words (this table, in the user's language) and an exit code. Input problems
// are Diagnostics, not errors: these are about how ledger was called, its configuration, and
// the files around the records (ledgers/, templates, the disk).
import { withoutPersonalIn } from './removed.js';
import { list, q, show, type Both, type Lang } from './words.js';

export interface ErrorData {
  'no-campaign': { cwd: string };
  'campaign-invalid': Record<string, never>;
  'path-outside': { path: string; root: string };
  'path-not-group': { path: string };
  'path-missing': { path: string };
  'merge-running': { pid: number; since: string; host?: string; file: string; command?: 'review' };
  'merge-lock': { file: string };
  'ledgers-writing': Record<string, never>;
  'no-ledgers': { dir: string };
  'ledgers-format': { file: string; format: number };
  'ledger-missing': { file: string };
  'ledgers-edited': { file: string };
  'ledgers-unreadable': { file: string; detail: string };
  'ledgers-stale': { changed: string[]; added: string[]; removed: string[] };
  'merge-refused': Record<string, never>;
  'template-unreadable': { file: string; reason: string };
  'template-too-large': { file: string; limit: number };
  'template-invalid': { file: string; line?: number; column?: number; detail: string };
  'template-field': { file: string; line: number; column: number; expr: string; suggest?: string };
  'bad-choice': { option: string; allowed: string[]; got: string };
  'bad-date': { option: string; got: string };
  'bad-number': { option: string; min: number; max: number; got: string };
  'bad-extension': { option: string; ext: string; got: string };
  'unknown-group': { group: string; suggest?: string; where: 'ledgers' | 'campaign' };
  'unknown-kind': { kind: string; suggest?: string; kinds: string[] };
  'name-the-group': { groups: string[] };
  'with-syntax': { part: string };
  'with-kind': { name: string; suggest?: string };
  'with-too-many': { name: string; n: number };
  'with-needs-visit': Record<string, never>;
  'not-empty': { dir: string };
  'schema-name': { name: string; suggest?: string; names: string[] };
  'schema-args': { names: string[]; both: boolean };
  /** `suggest`: the nearest real id, which also shows how ids are written (a campaign may have no g2). */
  'unknown-record': { id: string; suggest?: string; where: 'ledgers' | 'reviews' };
  'reviews-unreadable': { file: string; detail: string };
  'reviews-entry': { file: string; line: number; field: string };
  'review-ids': { action: string };
  'review-reason': Record<string, never>;
  'review-option': { option: string; action: string };
  io: { path: string; op: 'read' | 'write' | 'create'; reason: string };
  'not-a-workbook': { path: string };
  'workbook-convert': { path: string; variant: 'no-soffice' | 'failed'; detail?: string };
  'out-folder': { got: string };
}

export type ErrorCode = keyof ErrorData;

/** A command cannot go on: what and with which values; the words are chosen where it is shown. */
/** Marks a LedgerError whichever copy of this module made it (each command's bundle has one; see scripts/bundle.mjs). */
const LEDGER_ERROR = Symbol.for('ledger.LedgerError');

export class LedgerError<K extends ErrorCode = ErrorCode> extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [LEDGER_ERROR]?: boolean })[LEDGER_ERROR] === true;
  }
  readonly [LEDGER_ERROR] = true;
  constructor(
    readonly code: K,
    readonly data: ErrorData[K],
  ) {
    super(renderError(code, data, 'en'));
    this.name = 'LedgerError';
  }
}

/** The exit status a command ends with on this error: 1 the input has errors, 2 usage, configuration or I/O (main.ts, and the docs). */
export function exitStatus(code: ErrorCode): 1 | 2 {
  return code === 'merge-refused' ? 1 : 2;
}

const REASONS: Record<string, { en: string; zh: string }> = {
  EACCES: { en: 'permission denied', zh: '没有权限' },
  EPERM: { en: 'not permitted', zh: '不允许操作' },
  EISDIR: { en: 'it is a folder', zh: '这是一个文件夹' },
  ENOTDIR: { en: 'a part of the path is not a folder', zh: '路径中有一段不是文件夹' },
  ENOENT: { en: 'no such file or folder', zh: '文件或文件夹不存在' },
  ENOSPC: { en: 'the disk is full', zh: '磁盘已满' },
  EROFS: { en: 'the disk is read-only', zh: '磁盘是只读的' },
  ENAMETOOLONG: { en: 'the name is too long', zh: '文件名太长' },
  EEXIST: { en: 'it exists already', zh: '已经存在' },
  EMFILE: { en: 'too many open files', zh: '打开的文件太多' },
  ELOOP: { en: 'too many links in a row', zh: '链接层数过多' },
  EBUSY: { en: 'it is in use', zh: '文件正被占用' },
  ENOTREG: { en: 'it is not a regular file (a pipe, socket or device)', zh: '不是普通文件（管道、套接字或设备）' },
  EFBIG: { en: 'it is far too large', zh: '文件过大' },
};

/** An errno code (EACCES…) as words. */
export function reasonWords(reason: string, lang: Lang): string {
  const r = REASONS[reason];
  return r ? (lang === 'zh-CN' ? r.zh : r.en) : reason;
}

const ask = (s: string | undefined, lang: Lang) =>
  s === undefined ? '' : lang === 'zh-CN' ? `，是否应为${q(s, lang)}？` : `; did you mean "${s}"?`;
const files = (fs: readonly string[], lang: Lang) =>
  fs.length <= 3
    ? list(fs, lang)
    : lang === 'zh-CN'
      ? `${list(fs.slice(0, 3), lang)}等${fs.length}个`
      : `${list(fs.slice(0, 3), lang)} and ${fs.length - 3} more`;

/** Each code: what it means and how to put it right (docs/diagnostics.md), and its message in each language. */
type Words = { [K in ErrorCode]: { means: Both; fix: Both; en(d: ErrorData[K]): string; zh(d: ErrorData[K]): string } };

const WORDS: Words = {
  'no-campaign': {
    means: { en: 'no ledger.yaml here or in any folder above', zh: '当前文件夹及其上级都没有 ledger.yaml' },
    fix: {
      en: 'Run ledger inside the campaign folder, or name it with -C <dir>; start a new one with `ledger init`.',
      zh: '在活动文件夹中运行，或用 -C <文件夹> 指定；新活动先用 `ledger init` 建立。',
    },
    en: (d) => `no ledger.yaml in ${d.cwd} or any folder above it (run inside a campaign, or name one with -C <dir>)`,
    zh: (d) => `在 ${d.cwd} 及其上级文件夹中都没有 ledger.yaml（请在活动文件夹中运行，或用 -C <文件夹> 指定）`,
  },
  'campaign-invalid': {
    means: { en: 'ledger.yaml has errors, so the command cannot use it', zh: 'ledger.yaml 有错误，命令无法使用' },
    fix: {
      en: 'Run `ledger validate`, correct ledger.yaml, and run the command again.',
      zh: '运行 `ledger validate`，改正 ledger.yaml 后再运行。',
    },
    en: () => 'ledger.yaml has errors: run `ledger validate` and fix them first',
    zh: () => 'ledger.yaml 有错误：请先运行 ledger validate 并改正',
  },
  'path-outside': {
    means: { en: 'a path given to validate lies outside the campaign', zh: '给 validate 的路径不在活动文件夹中' },
    fix: { en: 'Name group folders or files under groups/ of this campaign.', zh: '只能指定本活动 groups/ 下的组文件夹或文件。' },
    en: (d) => `${d.path} is not inside the campaign at ${d.root}`,
    zh: (d) => `${d.path} 不在活动文件夹 ${d.root} 中`,
  },
  'path-not-group': {
    means: {
      en: 'a path given to validate is not a group folder or a file under groups/',
      zh: '给 validate 的路径不是组文件夹，也不是 groups/ 下的文件',
    },
    fix: { en: 'Name a group folder (groups/g2) or a file inside one.', zh: '指定组文件夹（如 groups/g2）或其中的文件。' },
    en: (d) => `${d.path} is not a group folder or a file under groups/`,
    zh: (d) => `${d.path} 不是组文件夹，也不是 groups/ 下的文件`,
  },
  'path-missing': {
    means: { en: 'a path given on the command line does not exist', zh: '命令中给出的路径不存在' },
    fix: { en: 'Check the spelling of the path.', zh: '核对路径拼写。' },
    en: (d) => `${d.path} does not exist`,
    zh: (d) => `${d.path} 不存在`,
  },
  'merge-running': {
    means: {
      en: 'another merge (or a review) holds the campaign lock ledgers/.lock',
      zh: '另一个合并（或审核）正占用活动锁 ledgers/.lock',
    },
    fix: {
      en: 'Wait for it to finish; if none is running (the computer was switched off), delete the lock file the message names.',
      zh: '等它结束；如果其实没有在运行（如中途关机），删除提示中的锁文件。',
    },
    en: (d) =>
      d.command === 'review'
        ? `\`ledger review\` is writing reviews.yaml of this campaign (pid ${d.pid}${d.host ? ` on ${d.host}` : ''}, since ${d.since}): wait for it to finish; if none is running, delete ${d.file}`
        : d.host
          ? `another \`ledger merge\` is running on this campaign from ${d.host} (pid ${d.pid}, since ${d.since}); if it is not, delete ${d.file}`
          : `another \`ledger merge\` is running on this campaign (pid ${d.pid}, since ${d.since}): wait for it to finish; if no merge is running, delete ${d.file}`,
    zh: (d) =>
      d.command === 'review'
        ? `ledger review 正在写入本活动的 reviews.yaml（进程 ${d.pid}${d.host ? `，在 ${d.host} 上` : ''}，开始于 ${d.since}）：请等它结束；如果并没有在运行，请删除 ${d.file}`
        : d.host
          ? `另一个 ledger merge 正在 ${d.host} 上处理本活动（进程 ${d.pid}，开始于 ${d.since}）；如果并没有在运行，请删除 ${d.file}`
          : `另一个 ledger merge 正在处理本活动（进程 ${d.pid}，开始于 ${d.since}）：请等它结束；如果并没有在运行，请删除 ${d.file}`,
  },
  'merge-lock': {
    means: { en: 'the lock file ledgers/.lock cannot be created', zh: '无法创建锁文件 ledgers/.lock' },
    fix: { en: 'Check that the campaign folder is writable.', zh: '检查活动文件夹是否可写。' },
    en: (d) => `cannot take the lock ${d.file}`,
    zh: (d) => `无法取得锁文件 ${d.file}`,
  },
  'ledgers-writing': {
    means: { en: 'a merge is writing the ledgers right now', zh: '合并正在写入台账' },
    fix: { en: 'Run the command again when the merge has finished.', zh: '等合并完成后再运行。' },
    en: () => '`ledger merge` is writing the ledgers right now: run this again when it has finished',
    zh: () => 'ledger merge 正在写入台账：请等它完成后再运行',
  },
  'no-ledgers': {
    means: { en: 'there are no ledgers yet', zh: '还没有台账' },
    fix: { en: 'Run `ledger merge` first (or pass --merge).', zh: '先运行 `ledger merge`（或加 --merge）。' },
    en: (d) => `no ledgers in ${d.dir}: run \`ledger merge\` first`,
    zh: (d) => `${d.dir} 中还没有台账：请先运行 ledger merge`,
  },
  'ledgers-format': {
    means: {
      en: 'the ledgers were written by another version of ledger, or the manifest was edited',
      zh: '台账由其他版本的 ledger 生成，或清单被改动',
    },
    fix: { en: 'Run `ledger merge` again.', zh: '重新运行 `ledger merge`。' },
    en: (d) => `${d.file} is not a ledger manifest of format ${d.format}: run \`ledger merge\` again`,
    zh: (d) => `${d.file} 不是第 ${d.format} 版格式的台账清单：请重新运行 ledger merge`,
  },
  'ledger-missing': {
    means: { en: 'a ledger file the manifest lists is missing', zh: '清单中列出的台账文件缺失' },
    fix: { en: 'Run `ledger merge` again.', zh: '重新运行 `ledger merge`。' },
    en: (d) => `${d.file} is missing: run \`ledger merge\` again`,
    zh: (d) => `缺少 ${d.file}：请重新运行 ledger merge`,
  },
  'ledgers-edited': {
    means: {
      en: 'a ledger file was changed by hand after the merge wrote it (its hash differs)',
      zh: '台账文件在合并后被手工改动（校验值不符）',
    },
    fix: {
      en: 'Never edit ledgers/: change the group files and run `ledger merge` again.',
      zh: '台账不能手工修改：修改各组文件后重新运行 `ledger merge`。',
    },
    en: (d) =>
      `${d.file} was changed after \`ledger merge\` wrote it (its hash differs from the manifest): do not edit the ledgers; change the group files and run \`ledger merge\` again`,
    zh: (d) => `${d.file} 在 ledger merge 生成后被改动过（与清单中的校验值不符）：台账不能手工修改，请修改各组文件后重新运行 ledger merge`,
  },
  'ledgers-unreadable': {
    means: { en: 'a ledger file cannot be read', zh: '台账文件无法读取' },
    fix: { en: 'Run `ledger merge` again.', zh: '重新运行 `ledger merge`。' },
    en: (d) => `${d.file} cannot be read (${d.detail}): run \`ledger merge\` again`,
    zh: (d) => `${d.file} 无法读取（${d.detail}）：请重新运行 ledger merge`,
  },
  'ledgers-stale': {
    means: {
      en: 'the group files changed since the last merge, so the ledgers are out of date',
      zh: '上次合并后各组文件有变动，台账已过时',
    },
    fix: { en: 'Run `ledger merge` first, or pass --merge.', zh: '先运行 `ledger merge`，或加 --merge。' },
    en: (d) =>
      `the ledgers are out of date (${[
        d.changed.length ? `changed: ${files(d.changed, 'en')}` : '',
        d.added.length ? `new: ${files(d.added, 'en')}` : '',
        d.removed.length ? `removed: ${files(d.removed, 'en')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}): run \`ledger merge\` first, or pass --merge`,
    zh: (d) =>
      `台账已过时（${[
        d.changed.length ? `有改动：${files(d.changed, 'zh-CN')}` : '',
        d.added.length ? `新增：${files(d.added, 'zh-CN')}` : '',
        d.removed.length ? `已删除：${files(d.removed, 'zh-CN')}` : '',
      ]
        .filter(Boolean)
        .join('；')}）：请先运行 ledger merge，或加上 --merge`,
  },
  'merge-refused': {
    means: { en: 'the merge found errors and wrote nothing (exit code 1)', zh: '合并发现错误，未写入台账（退出码 1）' },
    fix: {
      en: 'Correct the errors listed above, or pass --allow-invalid to merge the valid records.',
      zh: '改正上面列出的错误；或加 --allow-invalid 只合并无误的记录。',
    },
    en: () => 'merge refused: fix the errors above first',
    zh: () => '合并未完成：请先改正上面列出的错误',
  },
  'template-unreadable': {
    means: { en: 'the report template given with --template cannot be read', zh: '--template 指定的报告模板无法读取' },
    fix: { en: 'Check the path and the file permissions.', zh: '核对路径和文件权限。' },
    en: (d) => `cannot read the template ${d.file}: ${reasonWords(d.reason, 'en')}`,
    zh: (d) => `无法读取模板 ${d.file}：${reasonWords(d.reason, 'zh-CN')}`,
  },
  'template-too-large': {
    means: { en: 'the file given with --template is far larger than a report template', zh: '--template 指定的文件过大，不是报告模板' },
    fix: { en: 'Give the .hbs template file itself.', zh: '指定 .hbs 模板文件本身。' },
    en: (d) => `the template ${d.file} is larger than ${Math.round(d.limit / 1024)} KB: that is not a report template`,
    zh: (d) => `模板 ${d.file} 超过 ${Math.round(d.limit / 1024)} KB，不是报告模板`,
  },
  'template-invalid': {
    means: {
      en: 'the report template has a Handlebars syntax error, or a block other than #if, #unless, #each and #with',
      zh: '报告模板语法有误，或使用了 #if、#unless、#each、#with 以外的写法',
    },
    fix: {
      en: 'Correct the template at the line given; only {{field}}, {{#each}}, {{#if}}, {{#unless}} and {{#with}} work (docs/templates.md).',
      zh: '按提示的行改正模板；只能使用 {{字段}}、{{#each}}、{{#if}}、{{#unless}}、{{#with}}（见 docs/templates.md）。',
    },
    en: (d) => `the template ${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} cannot be used: ${d.detail}`,
    zh: (d) => `模板 ${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} 无法使用：${d.detail}`,
  },
  'template-field': {
    means: { en: 'the report template names a field the report does not have', zh: '报告模板中用了报告没有的字段' },
    fix: {
      en: 'Correct the field name (the message suggests the nearest); the fields are listed in docs/templates.md.',
      zh: '改正字段名（提示中给出最接近的）；可用字段见 docs/templates.md。',
    },
    en: (d) =>
      `the template ${d.file}:${d.line}:${d.column} cannot be used: "${d.expr}" is not a field of the report${ask(d.suggest, 'en')}; the fields are listed in docs/templates.md`,
    zh: (d) =>
      `模板 ${d.file}:${d.line}:${d.column} 无法使用：报告中没有“${d.expr}”这一项${ask(d.suggest, 'zh-CN')}（可用的项见 docs/templates.md）`,
  },
  'bad-choice': {
    means: { en: 'an option value that is not one of its choices', zh: '选项的值不在可选范围内' },
    fix: { en: 'Use one of the values the message lists.', zh: '改用提示中列出的值之一。' },
    en: (d) => `${d.option} must be one of ${list(d.allowed, 'en')} (got "${show(d.got)}")`,
    zh: (d) => `${d.option} 应为 ${list(d.allowed, 'zh-CN')} 之一（收到 ${q(d.got, 'zh-CN')}）`,
  },
  'bad-date': {
    means: { en: 'an option that needs a date got something else', zh: '需要日期的选项收到的不是日期' },
    fix: { en: 'Write the date as YYYY-MM-DD, e.g. --as-of 2014-05-24.', zh: '按“年-月-日”填写，如 --as-of 2014-05-24。' },
    en: (d) => `${d.option} needs a date YYYY-MM-DD (got "${show(d.got)}")`,
    zh: (d) => `${d.option} 需要“年-月-日”格式的日期，如 2014-05-24（收到 ${q(d.got, 'zh-CN')}）`,
  },
  'bad-number': {
    means: {
      en: 'an option that needs a whole number got something else, or one out of range',
      zh: '需要整数的选项收到的不是整数，或超出范围',
    },
    fix: { en: 'Give a whole number in the range the message says.', zh: '填写提示范围内的整数。' },
    en: (d) => `${d.option} needs a whole number from ${d.min} to ${d.max} (got "${show(d.got)}")`,
    zh: (d) => `${d.option} 需要 ${d.min} 到 ${d.max} 之间的整数（收到 ${q(d.got, 'zh-CN')}）`,
  },
  'bad-extension': {
    means: { en: '--out names a file of another kind than the command writes', zh: '--out 指定的文件扩展名与输出格式不符' },
    fix: {
      en: 'End the file name in the extension the message says (or change --format).',
      zh: '文件名改用提示的扩展名（或修改 --format）。',
    },
    en: (d) => `${d.option} must name a file ending in .${d.ext} (got "${show(d.got)}")`,
    zh: (d) => `${d.option} 应为 .${d.ext} 文件（收到 ${q(d.got, 'zh-CN')}）`,
  },
  'unknown-group': {
    means: {
      en: '--group (or a group named on the command line) is not a group of the campaign',
      zh: '--group（或命令中的组）不是本活动的组',
    },
    fix: {
      en: 'Use a group id of ledger.yaml (the message suggests the nearest).',
      zh: '改用 ledger.yaml 中的组编号（提示中给出最接近的）。',
    },
    en: (d) => `no group "${show(d.group)}" in ${d.where === 'ledgers' ? 'the ledgers' : 'ledger.yaml'}${ask(d.suggest, 'en')}`,
    zh: (d) => `${d.where === 'ledgers' ? '台账' : 'ledger.yaml'}中没有${q(d.group, 'zh-CN')}组${ask(d.suggest, 'zh-CN')}`,
  },
  'unknown-kind': {
    means: { en: '`ledger new` was given a kind that is not a record kind', zh: '`ledger new` 的记录种类不正确' },
    fix: {
      en: 'Use visit, opinion, info, appeal, stability or hardship, or their Chinese names.',
      zh: '改用六种记录之一（活动台账、下基层听意见台账等，或其英文代码）。',
    },
    en: (d) => `no record kind "${show(d.kind)}"${ask(d.suggest, 'en')} (the kinds: ${list(d.kinds, 'en')})`,
    zh: (d) => `没有${q(d.kind, 'zh-CN')}这种记录${ask(d.suggest, 'zh-CN')}（可选：${list(d.kinds, 'zh-CN')}）`,
  },
  'name-the-group': {
    means: { en: '`ledger new` outside a group folder without --group', zh: '不在组文件夹中运行 `ledger new`，又没有 --group' },
    fix: { en: 'Pass --group ID, or run it inside groups/<id>/.', zh: '加 --group 组编号，或在 groups/<组编号>/ 中运行。' },
    en: (d) => `name the group with --group (one of: ${list(d.groups, 'en')})`,
    zh: (d) => `请用 --group 指定组（${list(d.groups, 'zh-CN')}）`,
  },
  'with-syntax': {
    means: { en: '--with is not written kind=count', zh: '--with 的写法不对' },
    fix: { en: 'Write --with opinions=3 or --with opinions=2,appeal=1.', zh: '写作 --with opinions=3 或 --with opinions=2,appeal=1。' },
    en: (d) => `--with needs kind=count, e.g. opinions=3 (got "${show(d.part)}")`,
    zh: (d) => `--with 的写法是“种类=条数”，如 opinions=3（收到 ${q(d.part, 'zh-CN')}）`,
  },
  'with-kind': {
    means: { en: '--with names a kind that is not heard on a visit', zh: '--with 中的记录种类不能随活动生成' },
    fix: { en: 'Use opinion, info, appeal, stability or hardship.', zh: '改用 opinion、info、appeal、stability 或 hardship。' },
    en: (d) => `--with: "${show(d.name)}" is not a kind to add to a visit${ask(d.suggest, 'en')}`,
    zh: (d) => `--with：${q(d.name, 'zh-CN')}不是可以随活动一起生成的记录${ask(d.suggest, 'zh-CN')}`,
  },
  'with-too-many': {
    means: { en: '--with asks for more than 50 records of a kind', zh: '--with 一次要生成的记录超过 50 条' },
    fix: { en: 'Ask for 50 at most and run it again for more.', zh: '一次最多 50 条，需要更多可再运行一次。' },
    en: (d) => `--with ${d.name}=${d.n}: at most 50 at a time`,
    zh: (d) => `--with ${d.name}=${d.n}：一次最多 50 条`,
  },
  'with-needs-visit': {
    means: { en: '--with was given for a record that is not a visit', zh: '--with 只能与 `ledger new visit` 一起使用' },
    fix: { en: 'Use --with with `ledger new visit`.', zh: '与 `ledger new visit` 一起使用。' },
    en: () => '--with adds records heard on a visit: use it with `ledger new visit`',
    zh: () => '--with 用于随活动一起生成记录：请与 ledger new visit 一起使用',
  },
  'not-empty': {
    means: { en: '`ledger init` was pointed at a folder that is not empty', zh: '`ledger init` 指定的文件夹不是空的' },
    fix: {
      en: 'Choose an empty folder, or pass --force to add only the missing files (nothing is overwritten).',
      zh: '换一个空文件夹；或加 --force 只补上缺少的文件（不覆盖已有文件）。',
    },
    en: (d) =>
      `${d.dir} is not empty: choose an empty folder, or pass --force to add only the files that are missing (nothing is overwritten)`,
    zh: (d) => `${d.dir} 不是空文件夹：请换一个空文件夹，或加 --force 只补上缺少的文件（不会覆盖已有文件）`,
  },
  'schema-name': {
    means: { en: '`ledger schema` was given a name that is not a schema', zh: '`ledger schema` 的名称不正确' },
    fix: { en: 'Use one of the names the message lists.', zh: '改用提示中列出的名称之一。' },
    en: (d) => `no schema "${show(d.name)}"${ask(d.suggest, 'en')} (the schemas: ${list(d.names, 'en')})`,
    zh: (d) => `没有${q(d.name, 'zh-CN')}这个 schema${ask(d.suggest, 'zh-CN')}（可选：${list(d.names, 'zh-CN')}）`,
  },
  'schema-args': {
    means: {
      en: '`ledger schema` needs either a schema name or --out, not both or neither',
      zh: '`ledger schema` 需要 schema 名称或 --out 二者之一',
    },
    fix: {
      en: 'Name one schema to print, or pass --out DIR to write them all.',
      zh: '给出一个 schema 名称显示它，或用 --out 文件夹 全部写出。',
    },
    en: (d) => (d.both ? 'give either a schema name or --out, not both' : `name a schema (${list(d.names, 'en')}) or pass --out <dir>`),
    zh: (d) => (d.both ? 'schema 名称和 --out 只能给一个' : `请给出 schema 名称（${list(d.names, 'zh-CN')}），或用 --out <文件夹>`),
  },
  'unknown-record': {
    means: {
      en: '`ledger review` was given an id that is not a ledger record (or has no review)',
      zh: '`ledger review` 中的编号不是台账记录（或没有审核记录）',
    },
    fix: {
      en: 'Use ledger ids, written group/id (the message names the nearest of the ledgers); nothing was written.',
      zh: '使用“组编号/记录编号”形式的台账编号（提示中给出台账中最接近的）；本次未写入任何内容。',
    },
    en: (d) =>
      d.where === 'ledgers'
        ? `no record "${show(d.id)}" in the ledgers${d.suggest === undefined ? ', which hold no records yet' : `; the nearest is "${d.suggest}" (ledger ids are written group/id)`}`
        : `"${show(d.id)}" has no review in reviews.yaml${d.suggest === undefined ? '' : `; the nearest reviewed record is "${d.suggest}"`}`,
    zh: (d) =>
      d.where === 'ledgers'
        ? `台账中没有编号为${q(d.id, 'zh-CN')}的记录${d.suggest === undefined ? '（台账中还没有任何记录）' : `，最接近的是${q(d.suggest, 'zh-CN')}（编号写作“组编号/记录编号”）`}`
        : `reviews.yaml 中没有${q(d.id, 'zh-CN')}的审核记录${d.suggest === undefined ? '' : `，最接近的是${q(d.suggest, 'zh-CN')}`}`,
  },
  'reviews-unreadable': {
    means: { en: 'reviews.yaml cannot be read', zh: 'reviews.yaml 无法读取' },
    fix: { en: 'Correct it by hand, or delete it to start the reviews again.', zh: '手工改正，或删除后重新审核。' },
    en: (d) => `${d.file} cannot be read (${d.detail}): correct it, or delete it to start the reviews again`,
    zh: (d) => `${d.file} 无法读取（${d.detail}）：请改正，或删除该文件后重新审核`,
  },
  'reviews-entry': {
    means: { en: 'an entry of reviews.yaml lacks a field or has a wrong one', zh: 'reviews.yaml 中某一条缺少字段或字段不正确' },
    fix: {
      en: 'Correct the line the message names: each entry has id, state, date and sha256.',
      zh: '改正提示的行：每条应有 id、state、date 和 sha256。',
    },
    en: (d) =>
      `${d.file}:${d.line}: ${d.field === 'entry' ? 'this entry is not a mapping of fields' : `the entry's ${d.field} is missing or not valid`} (each entry: id, state approved or returned, date YYYY-MM-DD, sha256)`,
    zh: (d) =>
      `${d.file} 第${d.line}行：${d.field === 'entry' ? '这一条不是“字段: 值”的形式' : `这一条的 ${d.field} 缺失或不正确`}（每条应有 id、state（approved 或 returned）、date（年-月-日）和 sha256）`,
  },
  'review-ids': {
    means: { en: '`ledger review approve|return|clear` without record ids', zh: '`ledger review approve|return|clear` 没有写记录编号' },
    fix: { en: 'Name the records, e.g. ledger review approve g2/o3 g2/o4.', zh: '写出记录编号，如 ledger review approve g2/o3 g2/o4。' },
    en: (d) => `name the records to ${d.action}, by ledger id: ledger review ${d.action} g2/o3 g2/o4`,
    zh: (d) => `请写出要处理的记录编号，如 ledger review ${d.action} g2/o3 g2/o4`,
  },
  'review-reason': {
    means: { en: '`ledger review return` without --reason', zh: '`ledger review return` 没有写 --reason' },
    fix: { en: 'Say what the group must correct: --reason "…".', zh: '用 --reason "…" 写明该组要改什么。' },
    en: () => 'returning a record needs --reason "…": the group must know what to correct',
    zh: () => '退回记录须用 --reason "…" 写明原因，让该组知道要改什么',
  },
  'review-option': {
    means: { en: 'an option that does not go with this review action', zh: '该选项不能用于这个审核动作' },
    fix: {
      en: 'approve takes --note, return takes --reason, list takes --group and --state.',
      zh: 'approve 用 --note，return 用 --reason，list 用 --group 和 --state。',
    },
    en: (d) =>
      `${d.option} does not go with \`ledger review ${d.action}\` (approve takes --note, return takes --reason, list takes --group and --state)`,
    zh: (d) => `${d.option} 不能用于 ledger review ${d.action}（approve 用 --note，return 用 --reason，list 用 --group 和 --state）`,
  },
  'not-a-workbook': {
    means: { en: 'a file given to import or validate as a workbook is not one', zh: '给 import 或 validate 的文件不是表格' },
    fix: {
      en: 'Give the .xlsx file (an .xls or .et file is converted when LibreOffice is installed).',
      zh: '给出 .xlsx 文件（安装了 LibreOffice 时 .xls 和 .et 会自动转换）。',
    },
    en: (d) => `${d.path} is not a workbook: give an .xlsx file (an .xls or WPS .et file is converted when LibreOffice is installed)`,
    zh: (d) => `${d.path} 不是表格文件：请给出 .xlsx 文件（安装了 LibreOffice 时，.xls 和 WPS 的 .et 文件会自动转换）`,
  },
  'workbook-convert': {
    means: { en: 'an .xls or .et workbook could not be converted to .xlsx', zh: '.xls 或 .et 表格无法转换为 .xlsx' },
    fix: {
      en: 'Open it in Excel or WPS, Save As → Excel Workbook (*.xlsx), and give that file.',
      zh: '用 Excel 或 WPS 打开，另存为“Excel 工作簿（*.xlsx）”，再给出另存的文件。',
    },
    en: (d) =>
      d.variant === 'no-soffice'
        ? `${d.path} is in an old format and LibreOffice is not installed to convert it: open it in Excel or WPS, choose File → Save As → Excel Workbook (*.xlsx), and give that file`
        : `${d.path} could not be converted to .xlsx by LibreOffice (${d.detail ?? 'no output'}): open it in Excel or WPS, choose File → Save As → Excel Workbook (*.xlsx), and give that file`,
    zh: (d) =>
      d.variant === 'no-soffice'
        ? `${d.path} 是旧格式的表格，本机没有安装 LibreOffice，无法自动转换：请用 Excel 或 WPS 打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再给出另存的文件`
        : `LibreOffice 未能把 ${d.path} 转换为 .xlsx（${d.detail ?? '没有输出'}）：请用 Excel 或 WPS 打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再给出另存的文件`,
  },
  'out-folder': {
    means: {
      en: '`ledger template --out` names an .xlsx file without --group',
      zh: '`ledger template --out` 指定了 .xlsx 文件却没有 --group',
    },
    fix: {
      en: 'Without --group, --out names a folder; with --group it may name the .xlsx file.',
      zh: '不加 --group 时 --out 应为文件夹；加 --group 时才可指定 .xlsx 文件。',
    },
    en: (d) =>
      `without --group, --out names a folder for one workbook per group (got "${show(d.got)}"); with --group it may name the .xlsx file`,
    zh: (d) => `不加 --group 时，--out 应为文件夹（每组一个表格，收到 ${q(d.got, 'zh-CN')}）；加 --group 时才可指定 .xlsx 文件`,
  },
  io: {
    means: {
      en: 'a file or folder cannot be read or written (permissions, a full disk, a file in use)',
      zh: '文件或文件夹无法读取或写入（权限、磁盘已满、文件被占用）',
    },
    fix: {
      en: 'Do what the reason says: close the file in Excel or WPS, free disk space, or check the permissions.',
      zh: '按提示的原因处理：在 Excel 或 WPS 中关闭该文件、清理磁盘空间或检查权限。',
    },
    en: (d) => `cannot ${d.op} ${d.path}: ${reasonWords(d.reason, 'en')}`,
    zh: (d) => `无法${d.op === 'read' ? '读取' : d.op === 'write' ? '写入' : '创建'} ${d.path}：${reasonWords(d.reason, 'zh-CN')}`,
  },
};

/** An error in words; what it quotes (an option's value, a group, a path) without any personal number. */
export function renderError<K extends ErrorCode>(code: K, data: ErrorData[K], lang: Lang): string {
  const w = WORDS[code];
  const safe = withoutPersonalIn(data, lang);
  return lang === 'zh-CN' ? w.zh(safe) : w.en(safe);
}

export const ERROR_CODES = Object.keys(WORDS) as ErrorCode[];

/** What an error code means and how to put it right, for docs/diagnostics.md. */
export function errorHelp(code: ErrorCode): { means: Both; fix: Both } {
  return { means: WORDS[code].means, fix: WORDS[code].fix };
}

/** An I/O failure (errno codes) as a LedgerError naming the path; anything else is rethrown. */
export function ioError(e: unknown, path: string, op: ErrorData['io']['op']): LedgerError | never {
  const io = e as NodeJS.ErrnoException | undefined;
  const code = io?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw e;
  // mkdir on the name of a file: "it exists already" would puzzle; a file is where a folder must be.
  return new LedgerError('io', { path, op, reason: code === 'EEXIST' && io?.syscall === 'mkdir' ? 'ENOTDIR' : code });
}
