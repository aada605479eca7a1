// README.md is the front door: the two commands a newcomer runs, the workflow, the commands, and
// links into docs/. Every command it shows and every option it names must exist; every relative
// link of the README and of docs/ must lead to a file of the repository (a clone has nothing
// outside it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { REPO } from '../helpers/campaign.js';

const README = readFileSync(path.join(REPO, 'README.md'), 'utf8');
const GLOBAL = ['-C', '--no-color', '--verbose', '-h', '--help', '-V', '--version'];
const names = (flags: string) => flags.split(/[ ,]+/).filter((f) => f.startsWith('-'));
const OPTIONS = new Map(COMMANDS.map((c) => [c.name, new Set([...c.options.flatMap((o) => names(o.flags)), ...GLOBAL])]));
const ALL_OPTIONS = new Set([...COMMANDS.flatMap((c) => c.options.flatMap((o) => names(o.flags))), ...GLOBAL]);
const PAGES = ['format.md', 'rules.md', 'diagnostics.md', 'ledgers.md', 'templates.md', 'architecture.md', '使用说明.md'];

describe('README.md', () => {
  it('keeps the two commands, and the Install and Speed sections', () => {
    expect(README).toContain('npm ci && npm run demo');
    expect(README).toContain('npm ci && npm test');
    expect(README).toMatch(/^## Install$/m);
    expect(README).toMatch(/^## Speed$/m);
  });

  it('points Chinese readers to the manual and links every page of docs/', () => {
    expect(README).toMatch(/[\u4e00-\u9fff].*\]\(docs\/使用说明\.md\)/);
    for (const page of PAGES) expect(README, page).toContain(`](docs/${page})`);
    expect(readdirSync(path.join(REPO, 'docs')).sort()).toEqual([...PAGES].sort());
  });

  it('lists every command in its table, each with options that command has', () => {
    for (const c of COMMANDS) {
      const row = README.split('\n').find((l) => l.startsWith(`| \`ledger ${c.name}`));
      expect(row, c.name).toBeDefined();
      const options = [...row!.split('|')[3]!.matchAll(/`(--?[a-zA-Z][a-z-]*)/g)].map((m) => m[1]!);
      for (const o of options) expect(OPTIONS.get(c.name)!.has(o), `${c.name} ${o}`).toBe(true);
    }
  });

  it('the workflow’s commands exist with the options shown', () => {
    const block = /## The clerk's workflow\n\n```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => l.startsWith('ledger '));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const words = line
        .replace(/\s+#.*$/, '')
        .split(/\s+/)
        .slice(1);
      const options = OPTIONS.get(words[0]!);
      expect(options, line).toBeDefined();
      for (const w of words.filter((x) => x.startsWith('-'))) expect(options!.has(w), line).toBe(true);
    }
  });

  it('names only options that exist', () => {
    const named = [...README.matchAll(/(?<![\w-])(--[a-z][a-z-]*)/g)].map((m) => m[1]!);
    expect([...new Set(named.filter((t) => !ALL_OPTIONS.has(t)))]).toEqual([]);
  });
});

describe('links in README.md and docs/', () => {
  const files = ['README.md', ...readdirSync(path.join(REPO, 'docs')).map((f) => `docs/${f}`)];
  for (const file of files) {
    it(`${file}: every relative link leads to a file of the repository`, () => {
      const text = readFileSync(path.join(REPO, file), 'utf8');
      expect(text).not.toMatch(/\.\.\/shared/);
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#'));
      for (const link of links) {
        const target = path.resolve(path.dirname(path.join(REPO, file)), decodeURI(link.split('#')[0]!));
        expect(target.startsWith(REPO + path.sep), `${file}: ${link}`).toBe(true);
        expect(existsSync(target), `${file}: ${link}`).toBe(true);
      }
    });
  }
});
