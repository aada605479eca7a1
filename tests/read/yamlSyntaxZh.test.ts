// The `yaml` library's error messages never reach a zh-CN reader in English: every syntax error a
// record file can give is worded in Chinese (a message not matched falls back to its error code,
// then to a general sentence), while the English diagnostic keeps the library's own words.
import { describe, expect, it } from 'vitest';
import { localize } from '../../src/messages/diagnostic.js';
import { renderDiagnostic } from '../../src/messages/diagnosticCodes.js';
import { parseYaml } from '../../src/yaml/parseYaml.js';

/** Broken texts a clerk can type, one or more of the library's messages each. */
const BROKEN = [
  'methods: [座谈会\n  入户走访: x]\n',
  'methods: [座谈会,\n入户走访]\n',
  'a: [x\nb: 1\n',
  'a: {x: 1\nb: 1\n',
  'a: "x\nb: 1\n',
  "a: 'x\nb: 1\n",
  'a: "C:\\photos"\n',
  'a: @x\n',
  'a: `x\n',
  'a: [x,,y]\n',
  'a: [x, - y]\n',
  'a:\n  - x\n - y\n',
  'a:\n  b: 1\n   c: 2\n',
  'a: b: c\n',
  'a: |x\n  b\n',
  'a: |\n    x\n  y\n',
  '- a\nb: 1\n',
  'a: 1\n- b\n',
  'a: &x 1\nb: *\n',
  'a: [x]]\n',
  'a: {x: 1}}\n',
  'a: "x"#c\n',
  'a: [b\n  c: d]\n',
  'a: 1\n b: 2\n',
  'a: "x" y\n',
  'a: {b: 1} c\n',
  '--- a: 1\n',
  '%FOO\na: 1\n',
  `a: [${'x'.repeat(1100)}: 1]\n`,
  'a: &x &y 1\n',
  'a: !x !y 1\n',
];

describe('yaml-syntax in Chinese', () => {
  const found = BROKEN.flatMap((text) => parseYaml(text, 'x.yaml').diagnostics.filter((d) => d.code === 'yaml-syntax'));

  it('covers many of the library’s messages', () => {
    expect(new Set(found.map((d) => d.message)).size).toBeGreaterThan(25);
  });

  it('words every one in Chinese, and keeps the library’s words in English', () => {
    for (const d of found) {
      const zh = localize(d, 'zh-CN');
      expect(zh, d.message).toMatch(/^YAML 格式有误：/);
      expect(zh.replace(/YAML/g, ''), `${d.message} → ${zh}`).not.toMatch(/[A-Za-z]{3,}/);
      expect(localize(d, 'en')).toBe(d.message);
      expect((d.data as { yamlCode?: string }).yamlCode, d.message).toMatch(/^[A-Z0-9_]+$/);
    }
  });

  it('a message the library may add later: by its error code, else a general sentence, never English', () => {
    const zh = (detail: string, yamlCode?: string) =>
      renderDiagnostic('yaml-syntax', { detail, ...(yamlCode ? { yamlCode } : {}) }, 'zh-CN');
    expect(zh('Something new went wrong', 'BAD_INDENT')).toBe('YAML 格式有误：缩进没有对齐，同一层的内容必须从同一列开始');
    expect(zh('Something new went wrong')).toBe('YAML 格式有误：这一行的写法不符合 YAML 格式，请对照模板检查冒号、空格、括号和引号');
    expect(renderDiagnostic('yaml-syntax', { detail: 'Something new went wrong' }, 'en')).toBe('Something new went wrong');
  });
});
