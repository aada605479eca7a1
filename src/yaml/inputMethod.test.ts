import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repairInputMethod, type KeyRoles } from './inputMethod.js';

const W = '\u3000';
const STRICT = new Set(['led_by', 'participants', 'methods', 'kind', 'date', 'count']);
const TEXT = new Set(['place', 'notes', 'action']);
const LISTS = new Set(['participants', 'methods', 'also', 'audiences']);
const roles: KeyRoles = { strict: (k) => STRICT.has(k), text: (k) => TEXT.has(k), list: (k) => LISTS.has(k) };

/** The slips as `code@offset(where)`, and the repaired text read as YAML. */
function repair(text: string) {
  const r = repairInputMethod(text, roles);
  return { slips: r.slips.map((s) => `${s.code}@${s.at}${s.where ? `(${s.where})` : ''}`), data: parse(r.text) as unknown, r };
}

describe('full-width spaces (U+3000)', () => {
  it('after a colon: one error at it, the value read as meant', () => {
    const { slips, data } = repair(`place:${W}"南湖社区"\n`);
    expect(slips).toEqual(['ideographic-space@6(after-colon)']);
    expect(data).toEqual({ place: '南湖社区' });
  });

  it('after a full-width colon: part of that slip, and not in the value', () => {
    const { slips, data } = repair(`led_by：${W}王海燕\n`);
    expect(slips).toEqual(['fullwidth-colon@6']);
    expect(data).toEqual({ led_by: '王海燕' });
  });

  it('after a list dash: one error, the item read (two spaces, as it shows)', () => {
    const { slips, data, r } = repair(`audiences:\n  -${W}{ kind: 群众, count: 23 }\n  -${W}kind: 群众\n     count: 2\n`);
    expect(slips).toEqual(['ideographic-space@14(after-dash)', 'ideographic-space@42(after-dash)']);
    expect(data).toEqual({
      audiences: [
        { kind: '群众', count: 23 },
        { kind: '群众', count: 2 },
      ],
    });
    // Offsets after the repair map back to the text as written.
    expect(r.original(r.text.indexOf('{'))).toBe(15);
  });

  it('around a code or name: one error per line, stripped; around free text: kept', () => {
    const { slips, data } = repair(`led_by: ${W}王海燕${W}\nplace: ${W}南湖${W}社区${W}\n`);
    expect(slips).toEqual(['ideographic-space@8(around-value)']);
    expect(data).toEqual({ led_by: '王海燕', place: `${W}南湖${W}社区${W}` });
  });

  it('beside commas, colons and brackets of a flow collection; between words it is the text', () => {
    const { slips, data } = repair(
      `participants: [王海燕,${W}孙立新，${W}周敏]\naudiences: [{ kind:${W}群众, count: 3 }]\nx: [甲${W}乙, { name: 第一组（${W}法律援助） }]\n`,
    );
    expect(slips).toEqual(['ideographic-space@19(after-comma)', 'fullwidth-comma@23', 'ideographic-space@48(after-colon)']);
    expect(data).toEqual({
      participants: ['王海燕', '孙立新', '周敏'],
      audiences: [{ kind: '群众', count: 3 }],
      x: [`甲${W}乙`, { name: `第一组（${W}法律援助）` }],
    });
  });

  it('in a block text (a paragraph indented the Chinese way) they are the text', () => {
    const text = `notes: |\n  ${W}${W}第一段。\n  ${W}${W}place：第二段\nled_by：王海燕\n`;
    const { slips, data } = repair(text);
    expect(slips).toEqual([`fullwidth-colon@${text.indexOf('led_by：') + 6}`]);
    expect(data).toEqual({ notes: `${W}${W}第一段。\n${W}${W}place：第二段\n`, led_by: '王海燕' });
  });
});

describe('Chinese quotes', () => {
  it('around a code or name: an error, repaired; around free text: a warning, kept', () => {
    const { slips, data } = repair('led_by: “王海燕”\nplace: “南湖社区”\n');
    expect(slips).toEqual(['fullwidth-quote@8', 'fullwidth-quote-text@21']);
    expect(data).toEqual({ led_by: '王海燕', place: '“南湖社区”' });
  });

  it('inside a sentence, or several quoted pieces: the text’s own', () => {
    expect(repair('notes: 群众反映“最后一公里”问题\nplace: “东区”和“西区”\nx: “甲”\n').slips).toEqual([]);
    expect(repair('notes: “他说‘好’”\n').slips).toEqual(['fullwidth-quote-text@7']);
  });

  it('in a flow map, by the key', () => {
    expect(repair('handling: { action: ‘向区人社局反映’, kind: “群众” }\n').slips).toEqual([
      'fullwidth-quote-text@20',
      'fullwidth-quote@37',
    ]);
  });

  it('in a file with CRLF line ends', () => {
    const { slips, data } = repair('led_by: “王海燕”\r\nplace: “南湖社区”\r\n');
    expect(slips).toEqual(['fullwidth-quote@8', 'fullwidth-quote-text@22']);
    expect(data).toEqual({ led_by: '王海燕', place: '“南湖社区”' });
  });
});

describe('Chinese brackets around a list', () => {
  it('「」 and （） around a list field are its brackets', () => {
    const { slips, data } = repair('methods: 「座谈会、入户走访」\nalso: （送温暖）\n');
    expect(slips).toEqual([
      'fullwidth-bracket@9',
      'fullwidth-comma@13',
      'fullwidth-bracket@18',
      'fullwidth-bracket@26',
      'fullwidth-bracket@30',
    ]);
    expect(data).toEqual({ methods: ['座谈会', '入户走访'], also: ['送温暖'] });
  });

  it('around text, or not around the whole value, they are the text’s own', () => {
    expect(repair('notes: （第二组）召开座谈会\nplace: 「南湖」\nmethods: （座谈会）和走访\n').slips).toEqual([]);
  });
});

it('a text without slips is returned as it is', () => {
  const r = repairInputMethod('kind: visit\nplace: 南湖社区\n', roles);
  expect(r.slips).toEqual([]);
  expect(r.text).toBe('kind: visit\nplace: 南湖社区\n');
});
