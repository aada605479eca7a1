// Every subcommand, in the order `ledger --help` lists them: its arguments, options, help text
// in both languages and examples. Only this table and commander load at start-up; a command's
// code (and whatever heavy library it needs: exceljs, docx, handlebars, ajv) is imported when
// that command runs, so `ledger --version` or `ledger validate` never pays for the workbook.
import { Option, type Command } from 'commander';
import type { Lang } from '../messages/words.js';
import type { Runtime } from './runtime.js';

type Words = { en: string; zh: string };

interface OptionDef {
  flags: string;
  help: Words;
  default?: string;
}

export interface CommandDef {
  name: string;
  args?: { spec: string; help: Words; default?: string }[];
  help: Words;
  options: OptionDef[];
  examples: string[];
  /** The command's module under cli/run/, loaded when it runs. */
  run: () => Promise<{ run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): Promise<void> | void }>;
}

const FORMAT = (formats: string): OptionDef => ({ flags: '--format <format>', help: { en: formats, zh: formats.replace(' or ', ' 或 ') } });
const LANG: OptionDef = {
  flags: '--lang <lang>',
  help: { en: 'zh-CN or en (default: the campaign locale)', zh: 'zh-CN 或 en（默认：活动设定的语言）' },
};
const AS_OF: OptionDef = {
  flags: '--as-of <date>',
  help: { en: 'the date the rules count from as today (YYYY-MM-DD)', zh: '按哪一天计算（年-月-日，默认今天）' },
};
const MERGE: OptionDef = { flags: '--merge', help: { en: 'run `ledger merge` first', zh: '先运行 ledger merge' } };
const GROUP: OptionDef = { flags: '--group <id>', help: { en: 'only this group', zh: '只看这一组' } };

