import type { Command } from 'commander';
import path from 'node:path';
import { allSchemas, schemaText } from '../schema/jsonSchema.js';
import { writeSchemas } from '../write/writeSchemas.js';
import { didYouMean } from '../text/suggest.js';
import { UsageError, type Runtime } from './runtime.js';

export function registerSchema(program: Command, rt: () => Runtime): void {
  const names = Object.keys(allSchemas()).map((f) => f.replace(/\.schema\.json$/, ''));
  program
    .command('schema')
    .description('print a JSON Schema of the campaign format, or write them all for editors and other tools')
    .argument('[name]', names.join(' | '))
    .option('--out <dir>', 'write every schema file into this folder')
    .addHelpText('after', '\nExamples:\n  $ ledger schema --out schemas\n  $ ledger schema opinion > opinion.schema.json')
    .action((name: string | undefined, opts: { out?: string }) => {
      const r = rt();
      if (opts.out !== undefined) {
        if (name !== undefined) throw new UsageError('give either a schema name or --out, not both');
        for (const file of writeSchemas(path.resolve(r.cwd, opts.out))) r.stdout.write(`${path.relative(r.cwd, file) || file}\n`);
        return;
      }
      if (name === undefined) throw new UsageError(`name a schema (${names.join(', ')}) or pass --out <dir>`);
      const schema = allSchemas()[`${name}.schema.json`];
      if (!schema) throw new UsageError(`no schema "${name}"${didYouMean(name, names)} (the schemas: ${names.join(', ')})`);
      r.stdout.write(schemaText(schema));
    });
}
