// The words of the feedback sheets (问题反馈单) the coordination office sends back to a group:
// headings, the letter's sentences, where a problem is, and what to do about each audit
// finding. Diagnostics bring their own message and `fix` (diagnosticCodes.ts); findings their
// sentence (findings.ts).
import { proseDate } from './dates.js';
import type { FindingCode } from './findings.js';
import type { Both, Lang } from './words.js';

/** What a group should do about each audit finding. */
export const FINDING_FIXES: Record<FindingCode, Both> = {
  'no-visits': {
    en: 'Go to the grassroots and record each visit in the activity account.',
    zh: '抓紧开展下基层活动，并逐次记入活动台账。',
  },
  'no-opinions': { en: 'Hear opinions on the visits and record each one.', zh: '在活动中听取意见，并逐条记入下基层听意见台账。' },
  'leader-absent': {
    en: 'A leading cadre of the group leads the next visits; record them with led_by.',
    zh: '由本组领导干部带队补开展活动，并在“带队领导”中写明。',
  },
  'written-only': {
    en: 'Hear opinions face to face (talks, symposiums, home visits) rather than in writing.',
    zh: '补开展面对面听取意见（座谈、入户、当面交谈），不以书面征求代替。',
  },
  'coverage-gap': { en: 'Hear the audience not yet covered on a further visit.', zh: '补充听取尚未覆盖的对象的意见。' },
  'no-four-winds': {
    en: 'Ask specifically about formalism, bureaucratism, hedonism and extravagance.',
    zh: '围绕形式主义、官僚主义、享乐主义和奢靡之风深入征求意见。',
  },
  'cursory-visit': {
    en: 'Record who was heard on the visit (audiences), or what was heard there.',
    zh: '补记该次活动的听取对象和人数，或所听取的意见、民情信息。',
  },
  'no-rectification': {
    en: 'Fill in the rectification measure, who is responsible and the time limit.',
    zh: '补填整改措施、责任人和整改时限。',
  },
  'rectification-overdue': {
    en: 'Finish the rectification and fill in status done and done_on, or explain the delay.',
    zh: '抓紧完成整改，完成后填写完成状态和完成日期；确有困难的说明原因。',
  },
  'no-feedback': {
    en: 'Tell the person who raised it the outcome, then set feedback: true.',
    zh: '向意见提出人反馈整改结果，并填写“已反馈”。',
  },
  'missing-summary': {
    en: 'Hand in the written summary (a Word document, or summary.md in the group folder).',
    zh: '抓紧报送文字总结（Word 文档；在本组文件夹中填写的，命名为 summary.docx 或 summary.md）。',
  },
  'missing-photos': {
    en: 'Hand in the pictures of the visits with the account, and name each on its visit (the picture column of the activity sheet).',
    zh: '随台账报送活动图片资料，并在对应活动记录中列明（活动台账的“图片资料”一栏）。',
  },
  'late-records': { en: 'Check the dates; records after the deadline are counted separately.', zh: '核对日期；截止日后的记录单独统计。' },
  'appeal-overdue': {
    en: 'Resolve the appeal or report why it cannot be, and update its status.',
    zh: '抓紧办结，或说明不能办结的原因，并更新办理状态。',
  },
  'stability-high-risk': { en: 'Keep the high-risk matter under control and report its progress.', zh: '落实稳控措施，及时报告化解进展。' },
  'refused-records': {
    en: 'Correct the refused records (listed in this sheet) and hand them in again.',
    zh: '改正本单所列未能合并的记录后重新报送。',
  },
  'rectification-unsatisfied': {
    en: 'Reopen the rectification (reopened_on) and work on it again.',
    zh: '对群众不满意的整改复号（填写复号日期）并重新整改。',
  },
};

/** `edited`: a ledger file was changed by hand after the merge (the sheet names it). */
export type LedgersNote = 'current' | 'stale' | 'none' | 'edited';

function days(n: number, lang: Lang): string {
  if (lang === 'zh-CN') return n > 0 ? `还有${n}天` : n === 0 ? '今天截止' : `已逾期${-n}天`;
  return n > 0 ? `${n} day${n === 1 ? '' : 's'} left` : n === 0 ? 'due today' : `${-n} day${n === -1 ? '' : 's'} past`;
}

