// Writes the ledgers so that a failed or killed run never leaves a half-written file: each
// file goes to a temporary name in ledgers/, is flushed to disk, and only then renamed over
// the old one; the manifest is renamed last.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, REJECTED_FILE } from './serialize.js';

export const TMP_PREFIX = '.tmp-';

export function writeLedgerFiles(dir: string, files: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  removeStaleTemps(dir);
  const temps: [string, string][] = [];
  try {
    for (const [name, text] of files) {
      const tmp = path.join(dir, `${TMP_PREFIX}${process.pid}-${name}`);
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      temps.push([tmp, path.join(dir, name)]);
    }
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw e;
  }
  temps.sort((a, b) => Number(a[1].endsWith(MANIFEST_FILE)) - Number(b[1].endsWith(MANIFEST_FILE)));
  for (const [tmp, final] of temps) renameSync(tmp, final);
  if (!files.has(REJECTED_FILE)) rmSync(path.join(dir, REJECTED_FILE), { force: true });
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  }
}

/** Temporary files left by a killed run. */
export function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) if (name.startsWith(TMP_PREFIX)) rmSync(path.join(dir, name), { force: true });
}
