// Content hashes for the manifest, the cache and staleness checks (files are hashed by read/).
import { createHash } from 'node:crypto';

/** sha256 of a string or bytes, or of byte parts laid end to end (a ledger file built from chunks). */
export function sha256(data: string | Uint8Array | readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  if (typeof data === 'string' || data instanceof Uint8Array) hash.update(data);
  else for (const part of data) hash.update(part);
  return hash.digest('hex');
}
