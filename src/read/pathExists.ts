// Whether something is there is a read: the floors above read/ ask here instead of touching node:fs.
import { existsSync } from 'node:fs';

/** Whether `p` names a file or folder (false when it cannot be looked at). */
export function pathExists(p: string): boolean {
  return existsSync(p);
}
