// `ledger validate`: read → check → format. Run from inside a group's folder, the clerk means
// that group's submission. A returned workbook named on the command line is checked in place,
// as `ledger import` would check it (nothing is written).
import path from 'node:path';
import { diagnosticsFormat } from '../../format/diagnostics.js';
import { sortAndCount } from '../../messages/diagnostic.js';
import { ui } from '../../messages/ui.js';
import { validateCampaign, type ValidationResult } from '../../pipeline/validateCampaign.js';
import { findSoffice, OLD_EXT, XLSX_EXT } from '../../read/convertWorkbook.js';
import { inWorkbooks } from '../../read/workbookPlaces.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';
import { workbookInputs } from '../workbookInputs.js';

export async function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  const given = (args[0] as string[] | undefined) ?? [];
  const workbooks = given.filter((p) => XLSX_EXT.test(p) || OLD_EXT.test(p));
  let paths = given.filter((p) => !workbooks.includes(p));
  const inside = path.relative(root, rt.cwd).split(path.sep);
  if (!given.length && inside[0] === 'groups' && inside[1]) {
    paths = [path.join(root, 'groups', inside[1])];
    rt.stderr.write(`${ui(lang).onlyGroup(inside[1], root)}\n`);
  }
  let result: Pick<ValidationResult, 'diagnostics' | 'summary'> = {
    diagnostics: [],
    summary: { files: 0, records: 0, errors: 0, warnings: 0 },
  };
  if (paths.length || !workbooks.length)
    result = validateCampaign(root, paths.length ? { paths: paths.map((p) => path.resolve(rt.cwd, p)) } : {});
  if (workbooks.length) {
    // The workbook reader (exceljs and its unzip) loads only when a workbook is named.
    const { checkWorkbooks } = await import('../../pipeline/importWorkbook.js');
    const checked = await checkWorkbooks(root, workbookInputs(rt, workbooks), { soffice: findSoffice(rt.env) });
    const diagnostics = [...result.diagnostics, ...checked.diagnostics];
    result = {
      diagnostics,
      summary: {
        files: result.summary.files + checked.summary.files,
        records: result.summary.records + checked.summary.records,
        ...sortAndCount(diagnostics),
      },
    };
  }
  // Problems of imported records are shown at the workbook rows they came from.
  result = { ...result, diagnostics: inWorkbooks(root, result.diagnostics) };
  const quiet = opts.quiet === true;
  rt.stdout.write(
    format === 'json'
      ? diagnosticsFormat.json(result.diagnostics, result.summary, { lang, quiet })
      : diagnosticsFormat.text(result.diagnostics, result.summary, { color: rt.color, lang, quiet }),
  );
  rt.exitCode = result.summary.errors > 0 || (opts.strict === true && result.summary.warnings > 0) ? 1 : 0;
}
