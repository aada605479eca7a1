// The read stage's disk walk: which group folders exist, their record files, their summary and
// what every other file is by its bytes. Nothing is skipped in silence: a link leading out of
// the group, a dangling link, a pipe or device, a file that cannot be read is a diagnostic
// naming it. A record file that cannot be read (or a group folder that is a broken link) is
// kept among the record files as refused, so a merge lists it in rejected.yaml like any file it
// could not read. Only regular files are ever opened, so a FIFO named *.yaml cannot hang a run.
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
  /** Record files, relative to the campaign root with '/', in walk order (refused ones too). */
  recordFiles: string[];
  /** Record files (or the group folder itself) that cannot be read, with the diagnostic that refuses them. */
  refused: Record<string, Diagnostic>;
  /** Every file under the folder, relative to it, by kind. */
  files: Record<string, FileSniff>;
  /**
   * The group's text summary (campaign-relative) and its text's trimmed length in bytes; null
   * when there is none. summary.md or summary.docx (FORMAT 1.1): the one with text, summary.md
   * when both have.
   */
  summary: { file: string; length: number } | null;
  /** A summary file that is there but cannot be read (campaign-relative): whether it has text is not known. */
  unreadableSummary: string | null;
  /** Links leading out, dangling links, special files, unreadable files (other than refused record files): each named. */
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
      const at = { file: `groups/${name}`, line: 0, column: 0 };
      const kind = entryKind(path.join(groupsDir, name));
      if (kind === 'dir') diagnostics.push(diagnostic('undeclared-group', { folder: name }, at));
      else if (kind === 'broken-link') diagnostics.push(diagnostic('dangling-link', { folder: true }, at));
    }
  }
  const groups: GroupScan[] = [];
  for (const g of campaign.groups) if (!only || only.has(g.id)) groups.push(scanGroup(root, g.id));
  return { groups, diagnostics };
}

/** What stands at a path under groups/: a folder (through links), a link leading nowhere, something else, or nothing. */
function entryKind(abs: string): 'dir' | 'broken-link' | 'other' | 'none' {
  try {
    return statSync(abs).isDirectory() ? 'dir' : 'other';
  } catch {
    // ENOENT or ELOOP through a link: the link is there, its target is not.
    return lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink() ? 'broken-link' : 'none';
  }
}

export function scanGroup(root: string, id: string): GroupScan {
  const dir = path.join(root, 'groups', id);
  const scan: GroupScan = {
    id,
    dir,
    exists: false,
    recordFiles: [],
    refused: {},
    files: {},
    summary: null,
    unreadableSummary: null,
    diagnostics: [],
  };
  const kind = entryKind(dir);
  if (kind === 'broken-link') {
    // Whatever the group handed in is behind the link: refused as a whole, not taken for "nothing yet".
    refuse(scan, '', diagnostic('dangling-link', { folder: true }, { file: atOf(scan, ''), line: 0, column: 0 }));
    scan.unreadableSummary = atOf(scan, '');
  }
  if (kind !== 'dir') return scan;
  scan.exists = true;
  walk(scan, realpathSync.native(dir), dir, '');
  return scan;
}

const isRecordFile = (rel: string) => RECORD_EXT.test(rel) && !rel.startsWith('photos/');
const isSummary = (rel: string) => rel === 'summary.md' || rel === 'summary.docx';

/** Campaign-relative path of `rel` in the group folder ('' for the folder itself). */
const atOf = (scan: GroupScan, rel: string) => (rel ? `groups/${scan.id}/${rel}` : `groups/${scan.id}`);

/** Refuses what is at `rel` (a record file, or a folder that may hold some): it stays in the record files, with its reason. */
function refuse(scan: GroupScan, rel: string, d: Diagnostic): void {
  scan.recordFiles.push(atOf(scan, rel));
  scan.refused[atOf(scan, rel)] = d;
}

