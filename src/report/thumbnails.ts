// Group photos for the html report, embedded as data: URIs so the report is one file that
// can be mailed. Only photos the manifest lists and whose bytes still match its hash are
// used (the report shows what was merged); large files are left out rather than bloat it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../util/hash.js';
import type { LedgerSet } from '../model/ledgers.js';

export const MAX_THUMBNAILS_PER_GROUP = 4;
export const MAX_PHOTO_BYTES = 512 * 1024;

export interface Thumbnail {
  src: string;
  caption: string;
}

function mime(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** Up to four photos per group, captioned with the date and place of the visit they belong to. */
export function groupThumbnails(root: string, set: LedgerSet): Map<string, Thumbnail[]> {
  const captions = new Map<string, string>();
  for (const v of set.ledgers.visit) {
    const photos = Array.isArray(v.photos) ? v.photos : [];
    for (const p of photos)
      captions.set(`groups/${v.group}/${String(p)}`, `${v.date} ${typeof v.place === 'string' ? v.place : ''}`.trim());
  }
  const out = new Map<string, Thumbnail[]>();
  for (const g of set.manifest.groups) {
    const list: Thumbnail[] = [];
    for (const rel of g.photos) {
      if (list.length >= MAX_THUMBNAILS_PER_GROUP) break;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(root, rel));
      } catch {
        continue;
      }
      const type = mime(bytes);
      if (!type || bytes.length > MAX_PHOTO_BYTES || set.manifest.inputs[rel] !== sha256(bytes)) continue;
      list.push({ src: `data:${type};base64,${bytes.toString('base64')}`, caption: captions.get(rel) ?? path.basename(rel) });
    }
    out.set(g.id, list);
  }
  return out;
}
