// `ledger init` and `ledger new` as a group member would use them: init a campaign, write a
// skeleton of every kind, fill in only the lines its comments say, and validate clean.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, RECORD_SPECS, type RecordKind, type Spec } from '../../src/schema/spec.js';
import { copyCampaign, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/campaign.js';

const DATE = '2026-12-01'; // inside the period init writes when "today" is 2026-11-26..
const LANGS = ['zh-CN', 'en'] as const;

/** A valid value for each field a skeleton asks to fill in, in the file's language. */
const FILL: Record<string, { zh: string; en: string }> = {
  pattern: { zh: '下基层', en: 'grassroots' },
  methods: { zh: '[座谈会]', en: '[symposium]' },
  channel: { zh: '当面', en: 'face-to-face' },
  kind: { zh: '群众', en: 'masses' },
  category: { zh: '形式主义', en: 'formalism' },
  about: { zh: '科室', en: 'department' },
  topic: { zh: '就业', en: 'employment' },
  type: { zh: '邻里', en: 'neighbour' },
  risk: { zh: '低', en: 'low' },
  categories: { zh: '[空巢老人]', en: '[empty-nester]' },
  due: { zh: '2026-12-31', en: '2026-12-31' },
};

function fillIn(text: string, lang: (typeof LANGS)[number]): string {
  const zh = lang === 'zh-CN';
  const marker = zh ? '# 填写' : '# fill in';
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes(marker)) return line;
      if (/\{ kind: "", count: 0 \}/.test(line))
        return line.replace('{ kind: "", count: 0 }', `{ kind: ${zh ? '群众' : 'masses'}, count: 5 }`);
      const m = /^(\s*(?:- )?)(\w+): (""|\[\])(\s+#.*)$/.exec(line);
      if (!m) throw new Error(`a fill-in line the test does not know: ${line}`);
      const value = FILL[m[2] as string];
      return `${m[1]}${m[2]}: ${value ? (zh ? value.zh : value.en) : zh ? '"测试内容"' : '"Test text"'}${m[4]}`;
    })
    .join('\n');
}

async function initCampaign(lang: (typeof LANGS)[number]): Promise<string> {
  const dir = path.join(tempDir(), 'campaign');
  const run = await runCli(
    ['init', dir, '--lang', lang, '--groups', '2', '--unit', lang === 'zh-CN' ? '河东区司法局' : 'District Bureau'],
    { cwd: REPO },
  );
  expect(run.code, run.stderr).toBe(0);
  // A fixed period, so the dates of the test are inside it whatever day it runs.
  const plan = readFileSync(path.join(dir, 'ledger.yaml'), 'utf8')
    .replace(/period: \{ start: \S+, end: \S+ \}/, 'period: { start: 2026-11-01, end: 2027-01-31 }')
    .replace(/groups: \d{4}-\d{2}-\d{2}/, 'groups: 2027-01-20')
    .replace(/report: \d{4}-\d{2}-\d{2}/, 'report: 2027-01-25');
  writeFileSync(path.join(dir, 'ledger.yaml'), plan);
  return dir;
}

/** Every property path of a spec: `source.kind`, `audiences[].count`, … */
function paths(spec: Spec, prefix = ''): string[] {
  if (spec.t === 'object') return Object.entries(spec.props).flatMap(([k, v]) => [`${prefix}${k}`, ...paths(v, `${prefix}${k}.`)]);
  if (spec.t === 'list') return paths(spec.item, prefix);
  return [];
}

describe('ledger init', () => {
  for (const lang of LANGS) {
    it(`creates a ${lang} campaign that validates, with editor support`, async () => {
      const dir = await initCampaign(lang);
      for (const f of [
        'ledger.yaml',
        'groups/g1/README.md',
        'groups/g2/README.md',
        '.vscode/settings.json',
        '.vscode/extensions.json',
        '.gitignore',
        'schemas/record.schema.json',
        'schemas/campaign.schema.json',
      ]) {
        expect(existsSync(path.join(dir, f)), f).toBe(true);
      }
      const settings = JSON.parse(readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8')) as {
        'yaml.schemas': Record<string, string[]>;
      };
      for (const schema of Object.keys(settings['yaml.schemas'])) expect(existsSync(path.join(dir, schema)), schema).toBe(true);
      const plan = readFileSync(path.join(dir, 'ledger.yaml'), 'utf8');
      expect(plan.split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/campaign.schema.json');
      expect((parse(plan) as { locale: string }).locale).toBe(lang);
      expect(readFileSync(path.join(dir, 'groups/g1/README.md'), 'utf8')).toContain('2027-01-');
      const v = await runCli(['validate'], { cwd: dir });
      expect(v.code, v.stdout).toBe(0);
    });
  }

  it('refuses a folder that is not empty, and with --force adds only what is missing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ledger.yaml'), '# mine\n');
    const refused = await runCli(['init', dir], { cwd: REPO });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty: .*--force/);
    const forced = await runCli(['init', dir, '--force'], { cwd: REPO });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'ledger.yaml'), 'utf8')).toBe('# mine\n');
    expect(forced.stderr).toMatch(/kept 1 existing file as it was: ledger.yaml/);
    expect(existsSync(path.join(dir, 'groups/g5/README.md'))).toBe(true);
  });

  it('checks its options', async () => {
    expect((await runCli(['init', tempDir(), '--groups', 'x'], { cwd: REPO })).stderr).toMatch(
      /--groups needs a whole number from 1 to 99/,
    );
    expect((await runCli(['init', tempDir(), '--lang', 'fr'], { cwd: REPO })).code).toBe(2);
  });
});

