// Which ledger file, if any, is no longer what the merge wrote: for `ledger status` and the
// feedback sheets, which must not call hand-edited ledgers current (or merely stale). A file
// whose size, mtime and inode are those recorded after the merge is taken as written; only a
// file whose stat changed is hashed and compared with the manifest.
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadLedgerStats } from '../cache/ledgerStats.js';
import type { Manifest } from '../model/ledgers.js';
import { sha256File } from './hashFile.js';

/** The first ledger file (in the manifest's order) missing or not matching the manifest's hash; null when all are as written. */
export function editedLedger(ledgersDir: string, manifest: Manifest): string | null {
  const stats = loadLedgerStats(ledgersDir);
  for (const [name, expected] of Object.entries(manifest.ledgers)) {
    const file = path.join(ledgersDir, name);
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) return name;
    const known = stats[name];
    const untouched = known?.sha256 === expected && known.size === st.size && known.mtimeMs === st.mtimeMs && known.ino === st.ino;
    if (untouched) continue;
    try {
      if (sha256File(file) !== expected) return name;
    } catch {
      return name;
    }
  }
  return null;
}
