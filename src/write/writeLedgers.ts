// Writes the ledgers so that a failed or killed run never leaves a half-written or mixed set.
// Each file goes to a temporary name in ledgers/ and is flushed to disk; then a journal naming
// every rename is written (itself atomically), the renames are done, and the journal removed.
// A run killed before the journal leaves the old ledgers untouched (its temporaries are
// swept); one killed after it is rolled forward by the next reader or merge. Either way the
// ledgers are one whole set, old or new.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, REJECTED_FILE } from '../model/serialize.js';
import { writeParts } from './fsAtomic.js';
import { writing } from './writing.js';

export const TMP_PREFIX = '.tmp-';
export const JOURNAL = '.commit';

interface Journal {
  renames: [string, string][];
  remove: string[];
}

/** Kills the process at a named point of the write, for the crash tests (child processes only). */
function crashPoint(name: string): void {
  if (process.env.LEDGER_TEST_KILL_AT === name) process.kill(process.pid, 'SIGKILL');
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  }
}

function apply(dir: string, journal: Journal): void {
  journal.renames.forEach(([tmp, final], i) => {
    if (existsSync(path.join(dir, tmp))) renameSync(path.join(dir, tmp), path.join(dir, final));
    if (i === 0) crashPoint('mid-rename');
  });
  for (const name of journal.remove) rmSync(path.join(dir, name), { force: true });
  syncDir(dir);
  rmSync(path.join(dir, JOURNAL), { force: true });
  syncDir(dir);
}

/**
 * Finishes a write that was killed after its journal was written, and sweeps the temporaries
 * of one killed before. Returns true when it rolled a write forward.
 */
export function recoverInterruptedWrite(dir: string, options: { sweep: boolean } = { sweep: true }): boolean {
  if (!existsSync(dir)) return false;
  let rolled = false;
  const journalFile = path.join(dir, JOURNAL);
  if (existsSync(journalFile)) {
    let journal: Journal | null;
    try {
      journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    } catch {
      journal = null; // never happens with the atomic journal, but a broken one must not block
    }
    if (journal) {
      apply(dir, journal);
      rolled = true;
    } else rmSync(journalFile, { force: true });
  }
  if (options.sweep) for (const name of readdirSync(dir)) if (name.startsWith(TMP_PREFIX)) rmSync(path.join(dir, name), { force: true });
  return rolled;
}

/** Writes the files (name and bytes in parts) as one set: all of them, or none. Files marked unchanged are already in place. */
export function writeLedgerFiles(dir: string, files: readonly { name: string; parts: readonly Buffer[]; unchanged?: boolean }[]): void {
  writing(dir, () => {
    mkdirSync(dir, { recursive: true });
    recoverInterruptedWrite(dir);
  });
  const temps: [string, string][] = [];
  const names = new Set(files.map((f) => f.name));
  try {
    for (const { name, parts, unchanged } of files) {
      if (unchanged) continue;
      const tmp = `${TMP_PREFIX}${process.pid}-${name}`;
      writing(path.join(dir, name), () => writeParts(path.join(dir, tmp), parts, true));
      temps.push([tmp, name]);
    }
  } catch (e) {
    for (const [tmp] of temps) rmSync(path.join(dir, tmp), { force: true });
    throw e;
  }
  writing(dir, () => commit(dir, temps, names));
}

/** The journal, then the renames it names: from here on the new set is the one. */
function commit(dir: string, temps: [string, string][], names: ReadonlySet<string>): void {
  crashPoint('after-temps');
  // The manifest is renamed last: a reader that sees the new manifest sees the new ledgers.
  temps.sort((a, b) => Number(a[1] === MANIFEST_FILE) - Number(b[1] === MANIFEST_FILE));
  const journal: Journal = { renames: temps, remove: names.has(REJECTED_FILE) ? [] : [REJECTED_FILE] };
  const journalTmp = path.join(dir, `${TMP_PREFIX}${process.pid}-journal`);
  writeParts(journalTmp, [Buffer.from(JSON.stringify(journal))], true);
  renameSync(journalTmp, path.join(dir, JOURNAL));
  syncDir(dir);
  crashPoint('after-journal');
  apply(dir, journal);
}
