// A file appears under its name only when complete: written beside it under a temporary name,
// then renamed over it (or, when it must not replace one, linked into place). A failed write
// leaves the old file (or none) and no temporary behind. Every file ledger writes goes through
// here: ledgers' caches, exports and templates, reports, feedback sheets, init and new.
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
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
import { ioError } from '../messages/errors.js';
import { writing, writingAsync } from './writing.js';

type Data = string | Uint8Array | readonly Uint8Array[];

/** Refuses to write over a folder, naming the file (not the temporary beside it). */
export function assertNotFolder(file: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR', path: file, syscall: 'open', flags: 'w' });
  }
}

/** A file being written: where to write it, then commit (put it in place) or abort (remove the temporary). */
export interface AtomicFile {
  /** The temporary path: hidden (scans skip dot files) and unique, so two writers on a shared folder never mix. */
  readonly tmp: string;
  commit(): void;
  /** Harmless after commit: the temporary is gone by then. */
  abort(): void;
}

/** Links are atomic and refuse an existing name; these say the disk has none (FAT, some shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV']);

/** Puts `tmp` at `file` only where there is no file yet (EEXIST otherwise). */
function linkNew(tmp: string, file: string): void {
  try {
    try {
      linkSync(tmp, file);
    } catch (e) {
      if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      // No hard links: an exclusive copy still never replaces a file, though a reader may see it half written.
      copyFileSync(tmp, file, constants.COPYFILE_EXCL);
    }
  } catch (e) {
    // Named by the file, as an exclusive open names it, not by the temporary.
    throw Object.assign(e as Error, { path: file });
  }
}

/**
 * Prepares `file` to be written (its folder made); with `exclusive`, commit fails with EEXIST
 * rather than replace a file that is there. Writers that open their own path (exceljs) get `tmp`.
 */
export function openAtomic(file: string, options: { exclusive?: boolean } = {}): AtomicFile {
  if (!options.exclusive) assertNotFolder(file);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  return {
    tmp,
    commit: () => (options.exclusive ? linkNew(tmp, file) : renameSync(tmp, file)),
    abort: () => rmSync(tmp, { force: true }),
  };
}

function writeAll(file: string, data: Data, exclusive: boolean): void {
  let out: AtomicFile | undefined;
  try {
    out = openAtomic(file, { exclusive });
    if (Array.isArray(data)) writeParts(out.tmp, data, false);
    else writeFileSync(out.tmp, data as string | Uint8Array);
    out.commit();
  } catch (e) {
    // A file already there is the answer an exclusive create asks for (init, new, the lock): left as EEXIST.
    if (exclusive && (e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
    throw ioError(e, file, 'write');
  } finally {
    out?.abort();
  }
}

/** `data` may come in parts (a ledger's chunks), written one after the other. */
export function writeFileAtomic(file: string, data: Data): void {
  writeAll(file, data, false);
}

/** Like writeFileAtomic, but never replaces a file: EEXIST when `file` is there (init, new, the merge lock). */
export function createFileAtomic(file: string, data: Data): void {
  writeAll(file, data, true);
}

/** The file is written by `write` at the temporary path it is given (a library that opens the file itself). */
export async function writeFileAtomicWith(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const out = writing(file, () => openAtomic(file));
  try {
    await writingAsync(file, () => write(out.tmp));
    writing(file, () => out.commit());
  } finally {
    out.abort();
  }
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
