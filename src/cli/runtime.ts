// What every command gets: where it runs, where results and logs go, and whether to colour.
// Commands never touch process.* directly, so tests drive them with plain strings.
import { Chalk, type ChalkInstance } from 'chalk';
import path from 'node:path';
import { findCampaignRoot } from '../read/findCampaign.js';

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface MainOptions {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
}

export interface Runtime extends MainOptions {
  /** Colours for stdout (results). */
  color: ChalkInstance;
  /** Colours for stderr (progress, logs). */
  errColor: ChalkInstance;
  verbose: boolean;
  /** Set by the command: 0 clean, 1 the input has errors, 2 usage/config/internal failure. */
  exitCode: number;
}

import { UsageError } from '../diagnostics/errors.js';

export { UsageError };

export function colorLevel(out: Output, env: MainOptions['env'], noColor: boolean): 0 | 1 | 2 | 3 {
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 1;
  return out.isTTY ? 1 : 0;
}

export function makeRuntime(opts: MainOptions, flags: { color: boolean; verbose: boolean; dir?: string }): Runtime {
  // -C <dir> works like git's: as if ledger had been started in <dir>.
  const cwd = flags.dir === undefined ? opts.cwd : path.resolve(opts.cwd, flags.dir);
  return {
    ...opts,
    cwd,
    color: new Chalk({ level: colorLevel(opts.stdout, opts.env, !flags.color) }),
    errColor: new Chalk({ level: colorLevel(opts.stderr, opts.env, !flags.color) }),
    verbose: flags.verbose,
    exitCode: 0,
  };
}

/** The campaign folder: the nearest ledger.yaml upward from the working folder (or -C <dir>). */
export function campaignRoot(rt: Runtime): string {
  const root = findCampaignRoot(rt.cwd);
  if (!root) throw new UsageError(`no ledger.yaml in ${rt.cwd} or any folder above it (run inside a campaign, or name one with -C <dir>)`);
  return root;
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[], option = '--format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseDate(value: string, option: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(value + 'T00:00:00Z')) ||
    new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`${option} needs a date YYYY-MM-DD (got "${value}")`);
  }
  return value;
}
