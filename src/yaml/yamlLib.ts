// The `yaml` library, loaded the first time a text needs it (~15 ms): the fast reader takes most
// record files, and JSON copies most ledgers, so many commands never do.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
