// Reading and hashing input files through the file cache: a file whose size, mtime and inode
// are those recorded is not even read; one whose bytes hash to the recorded content is not parsed
// again. Record files are read whole (they are checked), anything else is hashed as a stream.
// Only regular files are opened, and a record file over the size limit is refused unread.
import { statSync, type Stats } from 'node:fs';
import { readRegularFile } from './readRegular.js';
import path from 'node:path';
import type { FileCache } from '../cache/fileCache.js';
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import { sha256 } from '../util/hash.js';
import { sha256File } from './hashFile.js';
import { MAX_RECORD_FILE } from './scanGroups.js';

export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A record file as read: its hash, and its bytes unless the cache answers for them. */
export interface ReadFile {
  rel: string;
  hash: string;
  size: number;
  mtimeMs: number;
  ino: number;
  /** The file cache holds a checked result for exactly this content and context. */
  hit: boolean;
  /** The bytes, when they were read (not for a cache hit by size and mtime). */
  bytes?: Buffer;
  /** Why the file could not be read (it is then refused, not skipped). */
  problem?: Diagnostic;
}

export class InputReader {
  constructor(
    private readonly root: string,
    private readonly cache?: FileCache,
  ) {}

  /** A record file, checked in the context `ctx` (the group context's key). */
  record(rel: string, ctx: string): ReadFile {
    const abs = path.join(this.root, rel);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (e) {
      return this.unreadable(rel, e);
    }
    const cached = this.cache?.byStat(rel, st, ctx);
    if (cached?.checked) return { rel, hash: cached.sha256, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, hit: true };
    if (st.size > MAX_RECORD_FILE) {
      return { rel, hash: '', size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, hit: false, problem: tooLarge(rel, st.size) };
    }
    let bytes: Buffer;
    try {
      bytes = readRegularFile(abs, MAX_RECORD_FILE);
    } catch (e) {
      return this.unreadable(rel, e);
    }
    const hash = sha256(bytes);
    const byHash = this.cache?.byHash(rel, st, hash, ctx);
    return { rel, hash, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, hit: byHash?.checked === true, bytes };
  }

  /** The bytes of a record file the cache answered for by size and mtime (when its result must be rebuilt). */
  bytesOf(rel: string): Buffer {
    const abs = path.join(this.root, rel);
    return readRegularFile(abs, MAX_RECORD_FILE);
  }

  /** The hash of a file that is only hashed (ledger.yaml, photos, summaries), streamed, with its stat before; null when unreadable. */
  hash(rel: string): (FileStat & { hash: string }) | null {
    const abs = path.join(this.root, rel);
    try {
      const st = statSync(abs);
      if (!st.isFile()) return null;
      const at = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
      const cached = this.cache?.byStat(rel, st, '');
      if (cached) return { ...at, hash: cached.sha256 };
      const hash = sha256File(abs);
      this.cache?.store({ rel, ...at, sha256: hash, ctx: '' }, null);
      return { ...at, hash };
    } catch {
      return null;
    }
  }

  /** Size, mtime and inode of a regular file; null when it is not one or cannot be looked at. */
  stat(rel: string): FileStat | null {
    try {
      // `rel` is a walked path ('/' between names, nothing to normalize): one stat per input file, no join.
      const st = statSync(this.root + path.sep + rel);
      return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : null;
    } catch {
      return null;
    }
  }

  private unreadable(rel: string, e: unknown): ReadFile {
    const reason = (e as NodeJS.ErrnoException).code ?? 'error';
    return refusedFile(rel, diagnostic('unreadable-file', { reason }, { file: rel, line: 0, column: 0 }));
  }
}

/** A record file the folder walk found cannot be read (a link leading out or nowhere, a pipe): refused with its reason. */
export function refusedFile(rel: string, problem: Diagnostic): ReadFile {
  return { rel, hash: '', size: 0, mtimeMs: 0, ino: 0, hit: false, problem };
}

function tooLarge(rel: string, size: number): Diagnostic {
  return diagnostic('file-too-large', { size, limit: MAX_RECORD_FILE }, { file: rel, line: 0, column: 0 });
}
