// Hashing a file as it is read: a 100 MB ledger never sits in memory to be hashed.
import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { openForReading } from './readRegular.js';

/** sha256 of a file read in 1 MB chunks, so a 100 MB ledger never sits in memory to be hashed. */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = openForReading(file);
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
