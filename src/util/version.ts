// The package version, read once from package.json (two levels above src/util/ and dist/util/).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const VERSION: string = (require('../../package.json') as { version: string }).version;
