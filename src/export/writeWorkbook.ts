// Writes a WorkbookModel with exceljs' streaming writer: one sheet at a time, each row
// committed as soon as it is built, so memory stays flat however long the ledgers are. The
// file appears under its name only when complete (temporary file, then rename).
import type ExcelJS from 'exceljs';
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import { writeFileAtomicWith } from '../write/fsAtomic.js';
import type { Locale } from '../schema/vocab.js';
import { A4_LANDSCAPE, pagesAcross, PAGE_WIDTH, POINTS_PER_UNIT } from './a4Landscape.js';
import { CUT_MARKER, cellWidth, safeText, sheetName, type Cell } from './cells.js';
import type { Column, SheetModel, Table, WorkbookModel } from './sheetModel.js';
import { cleanText } from '../text/clean.js';

/** XML of a sheet that may wait for the zip's compressor before more rows are made. */
const MAX_BUFFERED = 4 << 20;

/**
 * Lets the sheet's XML reach the file before more is made. exceljs hands each committed row to
 * the zip archive without waiting, and the archive takes a sheet only once it has compressed
 * the one before, so without this most of a 100,000-row sheet (~180 MB of XML) would wait in
 * memory by the end. (Reaches into exceljs' stream and its archiver's buffer: exceljs 4.)
 */
async function drained(ws: unknown): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const waiting = (ws as { stream?: { pipes?: ({ _writableState?: { length?: number } } | undefined)[] } }).stream?.pipes?.[0];
  while ((waiting?._writableState?.length ?? 0) > MAX_BUFFERED) await new Promise((resolve) => setTimeout(resolve, 5));
}

export interface WriteOptions {
  lang: Locale;
  /** The as-of date, also used as the workbook's created/modified date so reruns match. */
  asOf: string;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

export interface WriteResult {
  path: string;
  sheets: { name: string; rows: number }[];
  /** Cells whose text was longer than Excel allows and was cut, with a visible marker. */
  cut: number;
}

// Widths are in Excel character units; CJK characters count two.
const MIN_WIDTH = 6;
const MAX_WIDTH = 16;
const MAX_LONG_WIDTH = 40;
/** Rows looked at to size a column: enough to be representative, cheap for 100,000 rows. */
const WIDTH_SAMPLE = 2_000;
/** Printed columns above which a ledger sheet hides the columns nobody filled in. */
const WIDE_SHEET = 8;
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

type Style = Partial<ExcelJS.Style>;

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
// Numbers keep a space's width from the right border, so a figure never runs into the text beside it (7是).
const NUM_FMT: Record<Column['format'], string | undefined> = {
  text: '@',
  date: 'yyyy-mm-dd',
  int: '0_ ',
  pct: '0.0%_ ',
  amount: '#,##0.00_ ',
};

/** One style object per (column, highlighted): exceljs caches styles by object identity. */
function styles(lang: Locale) {
  const name = lang === 'zh-CN' ? '宋体' : 'Calibri';
  const font: Partial<ExcelJS.Font> = { name, size: 11 };
  const badFont: Partial<ExcelJS.Font> = { name, size: 11, color: { argb: 'FF9C0006' } };
  const badFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  const body = (c: Column, bad: boolean): Style => ({
    font: bad ? badFont : font,
    border,
    alignment: { vertical: 'top', wrapText: c.format === 'text' && !c.hidden, horizontal: c.format === 'date' ? 'center' : undefined },
    ...(NUM_FMT[c.format] ? { numFmt: NUM_FMT[c.format] } : {}),
    ...(bad ? { fill: badFill } : {}),
  });
  return {
    title: { font: { name, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } } as Style,
    subtitle: {
      font: { name, size: 10, color: { argb: 'FF595959' } },
      alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
    } as Style,
    heading: { font: { name, size: 12, bold: true }, alignment: { vertical: 'middle' } } as Style,
    header: {
      font: { name, size: 11, bold: true },
      border,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    } as Style,
    body: (columns: Column[]) => ({ normal: columns.map((c) => body(c, false)), bad: columns.map((c) => body(c, true)) }),
  };
}

/** An unbreakable token (an ID number, a phone, a date): the column is made wide enough for it on one line. */
const UNBREAKABLE = /^[\x21-\x7e]{1,24}$/;
const MAX_TOKEN_WIDTH = 24;

/**
 * Each column's width from its header and a sample of rows, and which columns are empty in every
 * row (known only when the sample covered them all).
 */
function columnWidths(sheet: SheetModel): { widths: number[]; empty: boolean[] } {
  const n = Math.max(...sheet.tables.map((t) => t.columns.length));
  const widths = new Array<number>(n).fill(MIN_WIDTH);
  const tokens = new Array<number>(n).fill(0);
  const long = new Array<boolean>(n).fill(false);
  const filled = new Array<boolean>(n).fill(false);
  const whole = sheet.tables.every((t) => t.rowCount <= WIDTH_SAMPLE) && sheet.tables.some((t) => t.rowCount > 0);
  for (const t of sheet.tables) {
    t.columns.forEach((c, i) => {
      long[i] ||= c.long === true || c.hidden === true;
      // A short header stays on one line; a long one wraps onto two, so it needs about half its width.
      const hw = cellWidth(c.header);
      // …and never breaks inside a word (bold: a little wider than the text).
      const word = Math.max(...c.header.split(/\s+/).map((w) => cellWidth(w)));
      widths[i] = Math.max(widths[i] as number, hw <= 14 ? hw + 2 : Math.ceil(hw / 2) + 4, word + 3);
    });
    let seen = 0;
    for (const row of t.rows()) {
      row.cells.forEach((cell, i) => {
        if (cell !== null && cell !== undefined && cell !== '') filled[i] = true;
        widths[i] = Math.max(widths[i] as number, cellWidth(cell) + 3);
        if (typeof cell === 'string')
          for (const line of cell.split('\n')) if (UNBREAKABLE.test(line)) tokens[i] = Math.max(tokens[i] as number, line.length + 2);
      });
      if (++seen >= WIDTH_SAMPLE) break;
    }
  }
  const capped = (w: number, i: number) => Math.min(w, long[i] ? MAX_LONG_WIDTH : MAX_WIDTH);
  return {
    widths: widths.map((w, i) => Math.max(capped(w, i), Math.min(tokens[i] as number, MAX_TOKEN_WIDTH))),
    empty: filled.map((f) => whole && !f),
  };
}

/** Printed lines a row needs when its text wraps at the column widths. */
function rowLines(cells: Cell[], widths: number[], columns: Column[]): number {
  let lines = 1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c !== 'string' || columns[i]?.hidden) continue;
    const room = Math.max(1, (widths[i] as number) - 1);
    let n = 0;
    for (const part of c.split('\n')) n += Math.max(1, Math.ceil(cellWidth(part) / room));
    if (n > lines) lines = n;
  }
  return lines;
}

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

