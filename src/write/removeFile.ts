// Removals are writes: `import` removes a workbook's earlier import when nothing of it is left.
import { rmSync } from 'node:fs';

/** Removes `file`; nothing happens when it is not there. */
export function removeFile(file: string): void {
  rmSync(file, { force: true });
}
