// A failure while writing is told as a write, naming the file the user asked for. Node's errors
// carry the system call ('open') but not that the file was opened to be written, and they name
// the temporary beside the file: unwrapped, the CLI would say "cannot read .x.xlsx.tmp-123".
// Every writer of the house runs its file system calls through one of these.
import { ioError } from '../messages/errors.js';

export function writing<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    throw ioError(e, file, 'write');
  }
}

export async function writingAsync<T>(file: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw ioError(e, file, 'write');
  }
}
