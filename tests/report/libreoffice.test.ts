// The Word report opens in real word-processing software: LibreOffice converts it to PDF.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { convertToPdf, soffice, warnIfMissing } from '../helpers/soffice.js';

warnIfMissing('report/libreoffice.test');

describe.skipIf(!soffice)('the Word report opens in LibreOffice', () => {
  it('converts the zh-CN report to a PDF', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    const run = await runCli(['report', '--as-of', '2014-05-24', '--out', 'report.docx'], { cwd: root });
    expect(run.code).toBe(0);
    expect(convertToPdf(path.join(root, 'report.docx'))).toBeGreaterThan(10_000);
  }, 180_000);
});
