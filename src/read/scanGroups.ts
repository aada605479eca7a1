// The read stage's disk walk: which group folders exist, their record files, their summary and
// what every other file is by its bytes. Nothing is skipped in silence: a link leading out of
// the group, a dangling link, a pipe or device, a file that cannot be read is a diagnostic
// naming it. Only regular files are ever opened, so a FIFO named *.yaml cannot hang a run.
import { closeSync, existsSync, fstatSync, lstatSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import type { Campaign, FileSniff } from '../model/campaign.js';
import { docxText } from '../text/docxText.js';
import { pictureType } from '../util/sniff.js';
import { openForReading } from './readRegular.js';
import { zipEntry } from '../util/zip.js';

export interface GroupScan {
  id: string;
  /** Absolute folder path. */
  dir: string;
  exists: boolean;
  /** Record files, relative to the campaign root with '/', sorted. */
  recordFiles: string[];
  /** Every file under the folder, relative to it, by kind. */
  files: Record<string, FileSniff>;
  /**
   * The group's text summary (campaign-relative) and its text's trimmed length in bytes; null
   * when there is none. summary.md or summary.docx (FORMAT 1.1): the one with text, summary.md
   * when both have.
   */
  summary: { file: string; length: number } | null;
  /** Links leading out, dangling links, special files, unreadable files: each named. */
  diagnostics: Diagnostic[];
}

export interface Scan {
  groups: GroupScan[];
  diagnostics: Diagnostic[];
}

const RECORD_EXT = /\.ya?ml$/i;
/** Workbooks are not record files: they reach the ledgers through `ledger import`. */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et)$/i;
/** A summary larger than this is not read through: it is counted as having text. */
const MAX_SUMMARY_DOCX = 64 * 1024 * 1024;
/** A record file larger than this is not a submission: it is refused rather than read into memory. */
export const MAX_RECORD_FILE = 256 * 1024 * 1024;

export function scanGroups(root: string, campaign: Campaign, only?: ReadonlySet<string>): Scan {
  const diagnostics: Diagnostic[] = [];
  const groupsDir = path.join(root, 'groups');
  const declared = new Set(campaign.groups.map((g) => g.id));
  if (existsSync(groupsDir)) {
    for (const name of readdirSync(groupsDir).sort()) {
      if (name.startsWith('.') || declared.has(name) || (only && !only.has(name))) continue;
      const st = statSync(path.join(groupsDir, name), { throwIfNoEntry: false });
      if (!st?.isDirectory()) continue;
      diagnostics.push(diagnostic('undeclared-group', { folder: name }, { file: `groups/${name}`, line: 0, column: 0 }));
    }
  }
  const groups: GroupScan[] = [];
  for (const g of campaign.groups) if (!only || only.has(g.id)) groups.push(scanGroup(root, g.id));
  return { groups, diagnostics };
}

export function scanGroup(root: string, id: string): GroupScan {
  const dir = path.join(root, 'groups', id);
  const scan: GroupScan = { id, dir, exists: false, recordFiles: [], files: {}, summary: null, diagnostics: [] };
  let real: string;
  try {
    if (!statSync(dir).isDirectory()) return scan;
    real = realpathSync.native(dir);
  } catch {
    return scan;
  }
  scan.exists = true;
  walk(scan, real, dir, '');
  return scan;
}

/** Entries come with their type: no lstat per plain file (a campaign has tens of thousands). */
function walk(scan: GroupScan, real: string, abs: string, rel: string): void {
  const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    const childAbs = path.join(abs, name);
    const childRel = rel ? `${rel}/${name}` : name;
    const at = `groups/${scan.id}/${childRel}`;
    if (entry.isDirectory()) {
      scan.files[childRel] = 'dir';
      walk(scan, real, childAbs, childRel);
      continue;
    }
    let st: Stats | undefined;
    if (entry.isSymbolicLink()) {
      const target = followLink(scan, real, childAbs, at);
      if (target === null) {
        scan.files[childRel] = 'outside';
        continue;
      }
      st = target;
      if (st.isDirectory()) continue; // a link to a folder inside the group: its files are walked where they are
    }
    if (!(st ? st.isFile() : entry.isFile())) {
      scan.files[childRel] = 'special';
      scan.diagnostics.push(
        diagnostic('not-a-regular-file', { type: specialType(st ?? lstatSync(childAbs)) }, { file: at, line: 0, column: 0 }),
      );
      continue;
    }
    place(scan, childAbs, childRel, at);
  }
}

