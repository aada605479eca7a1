import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitYaml } from './emit.js';

const tricky = fc.constantFrom(
  'true',
  'null',
  'No',
  '123',
  '-1.5e3',
  '0x1F',
  '.inf',
  '~',
  '- x',
  'a: b',
  'a #b',
  '#c',
  ' lead',
  'trail ',
  '',
  '\n',
  'a\nb',
  '\t',
  '2014-04-25',
  '幸福社区：座谈会',
  '@x',
  '=SUM(A1)',
  '"q"',
  "'s'",
  'x:',
  '\u2028',
  '\ufeff',
  'é',
  '𠀀',
);
const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), tricky);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), tricky), tie('v'), { maxKeys: 4 }),
  ),
})).v;

const normalise = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? 0 : x)));

describe('emitYaml', () => {
  it('round-trips through a YAML 1.2 core parser', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(parse(emitYaml(v), { schema: 'core', uniqueKeys: false })).toEqual(normalise(v));
      }),
      { numRuns: 500 },
    );
  });

  it('writes ledgers readably', () => {
    const ledger = [
      {
        id: 'g1/v1',
        group: 'g1',
        date: '2014-04-25',
        place: '幸福社区',
        methods: ['symposium'],
        audiences: [{ kind: 'masses', count: 12 }],
        also: [],
        origin: { file: 'groups/g1/v.yaml', line: 1 },
      },
      { id: 'g1/o1', group: 'g1', content: 'a: b', feedback: true, phone: '13800138000', empty: {} },
    ];
    expect(emitYaml(ledger)).toBe(
      [
        '- id: g1/v1',
        '  group: g1',
        '  date: "2014-04-25"',
        '  place: 幸福社区',
        '  methods:',
        '    - symposium',
        '  audiences:',
        '    - kind: masses',
        '      count: 12',
        '  also: []',
        '  origin:',
        '    file: groups/g1/v.yaml',
        '    line: 1',
        '- id: g1/o1',
        '  group: g1',
        '  content: "a: b"',
        '  feedback: true',
        '  phone: "13800138000"',
        '  empty: {}',
        '',
      ].join('\n'),
    );
    expect(emitYaml([])).toBe('[]\n');
  });
});
