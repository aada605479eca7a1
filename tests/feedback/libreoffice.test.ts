// The feedback sheets open in real office software: LibreOffice converts the Word file and the
// workbook of a group with problems to PDF.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign } from '../helpers/campaign.js';
import { runCli } from '../helpers/cli.js';
import { convertToPdf, soffice, warnIfMissing } from '../helpers/soffice.js';

warnIfMissing('feedback/libreoffice.test');

describe.skipIf(!soffice)('feedback sheets open in LibreOffice', () => {
  it('converts a docx and an xlsx feedback sheet to PDF', async () => {
    const root = copyCampaign('zh-CN');
    expect((await runCli(['merge'], { cwd: root })).code).toBe(0);
    for (const format of ['docx', 'xlsx']) {
      const run = await runCli(['feedback', 'g4', '--format', format, '--as-of', '2014-05-24'], { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      expect(convertToPdf(path.join(root, `exports/feedback/g4-问题反馈单.${format}`))).toBeGreaterThan(5_000);
    }
  }, 180_000);
});
