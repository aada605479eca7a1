// The read stage's disk walk: which group folders exist, their record files, their summary and
// what every other file is by its bytes. Symlinks are followed only to say where they lead.
import { openSync, readSync, closeSync, readdirSync, realpathSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Campaign, FileSniff } from '../model/campaign.js';

export interface GroupScan {
  id: string;
  /** Absolute folder path. */
  dir: string;
  exists: boolean;
  /** Record files, relative to the campaign root with '/', sorted. */
  recordFiles: string[];
  /** Every file under the folder, relative to it, by kind. */
  files: Record<string, FileSniff>;
  /** Bytes of summary.md after trimming whitespace; -1 when missing. */
  summaryLength: number;
}

export interface Scan {
  groups: GroupScan[];
  diagnostics: Diagnostic[];
}

const RECORD_EXT = /\.ya?ml$/i;

export function scanGroups(root: string, campaign: Campaign, only?: ReadonlySet<string>): Scan {
  const diagnostics: Diagnostic[] = [];
  const groupsDir = path.join(root, 'groups');
  const declared = new Set(campaign.groups.map((g) => g.id));
  if (existsSync(groupsDir)) {
    for (const name of readdirSync(groupsDir).sort()) {
      if (name.startsWith('.') || declared.has(name)) continue;
      if (!statSync(path.join(groupsDir, name)).isDirectory()) continue;
      if (only && !only.has(name)) continue;
      diagnostics.push({
        severity: 'error',
        code: 'undeclared-group',
        message: `folder groups/${name} is not a group of ledger.yaml: add it under groups: or move it away`,
        file: `groups/${name}`,
        line: 0,
        column: 0,
        pointer: '',
      });
    }
  }
  const groups: GroupScan[] = [];
  for (const g of campaign.groups) {
    if (only && !only.has(g.id)) continue;
    groups.push(scanGroup(root, g.id));
  }
  return { groups, diagnostics };
}

export function scanGroup(root: string, id: string): GroupScan {
  const dir = path.join(root, 'groups', id);
  const scan: GroupScan = { id, dir, exists: false, recordFiles: [], files: {}, summaryLength: -1 };
  let real: string;
  try {
    if (!statSync(dir).isDirectory()) return scan;
    real = realpathSync.native(dir);
  } catch {
    return scan;
  }
  scan.exists = true;
  const walk = (abs: string, rel: string) => {
    // Entries come with their type: no lstat per file (a campaign has tens of thousands).
    for (const st of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = st.name;
      if (name.startsWith('.')) continue;
      const childAbs = path.join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      if (st.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(childAbs);
        } catch {
          continue;
        }
        if (!(target === real || target.startsWith(real + path.sep))) {
          scan.files[childRel] = 'outside';
          continue;
        }
        if (statSync(target).isDirectory()) continue;
      } else if (st.isDirectory()) {
        scan.files[childRel] = 'dir';
        walk(childAbs, childRel);
        continue;
      } else if (!st.isFile()) continue;
      if (RECORD_EXT.test(name) && !childRel.startsWith('photos/')) {
        scan.recordFiles.push(`groups/${id}/${childRel}`);
        scan.files[childRel] = 'other';
      } else if (childRel === 'summary.md') {
        scan.summaryLength = readTrimmedLength(childAbs);
        scan.files[childRel] = 'other';
      } else {
        scan.files[childRel] = sniff(childAbs);
      }
    }
  };
  walk(dir, '');
  return scan;
}

function readTrimmedLength(file: string): number {
  const text = readHead(file, 1 << 16)
    .toString('utf8')
    .trim();
  return Buffer.byteLength(text);
}

function readHead(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** JPEG and PNG by their magic bytes: a renamed .docx is not a picture. */
export function sniff(file: string): FileSniff {
  const h = readHead(file, 8);
  if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'jpeg';
  if (h.length === 8 && h.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  return 'other';
}
