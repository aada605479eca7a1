// Workbooks in older formats (.xls from Excel 97-2003, .et from WPS) are converted to .xlsx by
// LibreOffice when it is installed: headless, with a profile of its own (so a LibreOffice the
// user has open is not disturbed), into a temporary folder that is removed afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedgerError } from '../messages/errors.js';

/** Extensions read as they are, and those converted first. */
export const XLSX_EXT = /\.(xlsx|xlsm)$/i;
export const OLD_EXT = /\.(xls|et)$/i;

/** LibreOffice's command: LEDGER_SOFFICE when set ('' for none), else soffice or libreoffice on PATH. */
export function findSoffice(env: Record<string, string | undefined>): string | null {
  if (env.LEDGER_SOFFICE !== undefined) return env.LEDGER_SOFFICE === '' ? null : env.LEDGER_SOFFICE;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      const candidate = path.join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

export interface Converted {
  /** The .xlsx to read. */
  file: string;
  /** Removes the temporary folder. */
  cleanup(): void;
}

/** `abs` converted to .xlsx in a temporary folder; a LedgerError saying how to save it as .xlsx when that cannot be done. */
export function convertToXlsx(abs: string, shown: string, soffice: string | null): Converted {
  if (!soffice) throw new LedgerError('workbook-convert', { path: shown, variant: 'no-soffice' });
  const work = mkdtempSync(path.join(tmpdir(), 'ledger-convert-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  const out = path.join(work, 'out');
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  const run = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, abs], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const file = path.join(out, `${path.basename(abs, path.extname(abs))}.xlsx`);
  if (run.status !== 0 || !existsSync(file)) {
    const detail = (run.error?.message ?? (run.stderr || run.stdout || '').trim().split('\n').pop() ?? '').slice(0, 200);
    cleanup();
    throw new LedgerError('workbook-convert', { path: shown, variant: 'failed', ...(detail ? { detail } : {}) });
  }
  return { file, cleanup };
}
