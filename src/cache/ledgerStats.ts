// The size, mtime and inode of each ledger file as the merge left it, beside its hash, in
// ledgers/.cache/ (safe to delete): `ledger status` tells an untouched ledger file by its stat
// and hashes only one whose stat changed, so asking for the status stays cheap on 100,000
// records. Recorded right after the merge's own write, so the stat and the hash describe the
// same bytes; an edit in place within the same mtime tick and at the same size would slip by,
// which export, report and audit still catch (they hash every ledger file they read).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../write/fsAtomic.js';
import { CACHE_DIR } from './ledgerCopies.js';

export interface LedgerStat {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

const statsPath = (ledgersDir: string) => path.join(ledgersDir, CACHE_DIR, 'ledger-stats.json');

/** Records the stat of each ledger file just written (name → its hash); never fails the merge. */
export function saveLedgerStats(ledgersDir: string, hashes: Readonly<Record<string, string>>): void {
  try {
    const out: Record<string, LedgerStat> = {};
    for (const [name, sha256] of Object.entries(hashes)) {
      const st = statSync(path.join(ledgersDir, name));
      out[name] = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, sha256 };
    }
    writeFileAtomic(statsPath(ledgersDir), JSON.stringify(out));
  } catch {
    /* status then hashes the ledger files instead */
  }
}

/** The recorded stats by file name (empty when there are none or they cannot be read). */
export function loadLedgerStats(ledgersDir: string): Record<string, LedgerStat | undefined> {
  try {
    const data = JSON.parse(readFileSync(statsPath(ledgersDir), 'utf8')) as unknown;
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, LedgerStat>) : {};
  } catch {
    return {};
  }
}
