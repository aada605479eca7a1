// One merge at a time: a second `ledger merge` on the same campaign is refused while the first
// runs. The lock file names its owner's pid and host; a lock whose process is gone (killed,
// crashed machine) is taken over rather than blocking the office until someone deletes it.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from '../diagnostics/errors.js';

export const LOCK_FILE = '.lock';

interface Owner {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a live process on this host holds the merge lock of ledgers/ right now. */
export function mergeRunning(ledgersDir: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(path.join(ledgersDir, LOCK_FILE), 'utf8')) as Owner;
    return owner.host !== hostname() || alive(owner.pid);
  } catch {
    return false;
  }
}

/** Takes the lock of ledgers/ (creating the folder); returns the function that releases it. */
export function acquireMergeLock(ledgersDir: string, now: Date = new Date()): () => void {
  const created = !existsSync(ledgersDir);
  mkdirSync(ledgersDir, { recursive: true });
  const file = path.join(ledgersDir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), started: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
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
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: Owner | null;
    try {
      owner = JSON.parse(readFileSync(file, 'utf8')) as Owner;
    } catch {
      owner = null;
    }
    if (owner && owner.host === me.host && owner.pid !== me.pid && alive(owner.pid)) {
      throw new UsageError(
        `another \`ledger merge\` is running on this campaign (pid ${owner.pid}, since ${owner.started}): wait for it to finish`,
      );
    }
    if (owner && owner.host !== me.host) {
      throw new UsageError(
        `another \`ledger merge\` is running on this campaign from ${owner.host} (pid ${owner.pid}, since ${owner.started}); if it is not, delete ${file}`,
      );
    }
    rmSync(file, { force: true }); // its owner is gone: take it over
  }
  throw new UsageError(`cannot take the lock ${file}`);
}
