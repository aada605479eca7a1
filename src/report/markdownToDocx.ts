// The Word report: the Markdown the docx template renders, laid out as an official document
// (A4, 仿宋 body with two-character first-line indent, 黑体 headings, ruled tables, page
// numbers). Only what the report templates use is understood: headings, paragraphs, lists,
// block quotes, pipe tables, **bold**, `<!-- pagebreak -->`, and `<!-- right -->` before a
// paragraph set flush right (the signature and date of an official document).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Locale } from '../schema/vocab.js';
import { inlineRuns } from './markdown.js';
import { cleanText } from '../text/clean.js';
import { displayWidth } from '../text/displayWidth.js';

type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; right?: boolean }
  | { type: 'bullet'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'table'; rows: string[][] }
  | { type: 'pagebreak' };

/** Splits a pipe-table row on unescaped `|`. */
function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;

/** The lines of a paragraph as one: a space between words, none between Chinese characters (Markdown's soft break). */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    const a = text.slice(-1);
    const b = line.trimStart().charAt(0);
    return text === '' ? line : WIDE.test(a) && WIDE.test(b) ? text + line.trimStart() : `${text} ${line.trimStart()}`;
  }, '');
}

export function parseMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  let para: string[] = [];
  let right = false;
  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', text: joinLines(para), ...(right ? { right: true } : {}) });
    if (para.length) right = false;
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    let m: RegExpExecArray | null;
    if (trimmed === '') flush();
    else if (trimmed === '<!-- right -->') {
      flush();
      right = true;
    } else if (trimmed === '<!-- pagebreak -->') {
      flush();
      blocks.push({ type: 'pagebreak' });
    } else if (/^<!--.*-->$/.test(trimmed)) {
      /* other comments are notes for whoever edits the template */
    } else if ((m = /^(#{1,3})\s+(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'heading', level: (m[1] as string).length as 1 | 2 | 3, text: m[2] as string });
    } else if ((m = /^[-*]\s+(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'bullet', text: m[1] as string });
    } else if ((m = /^>\s?(.*)$/.exec(trimmed))) {
      flush();
      blocks.push({ type: 'quote', text: m[1] as string });
    } else if (trimmed.startsWith('|')) {
      flush();
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) {
        const row = (lines[i] as string).trim();
        if (!/^\|[\s:|-]+\|?$/.test(row)) rows.push(cells(row));
        i++;
      }
      i--;
      blocks.push({ type: 'table', rows });
    } else para.push(trimmed);
  }
  flush();
  return blocks;
}

