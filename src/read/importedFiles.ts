// The files `ledger import` wrote into a group folder (groups/<id>/imported/*.yaml), each known
// by the template instance of the workbook it came from, named in its first lines.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';

export const IMPORTED_DIR = 'imported';
const MARK = /^# ledger-import: instance=(\S+)/m;

export interface ImportedFile {
  /** Relative to the campaign root, with '/'. */
  rel: string;
  instance: string | null;
}

/** The mark `ledger import` writes at the top of a file: which workbook instance it came from. */
export function importMark(instance: string): string {
  return `# ledger-import: instance=${instance}`;
}

export function instanceOf(head: string): string | null {
  return MARK.exec(head)?.[1] ?? null;
}

/** The imported files of a group, with the instance each came from (null for a file without the mark). */
export function importedFiles(root: string, group: string): ImportedFile[] {
  const dir = path.join(root, 'groups', group, IMPORTED_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ rel: `groups/${group}/${IMPORTED_DIR}/${name}`, instance: instanceOf(head(path.join(dir, name))) }));
}

function head(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const buf = Buffer.alloc(1024);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Where a record of an imported file was typed: the document's first line, and the workbook row. */
export interface ImportedRow {
  line: number;
  workbook: string;
  sheet: string;
  row: number;
  /** The record's kind (its `kind:` line), which says which template columns the row has; null when unread. */
  kind: RecordKind | null;
}

// The comment `ledger import` writes above each record, in either language (workbookWords).
const ROW_ZH = /^# (.+)：([^：]+) 第(\d+)行$/;
const ROW_EN = /^# (.+), sheet (.+), row (\d+)$/;

// Import writes each record's kind as a code on the record's first line of data.
const KIND = /^kind: *"?([a-z]+)"? *$/;

/** The workbook row each record of an imported file came from, in file order, with the record's kind. */
export function importedRows(text: string): ImportedRow[] {
  const out: ImportedRow[] = [];
  let open: ImportedRow | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const m = ROW_ZH.exec(line) ?? ROW_EN.exec(line);
    if (m) out.push((open = { line: i + 1, workbook: m[1] as string, sheet: m[2] as string, row: Number(m[3]), kind: null }));
    else if (line === '---') open = undefined;
    else if (open && open.kind === null) {
      const kind = KIND.exec(line)?.[1];
      if ((RECORD_KINDS as readonly string[]).includes(kind ?? '')) open.kind = kind as RecordKind;
    }
  });
  return out;
}

/** The workbook row a line of an imported file belongs to (the last record comment at or above it). */
export function rowAt(rows: readonly ImportedRow[] | undefined, line: number): ImportedRow | undefined {
  let found: ImportedRow | undefined;
  for (const r of rows ?? []) {
    if (r.line > line) break;
    found = r;
  }
  return found;
}

/** The rows behind an imported file (campaign-relative); none when it cannot be read now (its places then stay file and line). */
export function readImportedRows(root: string, rel: string): ImportedRow[] {
  try {
    return importedRows(readFileSync(path.join(root, rel), 'utf8'));
  } catch {
    return [];
  }
}

/** The rows behind every imported file of a group (relative path → rows). */
export function importedRowsOf(root: string, group: string): Map<string, ImportedRow[]> {
  return new Map(importedFiles(root, group).map((f) => [f.rel, readImportedRows(root, f.rel)]));
}
