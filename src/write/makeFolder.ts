// Folders are made by the write stage too: `init` lays out a campaign's empty folders.
import { mkdirSync } from 'node:fs';
import { writing } from './writing.js';

/** Makes `dir` and the folders above it; nothing happens when it is there. A failure is a write error naming `dir`. */
export function makeFolder(dir: string): void {
  writing(dir, () => mkdirSync(dir, { recursive: true }));
}
