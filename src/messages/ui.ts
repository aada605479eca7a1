// The words of the terminal output: severities, summary lines, table headers, progress and
// log lines, in both languages. Formatters and commands take them from here.
import { count, type Lang } from './words.js';

export interface Summary {
  files: number;
  records: number;
  errors: number;
  warnings: number;
}

const en = {
  error: 'error',
  warning: 'warning',
  summary: (s: Summary) =>
    `${count(s.files, 'file')}, ${count(s.records, 'record')}: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}`,
  onlyGroup: (g: string, root: string) => `checking groups/${g} only (run in ${root} to check the whole campaign)`,
  total: 'total',
  id: 'group',
  name: 'name',
  errors: 'errors',
  warnings: 'warnings',
  duplicates: 'duplicates',
  rejected: (n: number, where: string) => `${count(n, 'refused record')} listed in ${where}`,
  written: (where: string) => `ledgers written to ${where}/`,
  refused: 'merge refused: fix the errors above (or pass --allow-invalid to merge the valid records)',
  removed: (n: number, ids: string) => `${count(n, 'record')} removed since the last merge: ${ids}`,
  changes: (a: number, r: number, c: number, x: number) => `since the last merge: ${a} added, ${r} removed, ${c} changed, ${x} refused`,
  internal: (m: string) => `internal error: ${m}`,
  rerun: 'Rerun with --verbose to see the stack trace, and report it with the command you ran.',
  exportWrote: (sheets: string, redacted: boolean) => `wrote ${sheets}${redacted ? ', personal data masked' : ''}`,
  cut: (n: number) => `${count(n, 'cell')} longer than Excel's 32,767 characters ${n === 1 ? 'was' : 'were'} cut (marked in the cell)`,
  report: (groups: number, opinions: number, makeup: number) =>
    `report of ${count(groups, 'group')}, ${count(opinions, 'opinion')}, ${count(makeup, 'group')} to make up their work`,
  kept: (n: number, files: string) =>
    n === 1 ? `kept 1 existing file as it was: ${files}` : `kept ${n} existing files as they were: ${files}`,
  initDone: (dir: string, cd: string) =>
    `created the campaign in ${dir}. Next: edit the unit, dates and members in ledger.yaml, then\n  ${cd}ledger new visit --group g1 --with opinions=2\n  ledger validate`,
  newDone: (ids: string) => `wrote ${ids}. Fill in the lines marked "fill in", then run ledger validate`,
  warningPrefix: 'warning',
  warningLine: (text: string) => `warning: ${text}`,
  usageHint: '(run ledger --help for usage)',
  workbookRow: (file: string, sheet: string, row: number) => `${file}, sheet ${sheet}, row ${row}`,
  importedHint:
    'Records imported from workbooks are named by the workbook row they were typed on: correct them in the workbook and run ledger import again (the files in imported/ are written by the import: do not edit them).',
};

type Ui = typeof en;

const zh: Ui = {
  error: '错误',
  warning: '警告',
  summary: (s) => `共检查 ${s.files} 个文件、${s.records} 条记录：${s.errors} 个错误，${s.warnings} 个警告`,
  onlyGroup: (g, root) => `只检查 groups/${g}（在 ${root} 中运行可检查整个活动）`,
  total: '合计',
  id: '编号',
  name: '名称',
  errors: '错误',
  warnings: '警告',
  duplicates: '疑似重复',
  rejected: (n, where) => `${n} 条记录未能合并，已列入 ${where}`,
  written: (where) => `台账已写入 ${where}/`,
  refused: '合并未完成：请先改正上面的错误（或加 --allow-invalid 只合并无误的记录）',
  removed: (n, ids) => `与上次合并相比减少了 ${n} 条记录：${ids}`,
  changes: (a, r, c, x) => `与上次合并相比：新增 ${a} 条，减少 ${r} 条，修改 ${c} 条，未能合并 ${x} 条`,
  internal: (m) => `内部错误：${m}`,
  rerun: '加 --verbose 重新运行可看到详细信息；请连同所运行的命令一起报告此问题。',
  exportWrote: (sheets, redacted) => `已写入 ${sheets}${redacted ? '，个人信息已隐去部分数字' : ''}`,
  cut: (n) => `${n} 个单元格超过 Excel 的 32767 字上限，已截断（单元格中有标注）`,
  report: (groups, opinions, makeup) => `报告涵盖 ${groups} 个组、${opinions} 条意见，${makeup} 个组须补课`,
  kept: (n, files) => `保留了 ${n} 个已有文件：${files}`,
  initDone: (dir, cd) =>
    `已创建活动文件夹 ${dir}。下一步：修改 ledger.yaml 中的单位、时间和各组成员，然后\n  ${cd}ledger new visit --group g1 --with opinions=2\n  ledger validate`,
  newDone: (ids) => `已生成 ${ids}。请填写标有“填写”的行，然后运行 ledger validate`,
  warningPrefix: '警告',
  warningLine: (text) => `警告：${text}`,
  usageHint: '（运行 ledger --help 查看用法）',
  workbookRow: (file, sheet, row) => `${file}：${sheet} 第${row}行`,
  importedHint:
    '从表格导入的记录按填写时的表格行标出：请在表格中改正，再运行 ledger import 重新导入（imported/ 中的文件由导入生成，请勿手工修改）。',
};

export function ui(lang: Lang): Ui {
  return lang === 'zh-CN' ? zh : en;
}

export type { Ui };
