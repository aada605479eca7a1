// One merge at a time: a second `ledger merge` on the same campaign is refused while the first
// runs. The lock file names its owner's pid and host; a lock whose process is gone (killed,
// crashed machine) is taken over rather than blocking the office until someone deletes it.
// A pid can be reused by another process after a crash: the lock also records when its owner
// process started (from /proc where there is one), so a live stranger with the same pid does
// not hold the campaign.
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { ioError, LedgerError } from '../messages/errors.js';
import { createFileAtomic } from './fsAtomic.js';
import { writing } from './writing.js';

export const LOCK_FILE = '.lock';

interface Owner {
  pid: number;
  host: string;
  started: string;
  /** The owner process's start time in clock ticks since boot (Linux), to tell a reused pid. */
  ticks?: string;
  /** Set when `ledger review` holds the lock (it writes reviews.yaml, not the ledgers). */
  command?: 'review';
}

/** The start time of a process (field 22 of /proc/<pid>/stat), or undefined where there is no /proc. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the lock's owner is still running (not merely a process that got its pid). */
function alive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.ticks === undefined) return true;
  const now = startTicks(owner.pid);
  return now === undefined || now === owner.ticks;
}

const reviewing = (owner: Owner) => (owner.command === 'review' ? { command: 'review' as const } : {});

/** Whether a live process on this host holds the merge lock of ledgers/ right now. */
export function mergeRunning(ledgersDir: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(path.join(ledgersDir, LOCK_FILE), 'utf8')) as Owner;
    return owner.host !== hostname() || alive(owner);
  } catch {
    return false;
  }
}

/**
 * Takes the lock of ledgers/ (creating the folder); returns the function that releases it.
 * `ledger review` takes the same lock: reviews are read, changed and written whole while no
 * merge rewrites the records they are checked against, and two reviews never overwrite each other.
 */
export function acquireMergeLock(ledgersDir: string, now: Date = new Date(), command: 'merge' | 'review' = 'merge'): () => void {
  const created = !existsSync(ledgersDir);
  const file = path.join(ledgersDir, LOCK_FILE);
  writing(file, () => mkdirSync(ledgersDir, { recursive: true }));
  const ticks = startTicks(process.pid);
  const me: Owner = {
    pid: process.pid,
    host: hostname(),
    started: now.toISOString(),
    ...(ticks === undefined ? {} : { ticks }),
    ...(command === 'review' ? { command } : {}),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written whole under another name and linked into place: no process ever reads an empty lock
      // (and takes it for one left by a dead process).
      createFileAtomic(file, `${JSON.stringify(me)}\n`);
      return () => {
        rmSync(file, { force: true });
        // A refused first merge leaves no empty ledgers/ behind.
        if (created) {
          try {
            rmdirSync(ledgersDir);
          } catch {
            /* not empty: ledgers were written */
          }
        }
      };
    } catch (e) {
      // A lock that is there is looked at below; any other failure is one to write the lock.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(e, file, 'write');
    }
    let owner: Owner | null;
    try {
      owner = JSON.parse(readFileSync(file, 'utf8')) as Owner;
    } catch {
      owner = null;
    }
    if (owner && owner.host === me.host && owner.pid !== me.pid && alive(owner)) {
      throw new LedgerError('merge-running', { pid: owner.pid, since: owner.started, file, ...reviewing(owner) });
    }
    if (owner && owner.host !== me.host) {
      throw new LedgerError('merge-running', { pid: owner.pid, since: owner.started, host: owner.host, file, ...reviewing(owner) });
    }
    rmSync(file, { force: true }); // its owner is gone: take it over
  }
  throw new LedgerError('merge-lock', { file });
}