/** A link's target when it stays inside the group; null (with a diagnostic) when it leads out or nowhere. */
function followLink(scan: GroupScan, real: string, linkAbs: string, at: string): Stats | null {
  let target: string;
  try {
    target = realpathSync(linkAbs);
  } catch {
    scan.diagnostics.push(diagnostic('dangling-link', {}, { file: at, line: 0, column: 0 }));
    return null;
  }
  if (!(target === real || target.startsWith(real + path.sep))) {
    // Photos that lead out are reported where a visit names them (photo-outside-group).
    if (RECORD_EXT.test(at) && !at.includes('/photos/'))
      scan.diagnostics.push(diagnostic('file-outside-group', { group: scan.id }, { file: at, line: 0, column: 0 }));
    return null;
  }
  return statSync(target);
}

function place(scan: GroupScan, abs: string, rel: string, at: string): void {
  if (RECORD_EXT.test(rel) && !rel.startsWith('photos/')) {
    scan.recordFiles.push(at);
    scan.files[rel] = 'other';
  } else if (rel === 'summary.md') {
    scan.files[rel] = 'other';
    const length = readHead(abs, 1 << 16, scan, at);
    if (length !== null) setSummary(scan, { file: at, length: Buffer.byteLength(length.toString('utf8').trim()) });
  } else if (rel === 'summary.docx') {
    scan.files[rel] = 'other';
    const length = docxLength(abs, scan, at);
    if (length !== null) setSummary(scan, { file: at, length });
  } else {
    if (WORKBOOK_EXT.test(rel) && !rel.startsWith('photos/') && !path.basename(rel).startsWith('~$')) {
      scan.diagnostics.push(diagnostic('workbook-in-group', {}, { file: at, line: 0, column: 0 }));
    }
    const head = readHead(abs, 8, scan, at);
    scan.files[rel] = head === null ? 'unreadable' : (pictureType(head) ?? 'other');
  }
}

/** summary.md wins over summary.docx when both have text; a summary with text over one without. */
function setSummary(scan: GroupScan, found: { file: string; length: number }): void {
  const had = scan.summary;
  if (!had || (had.length === 0 && found.length > 0) || (found.length > 0 && found.file.endsWith('.md'))) scan.summary = found;
}

/** The trimmed length in bytes of a Word file's text (0 for a file that is not one), or null when it cannot be read. */
function docxLength(abs: string, scan: GroupScan, at: string): number | null {
  const head = readHead(abs, MAX_SUMMARY_DOCX + 1, scan, at);
  if (head === null) return null;
  if (head.length > MAX_SUMMARY_DOCX) return 1;
  const xml = zipEntry(head, 'word/document.xml');
  return xml ? Buffer.byteLength(docxText(xml.toString('utf8')).trim()) : 0;
}

/** The first `n` bytes of a regular file (checked on the open descriptor), or null with a diagnostic. */
function readHead(file: string, n: number, scan: GroupScan, at: string): Buffer | null {
  let fd: number;
  try {
    fd = openForReading(file);
  } catch (e) {
    scan.diagnostics.push(
      diagnostic('unreadable-file', { reason: (e as NodeJS.ErrnoException).code ?? 'error' }, { file: at, line: 0, column: 0 }),
    );
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    const buf = Buffer.alloc(Math.min(n, st.size));
    let got = 0;
    while (got < buf.length) {
      const k = readSync(fd, buf, got, buf.length - got, got);
      if (k <= 0) break;
      got += k;
    }
    return buf.subarray(0, got);
  } catch (e) {
    scan.diagnostics.push(
      diagnostic('unreadable-file', { reason: (e as NodeJS.ErrnoException).code ?? 'error' }, { file: at, line: 0, column: 0 }),
    );
    return null;
  } finally {
    closeSync(fd);
  }
}

function specialType(st: Stats): 'fifo' | 'socket' | 'device' | 'other' {
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isBlockDevice() || st.isCharacterDevice()) return 'device';
  return 'other';
}