const PT = 2; // docx sizes are half-points
const PAGE = { width: 11906, height: 16838, left: 1588, right: 1474 }; // A4 in twips, official margins
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The text width of a landscape page, for a table too wide to read upright (the annex of every group's figures). */
const LANDSCAPE_WIDTH = PAGE.height - PAGE.left - PAGE.right;
const isBar = (s: string) => s.includes('█');

/** Twips one display column of 12 pt table text takes (a CJK character is two columns), with its share of the cell margins. */
const TWIPS_PER_COLUMN = 125;

/** The text of a cell as printed (no Markdown marks). */
const plain = (text: string) =>
  inlineRuns(text)
    .map((x) => x.text)
    .join('');
const hasCjk = (text: string) => /[\u3000-\u9fff\uff00-\uffef]/.test(text);

/**
 * Column widths in twips and the type size, so a table fits the page: each column wants the
 * width of its widest text, and needs at least the width of what cannot wrap (figures, codes;
 * Chinese text can wrap at any character, a header may take two lines). When
 * the wanted widths do not fit, the type is made smaller (12, 10.5, 9 pt) and the columns of
 * text give up room first, so narrow columns never break their headers one character per line.
 */
function columnWidths(rows: string[][], columns: number, textWidth = TEXT_WIDTH): { widths: number[]; size: number; fits: boolean } {
  const want = new Array<number>(columns).fill(4);
  const need = new Array<number>(columns).fill(4);
  rows.forEach((r, i) => {
    for (let c = 0; c < columns; c++) {
      const text = plain(r[c] ?? '');
      const w = displayWidth(text);
      // bars are set at 8 pt against 12 pt text, and fallback fonts draw the block wide (LibreOffice
      // with Noto draws 16 blocks wider than 13 columns: the longest bar wrapped)
      const natural = isBar(text) ? Array.from(text).length + 2 : w + 3;
      // A header breaks only before its bracket (意见/（四风）), never inside a word (已整/改); a short
      // name stays on one line (第一组（局领导）); longer Chinese text wraps, nine characters a line at least.
      const least = isBar(text)
        ? 4
        : i === 0
          ? Math.max(...text.split(/(?=[（(])/).map((part) => displayWidth(part))) + 3
          : hasCjk(text)
            ? natural <= 20
              ? natural
              : 21
            : natural;
      want[c] = Math.max(want[c] as number, natural);
      need[c] = Math.max(need[c] as number, least);
    }
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const room = (size: number) => textWidth / ((TWIPS_PER_COLUMN * size) / (12 * PT));
  const sizes = [12 * PT, 10.5 * PT, 9 * PT];
  const whole = sizes.find((s) => sum(want) <= room(s));
  if (whole !== undefined) return { widths: want.map((w) => Math.floor((w / sum(want)) * textWidth)), size: whole, fits: true };
  const fitting = sizes.find((s) => sum(need) <= room(s));
  const size = fitting ?? 9 * PT;
  const spare = Math.max(0, room(size) - sum(need));
  const give = sum(want) - sum(need);
  const units = want.map((w, c) => (need[c] as number) + (give > 0 ? ((w - (need[c] as number)) / give) * spare : 0));
  return { widths: units.map((u) => Math.floor((u / sum(units)) * textWidth)), size, fits: fitting !== undefined };
}

/** Whether a table needs a landscape page: upright, even at 9 pt, its columns would break their words. */
function needsLandscape(b: Block): boolean {
  return b.type === 'table' && !columnWidths(b.rows, Math.max(1, ...b.rows.map((r) => r.length))).fits;
}

type Font = { ascii: string; eastAsia: string };

interface Fonts {
  body: Font;
  heading: Font;
}

/** An official document's faces: 仿宋 for the text and 黑体 for headings (English: their nearest kin). */
function fontsFor(zh: boolean): Fonts {
  return zh
    ? { body: { ascii: 'Times New Roman', eastAsia: '仿宋' }, heading: { ascii: 'Times New Roman', eastAsia: '黑体' } }
    : { body: { ascii: 'Times New Roman', eastAsia: 'SimSun' }, heading: { ascii: 'Arial', eastAsia: 'SimHei' } };
}

/** Body text as runs, **bold** kept. */
function bodyRuns(text: string, font: Font, extra: IRunOptions = {}): TextRun[] {
  return inlineRuns(text).map((r) => new TextRun({ text: r.text, bold: r.bold || extra.bold === true, font, size: 15 * PT, ...extra }));
}

/** The title (level 1) centred in 宋体; the headings of the parts below it in 黑体. */
function headingParagraph(b: Extract<Block, { type: 'heading' }>, font: Font): Paragraph {
  return new Paragraph({
    heading: b.level === 1 ? HeadingLevel.TITLE : b.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: b.level === 1 ? 0 : 240, after: 120 },
    keepNext: true,
    children: inlineRuns(b.text).map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: b.level !== 2 || r.bold,
          font: b.level === 1 ? { ascii: 'Times New Roman', eastAsia: '宋体' } : font,
          size: (b.level === 1 ? 22 : b.level === 2 ? 16 : 15) * PT,
          color: '000000',
        }),
    ),
  });
}

/** A paragraph, knowing its neighbours: a signature block flush right, a caption kept with its table. */
/** "……党组：": one line ending in a colon; a paragraph of sentences that ends by announcing a list is body text. */
const salutation = (text: string) => /[：:]$/.test(text) && !/[。；]/.test(text);

function bodyParagraph(blocks: readonly Block[], i: number, font: Font, zh: boolean): Paragraph {
  const b = blocks[i] as Extract<Block, { type: 'paragraph' }>;
  const right = (block: Block | undefined) => (block as { right?: boolean } | undefined)?.right === true;
  // Chinese body paragraphs indent their first line by two characters; a salutation
  // ("……党组：") stands flush left.
  return new Paragraph({
    // The signature stands apart from the text above it.
    spacing: { line: 400, after: 60, ...(b.right && !right(blocks[i - 1]) ? { before: 480 } : {}) },
    // A table's caption stays on the page of its table.
    keepNext: blocks[i + 1]?.type === 'table' || (b.right === true && right(blocks[i + 1])),
    indent: zh && !b.right && !salutation(plain(b.text)) ? { firstLine: 2 * 15 * 20 } : {},
    // English set justified opens gaps between words; Chinese fills its lines evenly.
    alignment: b.right ? AlignmentType.RIGHT : zh ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    children: bodyRuns(b.text, font),
  });
}

