// No ID or phone number, not even a part of one, in what the commands print or the feedback
// sheets and the report say: on a copy of each example with a wrong ID number, a wrong phone,
// and a phone typed into a visit's place and a review's reason, every run of four digits or more
// in any output is checked against the numbers of the example (the messages' own landline
// format, 0371-12345678, is nobody's number). The exports are the ledgers themselves and keep
// the numbers (masked with --redact).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2014-05-24'];
const FORMAT_EXAMPLE = '0371-12345678';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Breaks an ID number and a phone of a card file, and types a phone into a visit's place; returns every personal number. */
function breakNumbers(root: string, cards: string, visit: string): string[] {
  const numbers = files(path.join(root, 'groups'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:id_number|phone): "([0-9Xx-]+)"/g)].map((m) => m[1] as string));
  const file = path.join(root, cards);
  const text = readFileSync(file, 'utf8');
  const id = /id_number: "(\d{17})(\d)"/.exec(text) as RegExpExecArray;
  const badId = `${id[1]}${(Number(id[2]) + 1) % 10}`;
  const phone = /phone: "1(\d{10})"/.exec(text) as RegExpExecArray;
  writeFileSync(file, text.replace(id[0], `id_number: "${badId}"`).replace(phone[0], `phone: "${phone[1]}"`));
  const at = path.join(root, visit);
  writeFileSync(at, readFileSync(at, 'utf8').replace(/^place: "?([^"\n]*)"?$/m, 'place: "$1（联系电话 13912345678）"'));
  return [...numbers, badId, phone[1] as string, '13912345678'].map((n) => n.replace(/\D/g, ''));
}

function expectNoDigitsOf(numbers: readonly string[], where: string, text: string): void {
  for (const run of text.replaceAll(FORMAT_EXAMPLE, '').match(/\d{4,}/g) ?? [])
    expect(
      numbers.find((n) => n.includes(run)),
      `${where}: ${run} is part of an ID or phone number`,
    ).toBeUndefined();
  expect(text, where).not.toMatch(/\d(\\?\*){3,}|(\\?\*){3,}\\?\d/);
}

describe('no ID or phone number in messages, feedback sheets or the report', () => {
  for (const [example, cards, visit] of [
    ['zh-CN', 'groups/j-xiguan/cards/cards.yaml', 'groups/g1/visits/2014-04-15-v1.yaml'],
    ['en', 'groups/g1/cards.yaml', 'groups/g1/visits/2014-04-25-v1.yaml'],
  ] as const) {
    it(`${example}: validate, merge, audit, status, review list, feedback and report`, async () => {
      const root = copyCampaign(example);
      const numbers = breakNumbers(root, cards, visit);
      const outputs: [string, string][] = [];
      const run = async (...argv: string[]) => {
        const r = await runCli(argv, { cwd: root });
        outputs.push([`ledger ${argv.join(' ')}`, r.stdout + r.stderr]);
        return r;
      };
      for (const lang of ['zh-CN', 'en']) {
        await run('validate', '--lang', lang);
        await run('validate', '--format', 'json', '--lang', lang);
      }
      expect((await run('merge', '--allow-invalid')).code).toBe(1);
      // Only the card is refused: the visit with a phone in its place is merged, so its text reaches the outputs.
      expect(readFileSync(path.join(root, 'ledgers/visits.yaml'), 'utf8')).toContain('（联系电话 13912345678）');
      await run('audit', ...AS_OF);
      await run('audit', ...AS_OF, '--format', 'json', '--lang', 'en');
      await run('status', ...AS_OF);
      await run('review', 'return', 'g1/o1', '--reason', `请回电 ${numbers[0]}，身份证 ${numbers.find((n) => n.length === 18)}`);
      await run('review', 'list');
      await run('review', 'list', '--format', 'json', '--lang', 'en');
      for (const lang of ['zh-CN', 'en']) {
        await run('feedback', '--format', 'md', '--lang', lang, '--out', `fb-${lang}`, ...AS_OF);
        await run('report', '--format', 'md', '--lang', lang, '--out', `report-${lang}.md`, ...AS_OF);
      }
      const written = files(root).filter((f) => /\/(fb-[^/]+\/.*|report-[^/]+)\.md$/.test(f));
      expect(written.length).toBeGreaterThan(4);
      for (const f of written) outputs.push([path.relative(root, f), readFileSync(f, 'utf8')]);
      // The broken numbers were found and said, without the numbers.
      expect(outputs.map((o) => o[1]).join('\n')).toMatch(/身份证号码校验位不符/);
      for (const [where, text] of outputs) expectNoDigitsOf(numbers, where, text);
    });
  }
});