export const COMMANDS: CommandDef[] = [
  {
    name: 'init',
    args: [
      {
        spec: '[dir]',
        help: { en: 'the folder to create (default: the current folder)', zh: '要创建的文件夹（默认：当前文件夹）' },
        default: '.',
      },
    ],
    help: {
      en: 'create a new campaign folder: ledger.yaml, group folders, schemas and editor settings',
      zh: '新建活动文件夹：ledger.yaml、各组文件夹、schema 和编辑器设置',
    },
    options: [
      {
        flags: '--lang <lang>',
        help: { en: 'zh-CN or en: the language of the files, the exports and the report', zh: 'zh-CN 或 en：文件、导出表格和报告的语言' },
        default: 'zh-CN',
      },
      { flags: '--unit <name>', help: { en: 'the unit running the campaign', zh: '开展活动的单位' } },
      { flags: '--groups <n>', help: { en: 'how many work groups to start with', zh: '先建几个工作组' }, default: '5' },
      {
        flags: '--force',
        help: {
          en: 'add the missing files to a folder that is not empty (nothing is overwritten)',
          zh: '在非空文件夹中只补上缺少的文件（不覆盖已有文件）',
        },
      },
    ],
    examples: ['ledger init campaign-2014 --unit 河东区司法局 --groups 5', 'ledger init district --lang en --groups 3'],
    run: () => import('./run/init.js'),
  },
  {
    name: 'new',
    args: [
      {
        spec: '<kind>',
        help: {
          en: 'visit | opinion | info | appeal | stability | hardship',
          zh: '记录种类：活动台账 | 下基层听意见台账 | 民情信息采集台账 | 民生诉求登记卡 | 维稳工作登记卡 | 困难群众登记卡（或英文代码）',
        },
      },
    ],
    help: {
      en: "write a new record for a group from a template, with the next free id; prints the file's path",
      zh: '按模板为某组生成一条新记录（自动取下一个编号），并显示文件路径',
    },
    options: [
      { flags: '--group <id>', help: { en: 'the group (default: the group folder you are in)', zh: '哪个组（默认：当前所在的组文件夹）' } },
      { flags: '--date <date>', help: { en: 'the date of the record (default: today)', zh: '记录日期（默认：今天）' } },
      {
        flags: '--with <kinds>',
        help: {
          en: 'with a visit: records heard on it, e.g. opinions=3 or opinions=2,appeal=1',
          zh: '随活动一起生成的记录，如 opinions=3 或 opinions=2,appeal=1',
        },
      },
      LANG,
    ],
    examples: [
      'ledger new visit --group g1 --with opinions=3',
      'ledger new appeal --group g2 --date 2014-04-25',
      'cd groups/g3 && ledger new 困难群众登记卡',
    ],
    run: () => import('./run/new.js'),
  },
  {
    name: 'validate',
    args: [
      {
        spec: '[paths...]',
        help: {
          en: 'group folders, record files or returned workbooks; default: the whole campaign',
          zh: '组文件夹、记录文件或交回的表格；默认：整个活动',
        },
      },
    ],
    help: {
      en: "check every group's records (or just the named group folders or files)",
      zh: '检查各组的记录（或只检查指定的组文件夹、文件）',
    },
    options: [
      { ...FORMAT('text or json'), default: 'text' },
      { flags: '--strict', help: { en: 'warnings fail too (exit 1)', zh: '有警告也算不通过（退出码 1）' } },
      { flags: '-q, --quiet', help: { en: 'show errors only (the exit code is unchanged)', zh: '只显示错误（退出码不变）' } },
      LANG,
    ],
    examples: [
      'ledger validate',
      'ledger validate groups/g2',
      'ledger validate 第二组.xlsx',
      'ledger validate --format json > problems.json',
    ],
    run: () => import('./run/validate.js'),
  },
  {
    name: 'template',
    help: {
      en: 'write an Excel workbook for each group to fill in (sheets, drop-downs and instructions from the record format)',
      zh: '为各组生成填报用的 Excel 表格（按记录格式生成各表、下拉列表和填表说明）',
    },
    options: [
      { flags: '--group <id>', help: { en: 'only this group', zh: '只生成这一组的' } },
      {
        flags: '--records',
        help: { en: "fill in the group's current records (to keep working in Excel)", zh: '填入该组现有的记录（以便继续在 Excel 中填写）' },
      },
      {
        flags: '--out <path>',
        help: {
          en: 'the folder to write into (default exports/templates/); with --group, may name the .xlsx',
          zh: '输出文件夹（默认 exports/templates/）；加 --group 时可指定 .xlsx 文件',
        },
      },
      { ...FORMAT('text or json'), default: 'text' },
      LANG,
    ],
    examples: ['ledger template', 'ledger template --group g2 --records --out g2.xlsx'],
    run: () => import('./run/template.js'),
  },
  {
    name: 'import',
    args: [
      {
        spec: '<files...>',
        help: { en: 'returned workbooks (.xlsx; .xls and .et are converted)', zh: '交回的表格（.xlsx；.xls 和 .et 会自动转换）' },
      },
    ],
    help: {
      en: "check returned workbooks and write their records into the groups' imported/ folders (nothing while any error remains)",
      zh: '检查交回的表格，并把其中的记录写入各组的 imported/ 文件夹（有错误时不写入）',
    },
    options: [
      { flags: '--group <id>', help: { en: 'accept only workbooks of this group', zh: '只接受这一组的表格' } },
      { flags: '--dry-run', help: { en: 'show what would be written, write nothing', zh: '只显示将写入什么，不写入' } },
      {
        flags: '--replace',
        help: {
          en: 'replace the earlier import of the same template even when the workbook keeps none of its records',
          zh: '表格中没有上次导入的任何记录时，仍用它整体替换',
        },
      },
      { ...FORMAT('text or json'), default: 'text' },
      LANG,
    ],
    examples: ['ledger import 第二组.xlsx', 'ledger import returned/*.xlsx --dry-run'],
    run: () => import('./run/import.js'),
  },
  {
    name: 'merge',
    help: {
      en: "build ledgers/ from every group's folder (refuses while any record has an error)",
      zh: '把各组的记录合并成台账 ledgers/（有错误时不合并）',
    },
    options: [
      { ...FORMAT('text or json'), default: 'text' },
      {
        flags: '--allow-invalid',
        help: {
          en: 'merge the valid records anyway; refused ones go to ledgers/rejected.yaml',
          zh: '只合并无误的记录，有误的列入 ledgers/rejected.yaml',
        },
      },
      {
        flags: '--no-cache',
        help: { en: 'check every file again instead of reusing ledgers/.cache/', zh: '不使用 ledgers/.cache/ 缓存，重新检查全部文件' },
      },
      {
        flags: '--jobs <n>',
        help: {
          en: 'worker threads for checking files (default: the cores, up to 4; 1: none)',
          zh: '并行线程数（默认：处理器核数，最多 4；1 表示不并行）',
        },
      },
      LANG,
    ],
    examples: ['ledger merge', 'ledger merge --allow-invalid', 'ledger -C examples/zh-CN merge --format json'],
    run: () => import('./run/merge.js'),
  },
  {
    name: 'audit',
    help: { en: 'check the supervision rules; list the groups that must make up their work', zh: '按督导规则检查，列出须补课的小组' },
    options: [AS_OF, GROUP, { ...FORMAT('text or json'), default: 'text' }, LANG, MERGE],
    examples: ['ledger audit --as-of 2014-05-24', 'ledger audit --group g3 --format json'],
    run: () => import('./run/audit.js'),
  },
  {
    name: 'status',
    help: {
      en: 'who has handed in what, and the days to the deadlines (reads the group folders; no merge needed)',
      zh: '各组报送了什么、离截止还有几天（直接读各组文件夹，无需先合并）',
    },
    options: [AS_OF, { ...FORMAT('text or json'), default: 'text' }, LANG],
    examples: ['ledger status', 'ledger status --as-of 2014-05-20 --format json'],
    run: () => import('./run/status.js'),
  },
  {
    name: 'feedback',
    args: [
      {
        spec: '[group...]',
        help: { en: 'the groups to write a sheet for (default: every group)', zh: '为哪些组生成（默认：全部组）' },
      },
    ],
    help: {
      en: "write each group a feedback sheet of what to correct: the group's problems, audit findings, refused and returned records",
      zh: '为各组生成问题反馈单：记录中的问题、督导发现的问题、未能合并和审核退回的记录，及改正方法',
    },
    options: [
      {
        flags: '--format <format>',
        help: { en: 'docx, md or xlsx', zh: 'docx、md 或 xlsx' },
        default: 'docx',
      },
      {
        flags: '--out <dir>',
        help: { en: 'the folder to write into (default: exports/feedback/)', zh: '输出文件夹（默认：exports/feedback/）' },
      },
      AS_OF,
      {
        flags: '--lang <lang>',
        help: { en: 'zh-CN or en (default: the campaign locale, the language of the groups)', zh: 'zh-CN 或 en（默认：活动设定的语言）' },
      },
    ],
    examples: ['ledger feedback --as-of 2014-05-24', 'ledger feedback g2 g3 --format xlsx', 'ledger feedback --format md --out feedback'],
    run: () => import('./run/feedback.js'),
  },
  {
    name: 'review',
    args: [
      {
        spec: '<action...>',
        help: {
          en: 'approve, return, list or clear, then the ledger ids of the records (g2/o3 …)',
          zh: 'approve（审核通过）、return（退回）、list（列出）或 clear（撤销审核），后接记录的台账编号（如 g2/o3）',
        },
      },
    ],
    help: {
      en: 'record review states in reviews.yaml: approve records, return them to their group with a reason, list or clear them',
      zh: '在 reviews.yaml 中记录审核情况：审核通过、退回（写明原因）、列出或撤销',
    },
    options: [
      { flags: '--note <text>', help: { en: 'approve: a note kept with the review', zh: 'approve：审核备注' } },
      { flags: '--reason <text>', help: { en: 'return: what the group must correct (required)', zh: 'return：退回原因（必填）' } },
      {
        flags: '--date <date>',
        help: { en: 'approve, return: the review date (default: today)', zh: 'approve、return：审核日期（默认：今天）' },
      },
      { flags: '--group <id>', help: { en: 'list: only this group', zh: 'list：只列这一组' } },
      {
        flags: '--state <state>',
        help: {
          en: 'list: approved, returned, changed, unreviewed or removed',
          zh: 'list：approved（已通过）、returned（已退回）、changed（审核后有改动）、unreviewed（未审核）或 removed（记录已删除）',
        },
      },
      { flags: '--format <format>', help: { en: 'list: text or json', zh: 'list：text 或 json' }, default: 'text' },
      LANG,
      MERGE,
    ],
    examples: [
      'ledger review approve g1/o3 g1/o4 --note 已核实',
      'ledger review return g2/o2 --reason "整改时限已过，请补充整改结果"',
      'ledger review list --group g2 --state changed',
      'ledger review clear g1/o4',
    ],
    run: () => import('./run/review.js'),
  },
  {
    name: 'export',
    help: { en: 'write the ledgers as an Excel workbook for the party group', zh: '把台账导出为 Excel 工作簿，报党组' },
    options: [
      {
        flags: '--out <file>',
        help: {
          en: 'the .xlsx to write (default: exports/<campaign>-<date>.xlsx)',
          zh: '输出的 .xlsx 文件（默认：exports/<活动名称>-<日期>.xlsx）',
        },
      },
      LANG,
      {
        flags: '--redact',
        help: { en: 'mask ID numbers and phone numbers everywhere in the workbook', zh: '隐去身份证号码和电话号码的部分数字' },
      },
      GROUP,
      AS_OF,
      {
        flags: '--reviewed-only',
        help: {
          en: 'only records approved in review and unchanged since (ledger review)',
          zh: '只导出审核通过且审核后未改动的记录（见 ledger review）',
        },
      },
      MERGE,
    ],
    examples: [
      'ledger export --as-of 2014-05-24',
      'ledger export --lang en --redact --out exports/ledgers-en.xlsx',
      'ledger export --group g3',
    ],
    run: () => import('./run/export.js'),
  },
  {
    name: 'report',
    help: {
      en: 'write the summary report for the party group (Markdown, html or Word)',
      zh: '生成报党组的书面报告（Word、网页或 Markdown）',
    },
    options: [
      {
        flags: '--out <file>',
        help: {
          en: 'the file to write (default: exports/<campaign>-<date>-report.<format>)',
          zh: '输出文件（默认：exports/<活动名称>-<日期>-报告.<格式>）',
        },
      },
      {
        flags: '--format <format>',
        help: { en: 'md, html or docx (default: from --out, else html)', zh: 'md、html 或 docx（默认：按 --out 的扩展名，否则 html）' },
      },
      LANG,
      AS_OF,
      {
        flags: '--template <file>',
        help: {
          en: "a Handlebars template of the office's own (see docs/templates.md)",
          zh: '使用本单位自己的模板（见 docs/templates.md）',
        },
      },
      MERGE,
    ],
    examples: [
      'ledger report --as-of 2014-05-25',
      'ledger report --format docx --out exports/report.docx',
      'ledger report --lang en --format md',
      'ledger report --template my-report.html.hbs --format html',
    ],
    run: () => import('./run/report.js'),
  },
  {
    name: 'schema',
    args: [
      {
        spec: '[name]',
        help: {
          en: 'campaign | visit | opinion | info | appeal | stability | hardship | record',
          zh: 'campaign | visit | opinion | info | appeal | stability | hardship | record',
        },
      },
    ],
    help: {
      en: 'print a JSON Schema of the campaign format, or write them all for editors and other tools',
      zh: '显示活动格式的 JSON Schema，或全部写出供编辑器和其他工具使用',
    },
    options: [
      { flags: '--out <dir>', help: { en: 'write every schema file into this folder', zh: '把全部 schema 文件写入该文件夹' } },
      LANG,
    ],
    examples: ['ledger schema --out schemas', 'ledger schema opinion > opinion.schema.json'],
    run: () => import('./run/schema.js'),
  },
];

/** Adds every command to the program, worded in `lang`; `rt` gives the runtime once options are parsed. */
export function registerCommands(program: Command, lang: Lang, rt: () => Runtime): void {
  const w = (x: Words) => (lang === 'zh-CN' ? x.zh : x.en);
  for (const def of COMMANDS) {
    const cmd = program.command(def.name).description(w(def.help));
    for (const a of def.args ?? []) cmd.argument(a.spec, w(a.help), a.default);
    for (const o of def.options) {
      const option = new Option(o.flags, w(o.help));
      if (o.default !== undefined) option.default(o.default);
      cmd.addOption(option);
    }
    const examples = def.examples.map((e) => `  $ ${e}`).join('\n');
    cmd.addHelpText('after', `\n${lang === 'zh-CN' ? '示例：' : 'Examples:'}\n${examples}`);
    cmd.action(async (...params: unknown[]) => {
      const opts = params[params.length - 2] as Record<string, unknown>;
      const args = params.slice(0, -2);
      const mod = await def.run();
      await mod.run(rt(), args, opts);
    });
  }
}
