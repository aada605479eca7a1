// LibreOffice, when installed: converts a workbook or a Word file to PDF, which proves the file
// opens in real office software. Tests using it are skipped with a message when it is missing
// (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './campaign.js';

export const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0);

export function warnIfMissing(test: string): void {
  if (!soffice) console.warn(`${test}: LibreOffice (soffice) is not installed; skipping the PDF conversion test`);
}

/** Converts `file` to PDF and returns the PDF's size in bytes. */
export function convertToPdf(file: string): number {
  const out = tempDir();
  const profile = tempDir();
  const conv = spawnSync(
    soffice as string,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(conv.status, conv.stderr).toBe(0);
  const pdf = path.join(out, `${path.basename(file, path.extname(file))}.pdf`);
  expect(existsSync(pdf), `${readdirSync(out).join(', ')}\n${conv.stdout}${conv.stderr}`).toBe(true);
  return statSync(pdf).size;
}
