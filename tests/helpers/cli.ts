// Runs the CLI in-process with captured streams: what a golden scenario asserts on.
import { main } from '../../src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; tty?: boolean },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd,
    env: options.env ?? { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
  });
  return { code, stdout, stderr };
}
