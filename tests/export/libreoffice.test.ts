// The workbook opens in real spreadsheet software: LibreOffice converts it to PDF. Skipped with
// a message when LibreOffice is not installed (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign, tempDir } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0);
if (!soffice) console.warn('libreoffice.test: LibreOffice (soffice) is not installed; skipping the PDF conversion test');

describe.skipIf(!soffice)('export opens in LibreOffice', () => {
  it('converts the zh-CN export to a PDF', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const run = await runCli(['export', '--as-of', '2014-05-24', '--out', 'book.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    const out = tempDir();
    const profile = tempDir();
    const conv = spawnSync(
      soffice as string,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path.join(root, 'book.xlsx')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(conv.status, conv.stderr).toBe(0);
    const pdf = path.join(out, 'book.pdf');
    expect(existsSync(pdf), `${readdirSync(out).join(', ')}\n${conv.stdout}${conv.stderr}`).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  }, 180_000);
});