const en = {
  title: 'Feedback sheet',
  fileName: (group: string) => `${group}-feedback`,
  salutation: (name: string) => `${name}:`,
  intro: (deadline: string, asOf: string, left: number, office?: boolean) =>
    left >= 0
      ? `We have checked the records your ${office ? 'office' : 'group'} handed in. Please correct the points below and hand them in again by ${proseDate(deadline, 'en')} (as of ${proseDate(asOf, 'en')}: ${days(left, 'en')}).`
      : `We have checked the records your ${office ? 'office' : 'group'} handed in. Please correct the points below and hand them in again as soon as possible: the deadline of ${proseDate(deadline, 'en')} has passed (as of ${proseDate(asOf, 'en')}: ${days(left, 'en')}).`,
  clean: (office?: boolean) => `Nothing in the records your ${office ? 'office' : 'group'} handed in needs correcting. Thank you.`,
  ledgers: (note: LedgersNote, file: string): string =>
    ({
      current: '',
      stale:
        'The merged ledgers are out of date (files were handed in after the last merge), so this sheet does not yet list the supervision findings or the records refused by the merge; they follow once the ledgers are merged again.',
      none: 'The records have not been merged yet, so this sheet does not yet list the supervision findings; they follow after the merge.',
      edited: `The merged ledger file ${file} was changed by hand after the merge, so this sheet does not yet list the supervision findings or the records refused by the merge; they follow once the ledgers are merged again.`,
    })[note],
  /** On every sheet, the clean one too: the group's deadline and the days left as of the sheet's date. */
  deadline: (deadline: string, asOf: string, left: number) =>
    `Deadline for handing in: ${proseDate(deadline, 'en')} (as of ${proseDate(asOf, 'en')}: ${days(left, 'en')})`,
  stop: '.',
  sections: {
    problems: (errors: number, warnings: number) =>
      `Problems in the records (${[errors ? `${errors} to correct` : '', warnings ? `${warnings} to check` : ''].filter(Boolean).join(', ')})`,
    findings: 'Supervision findings',
    refused: 'Records the merge refused',
    returned: 'Records returned in review',
  },
  numbered: (i: number, title: string) => `${i}. ${title}`,
  head: { no: 'No.', kind: 'Type', where: 'Where', what: 'Problem', fix: 'How to correct it', records: 'Records' },
  severity: { error: 'correct', warning: 'check' },
  findingSeverity: { error: 'must make up', warning: 'reminder' },
  kinds: { error: 'Error', warning: 'Warning', finding: 'Supervision', refused: 'Refused', returned: 'Returned', note: 'Note' },
  line: (file: string, line: number) => (line > 0 ? `${file}, line ${line}` : file),
  row: (workbook: string, sheet: string, row: number) => `${workbook}, sheet "${sheet}", row ${row}`,
  sheet: (file: string, sheet: string, cell?: string) => `${file}, sheet "${sheet}"${cell ? `, cell ${cell}` : ''}`,
  folder: 'the group folder',
  suggest: (value: string) => `Suggested: "${value}".`,
  more: (_total: number, rest: number) => ` and ${rest} more`,
  record: (kind: string, id: string) => `${kind} ${id}`,
  refusedFix: 'Correct it as the reasons say and hand it in again.',
  handIn: 'Hand in the activity account, the pictures and the written summary.',
  returnedWhat: (record: string, reason: string) => `${record} was returned: ${reason}`,
  returnedFix: 'Correct it as the reason says and hand it in again.',
  changedFix: 'Changed since it was returned: received, to be reviewed again (nothing more to do).',
  noReason: 'no reason given',
  sender: (unit: string, title: string) => `Coordination office of the campaign "${title}", ${unit}`,
  nothingRow: 'nothing to correct',
  wrote: (n: number, toFix: number) =>
    `wrote ${n === 1 ? '1 feedback sheet' : `${n} feedback sheets`}: ${toFix} with something to correct, ${n - toFix} with nothing`,
  ledgersLog: (note: LedgersNote, file: string): string =>
    ({
      current: '',
      stale: 'the ledgers are out of date: the sheets leave out the supervision findings (run `ledger merge`, then again)',
      none: 'not merged yet: the sheets leave out the supervision findings (run `ledger merge`, then again)',
      edited: `${file} was changed by hand after the merge: the sheets leave out the supervision findings (run \`ledger merge\`, then again)`,
    })[note],
};

