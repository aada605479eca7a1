// A file appears under its name only when complete: written beside it under a temporary name,
// then renamed over it. A failed write leaves the old file (or none) and no temporary behind.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { writing } from './writing.js';

/** Refuses to write over a folder, naming the file (not the temporary beside it). */
export function assertNotFolder(file: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR', path: file, syscall: 'open', flags: 'w' });
  }
}

/** `data` may come in parts (a ledger's chunks), written one after the other. */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  writing(file, () => {
    assertNotFolder(file);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = tempBeside(file);
    try {
      if (Array.isArray(data)) writeParts(tmp, data, false);
      else writeFileSync(tmp, data as string | Uint8Array);
      renameSync(tmp, file);
    } finally {
      rmSync(tmp, { force: true });
    }
  });
}

/** The temporary name a file is written under before it is renamed into place. */
export function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
}

/** Writes parts to a new file; with `durable`, flushed to disk before it is closed. */
export function writeParts(file: string, parts: readonly Uint8Array[], durable: boolean): void {
  const fd = openSync(file, 'w');
  try {
    for (const p of parts) for (let off = 0; off < p.length;) off += writeSync(fd, p, off, p.length - off);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes the entries of `dir` that are not in `keep` (a cache's files that nothing refers to any more). */
export function removeAllBut(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
}
