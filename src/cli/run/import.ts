// `ledger import`: returned workbooks checked like record files, then written as YAML into
// their groups' imported/ folders; nothing is written while any error remains.
import { importFormat } from '../../format/import.js';
import { checkWorkbooks, writeImports } from '../../pipeline/importWorkbook.js';
import { findSoffice } from '../../read/convertWorkbook.js';
import { inWorkbooks } from '../../read/workbookPlaces.js';
import { campaignRoot, langOf, parseChoice, type Runtime } from '../runtime.js';
import { workbookInputs } from '../workbookInputs.js';

/** Workbook paths as given, resolved, and named relative to where ledger runs. */
export async function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice(String(opts.format), ['text', 'json'] as const);
  const lang = langOf(rt, opts.lang as string | undefined);
  const root = campaignRoot(rt);
  const dryRun = opts.dryRun === true;
  const inputs = workbookInputs(rt, (args[0] as string[] | undefined) ?? []);
  const checked = await checkWorkbooks(root, inputs, {
    ...(opts.group === undefined ? {} : { group: String(opts.group) }),
    soffice: findSoffice(rt.env),
    replace: opts.replace === true,
  });
  const written = dryRun ? checked : writeImports(root, checked);
  // Problems of other imported files are shown at their workbook rows.
  const result = { ...written, diagnostics: inWorkbooks(root, written.diagnostics) };
  rt.stdout.write(
    format === 'json' ? importFormat.json(result, { lang, dryRun }) : importFormat.text(result, { color: rt.color, lang, dryRun }),
  );
  rt.exitCode = result.summary.errors > 0 ? 1 : 0;
}
