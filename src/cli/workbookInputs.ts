// Workbooks named on the command line, as the import pipeline takes them: where the file is, and
// how the clerk wrote it (relative to where they stand), for every message about it.
import path from 'node:path';
import type { Runtime } from './runtime.js';

export interface WorkbookArg {
  abs: string;
  shown: string;
}

export function workbookInputs(rt: Runtime, files: readonly string[]): WorkbookArg[] {
  return files.map((f) => {
    const abs = path.resolve(rt.cwd, f);
    return { abs, shown: (path.relative(rt.cwd, abs) || abs).split(path.sep).join('/') };
  });
}