/** What one block becomes in the document. */
function blockElements(blocks: readonly Block[], i: number, fonts: Fonts, zh: boolean, textWidth: number): (Paragraph | Table)[] {
  const b = blocks[i] as Block;
  switch (b.type) {
    case 'heading':
      return [headingParagraph(b, fonts.heading)];
    case 'paragraph':
      return [bodyParagraph(blocks, i, fonts.body, zh)];
    case 'bullet': {
      if (!zh) return [new Paragraph({ bullet: { level: 0 }, spacing: { line: 360 }, children: bodyRuns(b.text, fonts.body) })];
      // An official document numbers the items of a list （1）（2）… where a bullet would stand.
      let n = 1;
      while (blocks[i - n]?.type === 'bullet') n++;
      return [
        new Paragraph({
          indent: { firstLine: 2 * 15 * 20 },
          spacing: { line: 400, after: 60 },
          alignment: AlignmentType.JUSTIFIED,
          children: bodyRuns(`（${n}）${b.text}`, fonts.body),
        }),
      ];
    }
    case 'quote':
      return [
        new Paragraph({
          indent: { left: 2 * 15 * 20 },
          spacing: { line: 360 },
          children: bodyRuns(b.text, fonts.body, { italics: !zh, size: 14 * PT }),
        }),
      ];
    case 'table':
      return [docxTable(b.rows, fonts.body, textWidth), new Paragraph({ children: [] })];
    case 'pagebreak':
      return []; // a new section (see pages)
  }
}

/**
 * The document's pages, cut at each page break: a part that holds a table too wide to read
 * upright is set landscape up to that table (the annex's table), the rest A4 upright.
 */
function pages(blocks: readonly Block[]): { blocks: number[]; landscape: boolean }[] {
  const parts: { blocks: number[]; landscape: boolean }[] = [{ blocks: [], landscape: false }];
  blocks.forEach((b, i) => {
    // A page break starts a part; so does the text after a wide table (upright again).
    if (b.type === 'pagebreak' || parts[parts.length - 1]!.landscape) parts.push({ blocks: [], landscape: false });
    const part = parts[parts.length - 1]!;
    part.blocks.push(i);
    part.landscape ||= needsLandscape(b);
  });
  return parts.filter((p) => p.blocks.some((i) => blocks[i]!.type !== 'pagebreak'));
}

/** A4 with the official margins, page numbers as "— 1 —" centred at the foot, on every part. */
function officialDocument(title: string, font: Font, parts: { children: (Paragraph | Table)[]; landscape: boolean }[]): Document {
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 14 * PT })],
        }),
      ],
    });
  return new Document({
    title,
    creator: 'ledger',
    styles: { default: { document: { run: { font, size: 15 * PT } } } },
    sections: parts.map((part) => ({
      properties: {
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            ...(part.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
          },
          margin: { top: 2098, bottom: 1984, left: PAGE.left, right: PAGE.right },
        },
      },
      footers: { default: footer() },
      children: part.children,
    })),
  });
}

/** Every Word file ledger writes (report, feedback sheets) is made here: its text and its title are cleaned here. */
export async function markdownToDocx(md: string, options: { lang: Locale; title: string }): Promise<Buffer> {
  const zh = options.lang === 'zh-CN';
  const fonts = fontsFor(zh);
  const blocks = parseMarkdown(cleanText(md));
  const parts = pages(blocks).map((p) => ({
    landscape: p.landscape,
    children: p.blocks.flatMap((i) => blockElements(blocks, i, fonts, zh, p.landscape ? LANDSCAPE_WIDTH : TEXT_WIDTH)),
  }));
  return Packer.toBuffer(officialDocument(cleanText(options.title), fonts.body, parts));
}

/** Lines a row takes at these widths and type size (a CJK character is two display columns). */
function rowLines(r: readonly string[], widths: readonly number[], size: number): number {
  let lines = 1;
  r.forEach((text, c) => {
    const perLine = Math.max(1, ((widths[c] ?? 0) - 160) / (size * 5));
    lines = Math.max(lines, Math.ceil(displayWidth(plain(text)) / perLine));
  });
  return lines;
}

/** About half a page of 12-point lines: a table no longer than this is kept on one page. */
const KEEP_TOGETHER_LINES = 24;

function docxTable(rows: string[][], font: Font, textWidth: number): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const numeric = (s: string) => /^[\d.,%（）() -]*$/.test(s) && s !== '';
  const { widths, size } = columnWidths(rows, columns, textWidth);
  // A short table stays on one page; a long one keeps only its header with its first row.
  const together = rows.reduce((n, r) => n + rowLines(r, widths, size), 0) <= KEEP_TOGETHER_LINES;
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, c) => {
            const text = r[c] ?? '';
            return new TableCell({
              width: { size: widths[c] as number, type: WidthType.DXA },
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              ...(i === 0 ? { shading: { fill: 'E8E8E8' } } : {}),
              children: [
                new Paragraph({
                  keepNext: together ? i < rows.length - 1 : i === 0,
                  alignment: i === 0 ? AlignmentType.CENTER : numeric(text) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: inlineRuns(text).map(
                    (x) =>
                      new TextRun({
                        text: x.text,
                        bold: i === 0 || x.bold,
                        font,
                        ...(isBar(text) ? { size: 8 * PT, color: '3B6EA5' } : { size }),
                      }),
                  ),
                }),
              ],
            });
          }),
        }),
    ),
  });
}