describe('ledger new', () => {
  for (const lang of LANGS) {
    for (const kind of RECORD_KINDS) {
      it(`writes a ${lang} ${kind} skeleton that validates once filled in where its comments say`, async () => {
        const dir = await initCampaign(lang);
        const run = await runCli(['new', kind, '--group', 'g1', '--date', DATE], { cwd: dir });
        expect(run.code, run.stderr).toBe(0);
        const rel = run.stdout.trim();
        expect(rel).toMatch(new RegExp(`^groups/g1/[a-z]+/${DATE}-[a-z]1\\.yaml$`));
        const file = path.join(dir, rel);
        const text = readFileSync(file, 'utf8');
        expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schemas\/record\.schema\.json$/);

        // Unfilled, it fails only because of what is left to fill in.
        const before = JSON.parse((await runCli(['validate', '--format', 'json'], { cwd: dir })).stdout) as {
          diagnostics: { code: string }[];
        };
        expect(before.diagnostics.length).toBeGreaterThan(0);
        expect(new Set(before.diagnostics.map((d) => d.code))).toEqual(
          new Set(before.diagnostics.map((d) => d.code).filter((c) => ['empty-value', 'missing-field', 'invalid-value'].includes(c))),
        );

        writeFileSync(file, fillIn(text, lang));
        const after = await runCli(['validate'], { cwd: dir });
        expect(after.stdout).toMatch(lang === 'zh-CN' ? /0 个错误，0 个警告/ : /0 errors, 0 warnings/);
        expect(after.code).toBe(0);
      });
    }
  }

  it('writes a visit with opinions heard on it, and the next ids after what is there', async () => {
    const dir = await initCampaign('zh-CN');
    const first = await runCli(['new', 'visit', '--group', 'g1', '--date', DATE, '--with', 'opinions=2'], { cwd: dir });
    expect(first.stderr).toMatch(/已生成 v1、o1、o2/);
    const file = path.join(dir, first.stdout.trim());
    writeFileSync(file, fillIn(readFileSync(file, 'utf8'), 'zh-CN'));
    const second = await runCli(['new', '活动台账', '--date', DATE, '--with', 'opinion=1,appeals=1'], { cwd: path.join(dir, 'groups/g1') });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(`visits/${DATE}-v2.yaml\n`);
    expect(second.stderr).toMatch(/已生成 v2、o3、a1/);
    const docs = readFileSync(path.join(dir, 'groups/g1', second.stdout.trim()), 'utf8').split(/^---$/m);
    expect(docs.map((d) => /^visit: (\S+)/m.exec(d)?.[1] ?? null)).toEqual([null, 'v2', 'v2']);
    writeFileSync(path.join(dir, 'groups/g1', second.stdout.trim()), fillIn(docs.join('---'), 'zh-CN'));
    const merged = await runCli(['merge'], { cwd: dir });
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
  });

  it('takes the short names a clerk says (活动, 意见, 走访…) for the kinds', async () => {
    const dir = await initCampaign('zh-CN');
    for (const [said, folder] of [
      ['意见', 'opinions/'],
      ['走访', 'visits/'],
      ['困难', 'cards/'],
    ] as const) {
      const run = await runCli(['new', said, '--group', 'g1', '--date', DATE], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`groups/g1/${folder}`);
    }
  });

  it('says what is wrong with its arguments, with the nearest name', async () => {
    const dir = await initCampaign('en');
    const cases: [string[], RegExp][] = [
      [['new', 'opinon', '--group', 'g1'], /no record kind "opinon"; did you mean "opinion"\?/],
      [['new', 'visit', '--group', 'g3x'], /no group "g3x" in ledger.yaml; did you mean "g1"\?|no group "g3x" in ledger.yaml/],
      [['new', 'visit'], /name the group with --group \(one of: g1, g2\)/],
      [['new', 'appeal', '--group', 'g1', '--with', 'opinions=1'], /--with adds records heard on a visit/],
      [['new', 'visit', '--group', 'g1', '--with', 'visits=1'], /"visits" is not a kind to add to a visit/],
      [['new', 'visit', '--group', 'g1', '--date', '2026-02-30'], /--date needs a date/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, { cwd: dir });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('works in a campaign without schemas/ (no schema line then)', async () => {
    const dir = copyCampaign('en');
    const run = await runCli(['new', 'info', '--group', 'g1', '--date', '2014-04-25'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, run.stdout.trim()), 'utf8')).toMatch(/^kind: info/);
  });
});

describe('templates/new', () => {
  it('mention every field of FORMAT.md for their kind, in both languages', () => {
    for (const kind of RECORD_KINDS as readonly RecordKind[]) {
      for (const lang of LANGS) {
        const text = readFileSync(path.join(REPO, 'templates/new', `${kind}.${lang}.yaml.hbs`), 'utf8');
        const keys = new Set([...text.matchAll(/^[\s#-]*(?:\{\{[^}]*\}\}[\s#]*)?(?:\{ )?(\w+):/gm)].map((m) => m[1]));
        for (const line of text.replace(/\{\{[^}]*\}\}/g, 'x').matchAll(/\{ ([^}]*) \}/g))
          for (const k of (line[1] as string).matchAll(/(\w+):/g)) keys.add(k[1]);
        const missing = paths(RECORD_SPECS[kind])
          .map((p) => p.split('.').pop() as string)
          .filter((k) => !keys.has(k));
        expect(missing, `${kind}.${lang}`).toEqual([]);
      }
    }
  });
});
