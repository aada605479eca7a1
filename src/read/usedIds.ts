// `ledger new` numbers a record after the ids a group already uses: read from its record files
// with the yaml library, which reads any file (broken ones too) as far as it can.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { scanGroup } from './scanGroups.js';

/** The ids already used in a group, by reading its record files (unreadable ones are skipped). */
export function usedIds(root: string, group: string): Set<string> {
  const ids = new Set<string>();
  const scan = scanGroup(root, group);
  // Refused files are never opened: a pipe would block, a link may lead anywhere.
  for (const rel of scan.recordFiles.filter((f) => !scan.refused[f])) {
    let text: string;
    try {
      text = readFileSync(path.join(root, rel), 'utf8');
    } catch {
      continue;
    }
    for (const doc of parseAllDocuments(text, { schema: 'core' }) as unknown as { toJS(): unknown }[]) {
      try {
        const v = doc.toJS() as { id?: unknown } | null;
        if (v && typeof v === 'object' && (typeof v.id === 'string' || typeof v.id === 'number')) ids.add(String(v.id));
      } catch {
        /* a broken document has no id to avoid; validate reports it */
      }
    }
  }
  return ids;
}
