// `ledger schema`: one JSON Schema on stdout, or all of them into a folder.
import path from 'node:path';
import { LedgerError } from '../../messages/errors.js';
import { allSchemas, schemaText } from '../../schema/jsonSchema.js';
import { nearest } from '../../text/suggest.js';
import { writeSchemas } from '../../write/writeSchemas.js';
import type { Runtime } from '../runtime.js';

export function run(rt: Runtime, args: unknown[], opts: Record<string, unknown>): void {
  const name = args[0] as string | undefined;
  const names = Object.keys(allSchemas()).map((f) => f.replace(/\.schema\.json$/, ''));
  if (opts.out !== undefined) {
    if (name !== undefined) throw new LedgerError('schema-args', { names, both: true });
    for (const file of writeSchemas(path.resolve(rt.cwd, String(opts.out)))) rt.stdout.write(`${path.relative(rt.cwd, file) || file}\n`);
    return;
  }
  if (name === undefined) throw new LedgerError('schema-args', { names, both: false });
  const schema = allSchemas()[`${name}.schema.json`];
  if (!schema) {
    const suggest = nearest(name, names);
    throw new LedgerError('schema-name', { name, names, ...(suggest === undefined ? {} : { suggest }) });
  }
  rt.stdout.write(schemaText(schema));
}