/** A file that cannot be read: a record file is refused; a summary is known to be there unread; anything else is reported. */
function unreadable(scan: GroupScan, rel: string, d: Diagnostic | null): void {
  if (isRecordFile(rel) && d) return refuse(scan, rel, d);
  if (isSummary(rel)) scan.unreadableSummary ??= atOf(scan, rel);
  if (d) scan.diagnostics.push(d);
}

/** A folder's entries, sorted; null when it cannot be listed (then refused, with the records it may hold). */
function listFolder(scan: GroupScan, abs: string, rel: string) {
  try {
    return readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'error';
    refuse(scan, rel, diagnostic('unreadable-file', { reason }, { file: atOf(scan, rel), line: 0, column: 0 }));
    return null;
  }
}

/** Entries come with their type: no lstat per plain file (a campaign has tens of thousands). */
function walk(scan: GroupScan, real: string, abs: string, rel: string): void {
  const entries = listFolder(scan, abs, rel);
  for (const entry of entries ?? []) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    // A name read from the folder has no separator in it: no join needed (10,000 files a walk).
    const childAbs = abs + path.sep + name;
    const childRel = rel ? `${rel}/${name}` : name;
    const at = `groups/${scan.id}/${childRel}`;
    if (entry.isDirectory()) {
      scan.files[childRel] = 'dir';
      walk(scan, real, childAbs, childRel);
      continue;
    }
    let st: Stats | undefined;
    if (entry.isSymbolicLink()) {
      const target = followLink(scan, real, childAbs, childRel);
      if (target === null) {
        scan.files[childRel] = 'outside';
        continue;
      }
      st = target;
      if (st.isDirectory()) continue; // a link to a folder inside the group: its files are walked where they are
    }
    if (!(st ? st.isFile() : entry.isFile())) {
      scan.files[childRel] = 'special';
      unreadable(
        scan,
        childRel,
        diagnostic('not-a-regular-file', { type: specialType(st ?? lstatSync(childAbs)) }, { file: at, line: 0, column: 0 }),
      );
      continue;
    }
    place(scan, childAbs, childRel, at);
  }
}

/** A link's target when it stays inside the group; null (refused or reported) when it leads out or nowhere. */
function followLink(scan: GroupScan, real: string, linkAbs: string, rel: string): Stats | null {
  const at = { file: `groups/${scan.id}/${rel}`, line: 0, column: 0 };
  let target: string;
  try {
    target = realpathSync(linkAbs);
  } catch {
    unreadable(scan, rel, diagnostic('dangling-link', {}, at));
    return null;
  }
  if (!(target === real || target.startsWith(real + path.sep))) {
    // Photos that lead out are reported where a visit names them (photo-outside-group); other files are not read.
    const what = isRecordFile(rel) ? {} : isSummary(rel) ? { summary: true } : null;
    unreadable(scan, rel, what && diagnostic('file-outside-group', { group: scan.id, ...what }, at));
    return null;
  }
  return statSync(target);
}

function place(scan: GroupScan, abs: string, rel: string, at: string): void {
  if (isRecordFile(rel)) {
    scan.recordFiles.push(at);
    scan.files[rel] = 'other';
  } else if (rel === 'summary.md') {
    scan.files[rel] = 'other';
    const length = readHead(abs, 1 << 16, scan, at);
    if (length !== null) setSummary(scan, { file: at, length: Buffer.byteLength(length.toString('utf8').trim()) });
    else unreadable(scan, rel, null);
  } else if (rel === 'summary.docx') {
    scan.files[rel] = 'other';
    const length = docxLength(abs, scan, at);
    if (length !== null) setSummary(scan, { file: at, length });
    else unreadable(scan, rel, null);
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
  if (xml) return Buffer.byteLength(docxText(xml.toString('utf8')).trim());
  // Not a Word file (damaged, or renamed): said so, and the summary is there but unread, not absent.
  scan.diagnostics.push(diagnostic('summary-not-docx', {}, { file: at, line: 0, column: 0 }));
  return null;
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
