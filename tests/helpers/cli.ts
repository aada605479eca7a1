// Runs the CLI in-process with captured streams: what a golden scenario asserts on.
import { expect } from 'vitest';
import { main } from '../../src/main.js';
import { copyCampaign } from './campaign.js';

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
    // The language comes from the campaign's locale; outside a campaign, English (LANG).
    env: options.env ?? { NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
  });
  return { code, stdout, stderr };
}

/** A copy of an example campaign (or fixture folder), merged: the start of tests on its ledgers. */
export async function mergedCopy(example: string): Promise<string> {
  const root = copyCampaign(example);
  const run = await runCli(['merge'], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return root;
}
