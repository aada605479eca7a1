// `ledger init` as a library: a new campaign folder from templates/, ready for groups to fill
// in, with the schemas bound in the editor. It never overwrites a file that is already there.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../messages/errors.js';
import { writeSchemas } from '../write/writeSchemas.js';
import { writing } from '../write/writing.js';
import { renderBuiltIn } from '../render/templates.js';
import { addDays } from '../util/dates.js';
import type { Locale } from '../schema/vocab.js';
import { alignComments } from './alignComments.js';
import { scalar } from '../yaml/emit.js';

export interface InitOptions {
  lang: Locale;
  unit?: string;
  groups: number;
  force: boolean;
  today: string;
}

export interface InitResult {
  created: string[];
  /** Files that were already there and were left as they are (only with --force). */
  kept: string[];
}

const ZH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Editor settings: the YAML extension validates and completes with the campaign's schemas. */
export const VSCODE_SETTINGS = `${JSON.stringify(
  {
    'yaml.schemas': {
      './schemas/campaign.schema.json': ['ledger.yaml'],
      './schemas/record.schema.json': ['groups/**/*.yaml', 'groups/**/*.yml'],
    },
    'yaml.validate': true,
    'yaml.completion': true,
    'yaml.hover': true,
    'files.encoding': 'utf8',
    '[yaml]': { 'editor.insertSpaces': true, 'editor.tabSize': 2 },
  },
  null,
  2,
)}\n`;

const EXTENSIONS = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;
const GITIGNORE = '# written by ledger: exports are made again at will, the cache is safe to delete\nexports/\nledgers/.cache/\n';

function groupView(i: number, lang: Locale) {
  const zh = lang === 'zh-CN';
  const name = zh ? `第${ZH_NUMBERS[i - 1] ?? String(i)}组` : `Group ${i}`;
  return {
    id: `g${i}`,
    name: scalar(name),
    plainName: name,
    leader: scalar(zh ? `${name}组长` : `${name} leader`),
    member: scalar(zh ? `${name}组员` : `${name} member`),
  };
}

export function initCampaign(dir: string, options: InitOptions): InitResult {
  if (!Number.isInteger(options.groups) || options.groups < 1 || options.groups > 99) {
    throw new LedgerError('bad-number', { option: 'groups', min: 1, max: 99, got: String(options.groups) });
  }
  if (existsSync(dir) && readdirSync(dir).length > 0 && !options.force) {
    throw new LedgerError('not-empty', { dir });
  }
  const zh = options.lang === 'zh-CN';
  const start = options.today;
  const end = addDays(start, 53);
  const groups = Array.from({ length: options.groups }, (_, i) => groupView(i + 1, options.lang));
  const title = zh ? '下基层听意见主题活动' : 'Going to the grassroots to listen to opinions';
  const view = {
    title: scalar(title),
    unit: scalar(options.unit ?? (zh ? 'XX区司法局' : 'District Judicial Bureau')),
    start,
    end,
    groupsDeadline: addDays(end, -9),
    reportDeadline: addDays(end, -6),
    groups,
  };

  const result: InitResult = { created: [], kept: [] };
  const write = (rel: string, content: string) => {
    const file = path.join(dir, rel);
    if (existsSync(file)) {
      result.kept.push(rel);
      return;
    }
    writing(file, () => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content, { flag: 'wx' });
    });
    result.created.push(rel);
  };

  writing(dir, () => mkdirSync(dir, { recursive: true }));
  write('ledger.yaml', alignComments(renderBuiltIn(`init/ledger.${options.lang}.yaml.hbs`, view), 44));
  for (const g of groups) {
    write(
      `groups/${g.id}/README.md`,
      renderBuiltIn(`init/group-README.${options.lang}.md.hbs`, { ...g, name: g.plainName, title, groupsDeadline: view.groupsDeadline }),
    );
    const photos = path.join(dir, 'groups', g.id, 'photos');
    writing(photos, () => mkdirSync(photos, { recursive: true }));
  }
  write('.vscode/settings.json', VSCODE_SETTINGS);
  write('.vscode/extensions.json', EXTENSIONS);
  write('.gitignore', GITIGNORE);
  // The schemas go with the campaign, so editors find them offline and on every machine.
  if (!existsSync(path.join(dir, 'schemas'))) {
    for (const file of writeSchemas(path.join(dir, 'schemas'))) result.created.push(path.relative(dir, file).split(path.sep).join('/'));
  } else result.kept.push('schemas/');
  return result;
}
