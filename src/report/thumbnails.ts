// Group photos for the html report, embedded as data: URIs so the report is one file that
// can be mailed. Only photos the manifest lists and whose bytes still match its hash are
// used (the report shows what was merged); large files are left out rather than bloat it.
import path from 'node:path';
import { sha256 } from '../util/hash.js';
import { monthDay } from '../messages/dates.js';
import type { Lang } from '../messages/words.js';
import type { LedgerSet } from '../model/ledgers.js';
import { readBytes } from '../read/readFile.js';
import { pictureType } from '../util/sniff.js';

export const MAX_THUMBNAILS_PER_GROUP = 4;
export const MAX_PHOTO_BYTES = 512 * 1024;

export interface Thumbnail {
  src: string;
  caption: string;
}

const MIME = { jpeg: 'image/jpeg', png: 'image/png' } as const;

/** Up to four photos per group, captioned with the date and place of the visit they belong to. */
export function groupThumbnails(root: string, set: LedgerSet, lang: Lang): Map<string, Thumbnail[]> {
  const captions = new Map<string, string>();
  for (const v of set.ledgers.visit) {
    const photos = Array.isArray(v.photos) ? v.photos : [];
    for (const p of photos)
      captions.set(`groups/${v.group}/${String(p)}`, `${monthDay(v.date, lang)} ${typeof v.place === 'string' ? v.place : ''}`.trim());
  }
  const out = new Map<string, Thumbnail[]>();
  for (const g of set.manifest.groups) {
    const list: Thumbnail[] = [];
    for (const rel of g.photos) {
      if (list.length >= MAX_THUMBNAILS_PER_GROUP) break;
      let bytes: Buffer;
      try {
        bytes = readBytes(path.join(root, rel));
      } catch {
        continue;
      }
      const picture = pictureType(bytes);
      const type = picture && MIME[picture];
      if (!type || bytes.length > MAX_PHOTO_BYTES || set.manifest.inputs[rel] !== sha256(bytes)) continue;
      list.push({ src: `data:${type};base64,${bytes.toString('base64')}`, caption: captions.get(rel) ?? path.basename(rel) });
    }
    out.set(g.id, list);
  }
  return out;
}
