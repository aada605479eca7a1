// Reading a file that must be a regular file: the type is checked on the open descriptor
// (never by name), so a FIFO or a device named like a record file, ledger.yaml or a template
// cannot block a run or feed it without end; an optional limit refuses a huge file unread.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Thrown as an errno-style error (ENOTREG, EFBIG) so callers and main() word it with the path. */
function fail(code: string, file: string): never {
  throw Object.assign(new Error(`${code}: ${file}`), { code, path: file, syscall: 'read' });
}

/** Opening never waits: a FIFO opened for reading would block until a writer came along. */
export function openForReading(file: string): number {
  return openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
}

export function readRegularFile(file: string, limit = Number.POSITIVE_INFINITY): Buffer {
  const fd = openForReading(file);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) fail('EISDIR', file);
    if (!st.isFile()) fail('ENOTREG', file);
    if (st.size > limit) fail('EFBIG', file);
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n <= 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
