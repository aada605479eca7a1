// One entry of a zip archive (a .docx is one), read synchronously from its bytes: the central
// directory names it, the local header says where its data starts, and it is stored or
// deflated. Enough to read a Word file's text during the folder walk without an async library.
// Zip64 archives and encrypted entries are not read (null).
import { createRequire } from 'node:module';

// zlib is loaded when a deflated entry is read, not with every command that might (~1 ms of start-up).
let zlib: typeof import('node:zlib') | undefined;
const inflateRawSync: typeof import('node:zlib').inflateRawSync = (data, options) =>
  (zlib ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')).inflateRawSync(data, options);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The uncompressed bytes of entry `name`, or null when the archive has no such entry or cannot be read. */
export function zipEntry(buf: Buffer, name: string, maxSize = 64 * 1024 * 1024): Buffer | null {
  try {
    const end = findEnd(buf);
    if (end < 0) return null;
    const count = buf.readUInt16LE(end + 10);
    let p = buf.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
      if (buf.readUInt32LE(p) !== CENTRAL) return null;
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const compressed = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const n = buf.readUInt16LE(p + 28);
      const extra = buf.readUInt16LE(p + 30);
      const comment = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const entry = buf.toString('utf8', p + 46, p + 46 + n);
      p += 46 + n + extra + comment;
      if (entry !== name) continue;
      if (flags & 1 || size > maxSize || buf.readUInt32LE(local) !== LOCAL) return null;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data, { maxOutputLength: maxSize });
      return null;
    }
    return null;
  } catch {
    return null;
  }
}
