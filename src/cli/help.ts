// Help in the user's language: commander's section titles and "(default: …)" are worded
// again, and Chinese text is measured and wrapped by display width (a character is two
// columns, and a line may break between any two characters).
import type { Command } from 'commander';
import type { Lang } from '../messages/words.js';
import { displayWidth } from '../text/displayWidth.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '通用选项：',
};

// A token is a word of Latin text or one Chinese character, with the punctuation that may not
// start a line (，。）…) kept on its left and the punctuation that may not end one (（“…) on its right.
const OPEN = '（“‘《「『【';
const CLOSE = '，。、；：！？）”’》」』】…';
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const TOKEN = new RegExp(`\\s*[${OPEN}]*(?:[${CJK}]|[^\\s${CJK}]+)[${CLOSE}]*`, 'g');

function wrap(str: string, width: number): string {
  return str
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      for (const tok of line.match(TOKEN) ?? []) {
        if (cur && displayWidth(cur + tok) > width) {
          out.push(cur);
          cur = tok.trimStart();
        } else cur += tok;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

export function configureHelp(cmd: Command, lang: Lang): void {
  const zh = lang === 'zh-CN';
  cmd.helpOption('-h, --help', zh ? '显示帮助' : 'display help for command');
  if (cmd.commands.length) cmd.helpCommand('help [command]', zh ? '显示某个命令的帮助' : 'display help for command');
  cmd.configureHelp({
    displayWidth: (s: string) => displayWidth(s.replace(/\u001b\[[0-9;]*m/g, '')),
    boxWrap: (s: string, width: number) => (width < 40 ? s : wrap(s, width)),
    ...(zh
      ? {
          styleTitle: (s: string) => TITLES[s] ?? s,
          styleOptionDescription: (s: string) => s.replace(/ \(default: (.*)\)$/, '（默认：$1）'),
          styleArgumentDescription: (s: string) => s.replace(/ \(default: (.*)\)$/, '（默认：$1）'),
          styleUsage: (s: string) => s.replace('[options]', '[选项]').replace('[command]', '[命令]'),
          styleSubcommandTerm: (s: string) => s.replace('[options]', '[选项]'),
        }
      : {}),
  });
}
