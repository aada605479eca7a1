// Workbooks as a group hands them back: templates edited cell by cell (exceljs), saved again by
// LibreOffice, or rewritten the way other writers store strings (inline instead of shared).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './campaign.js';
import { soffice } from './soffice.js';

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Opens `file` with exceljs, lets `edit` change it, and saves it as `out` (default: in place). */
export async function editBook(file: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>, out = file): Promise<string> {
  const wb = await readBook(file);
  await edit(wb);
  await wb.xlsx.writeFile(out);
  return out;
}

/** LibreOffice opens and saves each file again (`--convert-to <ext>`); returns the new paths, in order. */
export function resave(files: readonly string[], ext = 'xlsx'): string[] {
  const out = tempDir();
  const profile = tempDir();
  const run = spawnSync(
    soffice as string,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', ext, '--outdir', out, ...files],
    { encoding: 'utf8', timeout: 300_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return files.map((f) => {
    const p = path.join(out, `${path.basename(f, path.extname(f))}.${ext}`);
    expect(existsSync(p), `${run.stdout}${run.stderr}`).toBe(true);
    return p;
  });
}

/** The same workbook with every shared string written inline in its cell (as some writers do). */
export async function inlineStrings(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  expect(sst).toBeDefined();
  const strings = [...(sst as string).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1] as string);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const rewritten = xml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
      return `<c ${a}t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`;
    });
    zip.file(name, rewritten);
  }
  zip.remove('xl/sharedStrings.xml');
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The worksheet XML of the sheet named `name` (for what exceljs does not read back, e.g. the protection's attributes). */
export async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  expect(target, `sheet ${name}`).toBeDefined();
  return zip.file(`xl/${(target as string).replace(/^\/?xl\//, '')}`)!.async('string');
}