// A4 landscape, in points: the printable height below the repeated title rows (the width and
// the points per column unit, measured against LibreOffice, are in a4Landscape.ts).
const PAGE_HEIGHT = 509 - 48;

/** The letter of the last column that fits on the first of several pages across (the titles are merged over those). */
function firstPageEnd(widths: readonly number[], unprinted: (i: number) => boolean, pageWidth: number): string {
  let used = 0;
  let end = 1;
  for (let i = 0; i < widths.length; i++) {
    if (unprinted(i)) continue;
    if (used + (widths[i] ?? 0) > pageWidth) break;
    used += widths[i] ?? 0;
    end = i + 1;
  }
  return colLetter(end);
}

/** Page layout shared by every sheet: A4 landscape fitted to width (pages across for a wide one), page numbers in the footer. */
function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, frozen: number, zh: boolean, across = 1, repeat = 'A:B') {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: frozen, xSplit: 0 }],
    pageSetup: {
      ...A4_LANDSCAPE,
      fitToWidth: across,
      ...(across > 1 ? { pageOrder: 'overThenDown' as const, printTitlesColumn: repeat } : {}),
      horizontalCentered: true,
      printTitlesRow: `1:${frozen}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: zh ? '&C第 &P 页，共 &N 页' : '&CPage &P of &N' } as Partial<ExcelJS.HeaderFooter>,
  });
}

type Styles = ReturnType<typeof styles>;
type Sheet = ReturnType<typeof addSheet>;

/**
 * The sheet's own name as its big title (row 1), the unit, campaign and date under it (row 2),
 * wrapped onto as many lines as the printed columns need: a note saying what the sheet holds is
 * read on paper too, not cut at the last column.
 */
function writeTitles(ws: Sheet, sheet: SheetModel, subtitle: string, last: string, st: Styles, printedWidth: number, across = 1): void {
  const title = ws.getRow(1);
  title.getCell(1).value = cleanText(sheet.title);
  // Over pages across, the title stands at the top left of the first (and starts each page's repeated columns).
  title.getCell(1).style = across > 1 ? { ...st.title, alignment: { horizontal: 'left', vertical: 'middle' } } : st.title;
  title.height = 30;
  ws.mergeCells(`A1:${last}1`);
  title.commit();
  const sub = ws.getRow(2);
  sub.getCell(1).value = cleanText(subtitle);
  sub.getCell(1).style = st.subtitle;
  // Subtitle text is 10 points against the body's 11: a little more of it fits a line.
  const lines = Math.max(1, Math.ceil((cellWidth(subtitle) * 10) / 11 / Math.max(1, printedWidth - 2)));
  sub.height = 18 + (lines - 1) * 13;
  ws.mergeCells(`A2:${last}2`);
  sub.commit();
}

function writeHeader(ws: Sheet, r: number, t: Table, widths: number[], st: Styles): number {
  const hr = ws.getRow(r);
  t.columns.forEach((c, i) => {
    const cell = hr.getCell(i + 1);
    cell.value = cleanText(c.header);
    cell.style = st.header;
  });
  const height = Math.min(
    MAX_ROW_HEIGHT,
    LINE_HEIGHT *
      rowLines(
        t.columns.map((c) => c.header),
        widths,
        [],
      ) +
      6,
  );
  hr.height = height;
  hr.commit();
  return height;
}

/**
 * Keeps a section's heading with its table on paper: the sheet is scaled to the page width, so
 * a page holds about PAGE_HEIGHT / scale points of rows; a heading that would start less than
 * its header and a few rows before the page ends goes to the next page.
 */
class PageKeeper {
  private used = 0;
  private readonly capacity: number;
  constructor(printedWidth: number, across = 1) {
    const scale = Math.min(1, (across * PAGE_WIDTH) / Math.max(1, printedWidth * POINTS_PER_UNIT));
    this.capacity = PAGE_HEIGHT / scale;
  }
  /** Before a block of `height` points that must stay together: true when a page break is due first. */
  breakBefore(height: number): boolean {
    if (this.used > 0 && this.used + height > this.capacity) {
      this.used = 0;
      return true;
    }
    return false;
  }
  add(height: number): void {
    this.used += height;
    if (this.used > this.capacity) this.used -= this.capacity;
  }
}

export async function writeWorkbook(model: WorkbookModel, outPath: string, options: WriteOptions): Promise<WriteResult> {
  const total = model.sheets.reduce((s, sh) => s + sh.tables.reduce((t, tb) => t + tb.rowCount, 0), 0);
  const progress = { done: 0, total, onProgress: options.onProgress };
  const taken = new Set<string>();
  const result: WriteResult = { path: outPath, sheets: [], cut: 0 };
  // The stream writer opens the file itself: it is given write/'s temporary, renamed when complete.
  await writeFileAtomicWith(outPath, async (tmp) => {
    const wb = new WorkbookWriter({
      filename: tmp,
      useStyles: true,
      useSharedStrings: false,
      zip: { zlib: { level: 1 } },
    });
    wb.creator = 'ledger';
    wb.title = cleanText(model.title);
    wb.subject = cleanText(model.subject);
    wb.created = wb.modified = new Date(`${options.asOf}T00:00:00Z`);
    for (const sheet of model.sheets) {
      const name = sheetName(cleanText(sheet.name).replace(/'/g, '’'), taken);
      const rows = await writeSheet(wb, name, sheet, model, options, progress, result);
      result.sheets.push({ name, rows });
    }
    await wb.commit();
  });
  options.onProgress?.(total, total);
  return result;
}

function writeNone(ws: Sheet, r: number, zh: boolean, st: Styles): number {
  const row = ws.getRow(r);
  row.getCell(1).value = zh ? '（无）' : '(none)';
  row.getCell(1).style = st.subtitle;
  row.commit();
  return r + 1;
}

/** A blank row, then the section's heading; a page break first when the heading would be left alone at a page's foot. */
function writeHeading(ws: Sheet, r: number, t: Table, keeper: PageKeeper, st: Styles): number {
  // The heading, the header and the first rows travel together.
  const block = LINE_HEIGHT + 22 + 2 * LINE_HEIGHT + Math.min(3, t.rowCount) * (LINE_HEIGHT + 4);
  const blank = ws.getRow(r++);
  if (keeper.breakBefore(block)) blank.addPageBreak();
  blank.commit();
  const h = ws.getRow(r++);
  h.getCell(1).value = cleanText(t.heading ?? '');
  h.getCell(1).style = st.heading;
  h.height = 22;
  h.commit();
  keeper.add(LINE_HEIGHT + 22);
  return r;
}

/** One data row, committed; its height (explicit: Excel does not grow rows of wrapped text on its own). */
function writeRow(
  xr: ExcelJS.Row,
  row: { cells: Cell[] },
  style: Style[],
  widths: number[],
  columns: Column[],
  result: WriteResult,
): number {
  for (let i = 0; i < row.cells.length; i++) {
    const cell = xr.getCell(i + 1);
    const v = row.cells[i];
    // Strings are set as plain values (exceljs never turns a string into a formula), each
    // cleaned here whatever made the row, so no sheet can hold what XML cannot.
    if (typeof v === 'string') {
      cell.value = safeText(v);
      if ((cell.value as string).endsWith(CUT_MARKER)) result.cut++;
    } else if (v !== null && v !== undefined) cell.value = v;
    cell.style = style[i] as Style;
  }
  xr.height = Math.min(MAX_ROW_HEIGHT, LINE_HEIGHT * rowLines(row.cells, widths, columns) + 4);
  xr.commit();
  return xr.height;
}

async function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  sheet: SheetModel,
  model: WorkbookModel,
  options: WriteOptions,
  progress: { done: number; total: number; onProgress?: WriteOptions['onProgress'] },
  result: WriteResult,
): Promise<number> {
  const st = styles(options.lang);
  const { widths, empty } = columnWidths(sheet);
  // Hidden columns (codes, ids, where a record was written) stay off the printed page, and
  // the title is centred over the printed ones. On a ledger sheet a column nobody filled in
  // is hidden too, so the others print larger (unhide it on screen to fill it in).
  const printed = Math.max(...sheet.tables.map((t) => t.columns.filter((c) => !c.hidden).length)) || widths.length;
  // Only a wide sheet gains by it: a narrow one (the feedback sheet) would leave its title too little room.
  const wide = sheet.ledger === true && printed > WIDE_SHEET;
  const unprinted = (i: number) => sheet.tables.some((t) => t.columns[i]?.hidden) || (wide && empty[i] === true);
  const last = colLetter(printed);
  // Ledger sheets freeze and repeat their header (row 3); the summary sheets their title.
  const frozen = sheet.ledger ? 3 : 2;
  const printedWidth = widths.slice(0, printed).reduce((a, b, i) => a + (unprinted(i) ? 0 : b), 0);
  // Only ledger sheets spread across pages; the summary sheets are narrow.
  const across = sheet.ledger ? pagesAcross(printedWidth) : 1;
  const ws = addSheet(wb, name, frozen, options.lang === 'zh-CN', across);
  ws.columns = widths.map((width, i) => ({ width, ...(unprinted(i) ? { hidden: true } : {}) }));
  const zh = options.lang === 'zh-CN';
  const said = sheet.note ?? model.note;
  const note = said === undefined ? '' : zh ? `\u3000\u3000${said}` : ` — ${said}`;
  writeTitles(
    ws,
    sheet,
    model.subtitle + note,
    across > 1 ? firstPageEnd(widths, unprinted, printedWidth / across) : last,
    st,
    printedWidth / across,
    across,
  );
  const keeper = new PageKeeper(printedWidth, across);
  let r = 3;
  let rows = 0;
  for (const t of sheet.tables) {
    if (t.heading !== undefined) r = writeHeading(ws, r, t, keeper, st);
    keeper.add(writeHeader(ws, r, t, widths, st));
    if (sheet.ledger) ws.autoFilter = { from: { row: r, column: 1 }, to: { row: r + t.rowCount, column: t.columns.length } };
    r++;
    const body = st.body(t.columns);
    for (const row of t.rows()) {
      keeper.add(writeRow(ws.getRow(r++), row, row.highlight ? body.bad : body.normal, widths, t.columns, result));
      rows++;
      if (++progress.done % 1_000 === 0) {
        progress.onProgress?.(progress.done, progress.total);
        await drained(ws);
      }
    }
    // An empty table says so on paper, rather than a header over nothing.
    if (t.rowCount === 0) r = writeNone(ws, r, options.lang === 'zh-CN', st);
  }
  if (printed < widths.length) ws.pageSetup.printArea = `A$1:${colLetter(printed)}$${Math.max(r - 1, 3)}`; // exceljs adds the column's $
  await ws.commit();
  return rows;
}