type Words = typeof en;

const zh: Words = {
  title: '问题反馈单',
  fileName: (group) => `${group}-问题反馈单`,
  salutation: (name) => `${name}：`,
  // A judicial office is 你所, a work group 你组.
  intro: (deadline, asOf, left, office) =>
    left >= 0
      ? `经对${office ? '你所' : '你组'}报送的材料进行检查，现将发现的问题反馈如下，请逐项改正后于${proseDate(deadline, 'zh-CN')}前重新报送（截至${proseDate(asOf, 'zh-CN')}，${days(left, 'zh-CN')}）。`
      : `经对${office ? '你所' : '你组'}报送的材料进行检查，现将发现的问题反馈如下，请逐项改正后尽快重新报送（报送截止日为${proseDate(deadline, 'zh-CN')}，截至${proseDate(asOf, 'zh-CN')}${days(left, 'zh-CN')}）。`,
  clean: (office) => `经检查，${office ? '你所' : '你组'}报送的材料未发现需要改正的问题。`,
  ledgers: (note, file) =>
    ({
      current: '',
      stale: '各组报送的文件在上次合并后又有改动，台账尚未更新，本单暂未列入督导检查发现的问题和未能合并的记录，待重新合并后另行反馈。',
      none: '台账尚未合并，本单暂未列入督导检查发现的问题，待合并后另行反馈。',
      edited: `台账文件 ${file} 在合并后被手工改动，本单暂未列入督导检查发现的问题和未能合并的记录，待重新合并后另行反馈。`,
    })[note],
  deadline: (deadline, asOf, left) =>
    `报送截止日：${proseDate(deadline, 'zh-CN')}（截至${proseDate(asOf, 'zh-CN')}，${days(left, 'zh-CN')}）`,
  stop: '。',
  sections: {
    problems: (errors, warnings) =>
      `记录填写问题（${[errors ? `须改正${errors}处` : '', warnings ? `请核实${warnings}处` : ''].filter(Boolean).join('，')}）`,
    findings: '督导检查发现的问题',
    refused: '未能合并的记录',
    returned: '审核退回的记录',
  },
  numbered: (i, title) => `${'一二三四五六七八九十'[i - 1] ?? String(i)}、${title}`,
  head: { no: '序号', kind: '类别', where: '位置', what: '问题', fix: '改正方法', records: '涉及记录' },
  severity: { error: '须改正', warning: '请核实' },
  findingSeverity: { error: '须补课', warning: '提醒' },
  kinds: { error: '填写错误', warning: '填写提醒', finding: '督导检查', refused: '未能合并', returned: '审核退回', note: '说明' },
  line: (file, line) => (line > 0 ? `${file} 第${line}行` : file),
  row: (workbook, sheet, row) => `${workbook} 工作表“${sheet}”第${row}行`,
  sheet: (file, sheet, cell) => `${file} 工作表“${sheet}”${cell ? `${cell}单元格` : ''}`,
  folder: '本组文件夹',
  suggest: (value) => `建议改为“${value}”。`,
  more: (total) => `等${total}条`,
  record: (kind, id) => `${kind} ${id}`,
  refusedFix: '按所列原因改正后重新报送。',
  handIn: '请按要求报送活动台账、图片资料和文字总结。',
  returnedWhat: (record, reason) => `${record} 被退回：${reason}`,
  returnedFix: '按退回原因改正后重新报送。',
  changedFix: '退回后已修改，待重新审核（无需再改）。',
  noReason: '未写明原因',
  sender: (unit, title) => `${unit}${title}协调小组办公室`,
  nothingRow: '未发现需要改正的问题',
  wrote: (n, toFix) => `已生成 ${n} 份问题反馈单：${toFix} 个组有须改正的问题，${n - toFix} 个组没有`,
  ledgersLog: (note, file) =>
    ({
      current: '',
      stale: '台账已过时，反馈单未列入督导检查发现的问题（请运行 ledger merge 后重新生成）',
      none: '尚未合并，反馈单未列入督导检查发现的问题（请运行 ledger merge 后重新生成）',
      edited: `台账文件 ${file} 在合并后被改动过，反馈单未列入督导检查发现的问题（请运行 ledger merge 后重新生成）`,
    })[note],
};

export function feedbackWords(lang: Lang): Words {
  return lang === 'zh-CN' ? zh : en;
}
