// A folder's listing is a read: `init` asks whether the folder it would fill is empty.
import { readdirSync } from 'node:fs';

/** The names in `dir`, as the system lists them (throws when it is not a readable folder). */
export function listFolder(dir: string): string[] {
  return readdirSync(dir);
}
