// Whole small files read by the floors above read/ (an import's earlier YAML, photos for the
// html report), so that file access stays in the I/O floors.
import { readFileSync } from 'node:fs';

/** The bytes of `file`. */
export function readBytes(file: string): Buffer {
  return readFileSync(file);
}

/** The text of `file`, as UTF-8. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
