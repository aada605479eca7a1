// Folders are made by the write stage too: `init` lays out a campaign's empty folders.
import { mkdirSync } from 'node:fs';

/** Makes `dir` and the folders above it; nothing happens when it is there. */
export function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
