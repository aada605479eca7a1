import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeStrings, inlineRuns } from './markdown.js';
import { parseMarkdown } from './markdownToDocx.js';
import { barChart, textBar } from './charts.js';

describe('Markdown for the report', () => {
  it('escapes user text so it cannot become Markdown, and reads it back unchanged', () => {
    const evil = '# a | b **c** <script> [x](y)\nnext';
    const escaped = escapeMarkdown(evil);
    expect(escaped).toBe('\\# a \\| b \\*\\*c\\*\\* \\<script\\> \\[x\\](y) next');
    expect(inlineRuns(escaped)).toEqual([{ text: '# a | b **c** <script> [x](y) next', bold: false }]);
  });

  it('keeps the keys it is told to keep raw', () => {
    expect(escapeStrings({ a: 'x|y', charts: { svg: '<svg/>' }, n: 3 }, new Set(['charts']))).toEqual({
      a: 'x\\|y',
      charts: { svg: '<svg/>' },
      n: 3,
    });
  });

  it('parses headings, paragraphs, lists, quotes, tables and page breaks', () => {
    const blocks = parseMarkdown(
      '# T\n\npara\ncontinued\n\n- item\n> quote\n\n| h1 | h2 |\n| --- | ---: |\n| a \\| b | **2** |\n\n<!-- note -->\n<!-- pagebreak -->\n## S',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'T' },
      { type: 'paragraph', text: 'para continued' },
      { type: 'bullet', text: 'item' },
      { type: 'quote', text: 'quote' },
      {
        type: 'table',
        rows: [
          ['h1', 'h2'],
          ['a \\| b', '**2**'],
        ],
      },
      { type: 'pagebreak' },
      { type: 'heading', level: 2, text: 'S' },
    ]);
    expect(inlineRuns('**2** of x')).toEqual([
      { text: '2', bold: true },
      { text: ' of x', bold: false },
    ]);
  });
});

describe('charts', () => {
  it('scales text bars to the largest value', () => {
    expect(textBar(0, 10)).toBe('');
    expect(textBar(10, 10)).toHaveLength(16);
    expect(textBar(1, 1000)).toBe('█');
  });

  it('escapes labels in SVG', () => {
    const svg = barChart([{ label: '<b>&', value: 2 }], { title: 'T"' });
    expect(svg).toContain('&#60;b&#62;&#38;');
    expect(svg).toContain('aria-label="T&#34;"');
    expect(svg).not.toContain('<b>');
  });
});
