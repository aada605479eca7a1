// The workbook opens in real spreadsheet software: LibreOffice converts it to PDF.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { convertToPdf, soffice, warnIfMissing } from '../helpers/soffice.js';

warnIfMissing('export/libreoffice.test');

describe.skipIf(!soffice)('export opens in LibreOffice', () => {
  it('converts the zh-CN export to a PDF', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const run = await runCli(['export', '--as-of', '2014-05-24', '--out', 'book.xlsx'], { cwd: root });
    expect(run.code).toBe(0);
    expect(convertToPdf(path.join(root, 'book.xlsx'))).toBeGreaterThan(10_000);
  }, 180_000);
});
