// What every command gets: where it runs, where results and logs go, its language, and
// whether to colour. Commands never touch process.* directly, so tests drive them with plain
// strings. Options are parsed here into values or typed errors (LedgerError); main() turns
// errors into words.
import path from 'node:path';
import { LedgerError } from '../messages/errors.js';
import { LANGS, type Lang } from '../messages/words.js';
import { findCampaignRoot } from '../read/findCampaign.js';
import { colors, type Colors } from '../text/colors.js';
import { escapeControl } from '../text/escape.js';

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
  color: Colors;
  /** Colours for stderr (progress, logs). */
  errColor: Colors;
  verbose: boolean;
  /** The language of messages (before a command's own --lang). */
  lang: Lang;
  /** Set by the command: 0 clean, 1 the input has errors, 2 usage/config/internal failure. */
  exitCode: number;
  /** A log line on stderr (`ledger: …`), control characters escaped. */
  log(line: string): void;
}

export function colorLevel(out: Output, env: MainOptions['env'], noColor: boolean): 0 | 1 | 2 | 3 {
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 1;
  return out.isTTY ? 1 : 0;
}

export function makeRuntime(opts: MainOptions, flags: { color: boolean; verbose: boolean; dir?: string; lang: Lang }): Runtime {
  // -C <dir> works like git's: as if ledger had been started in <dir>.
  const cwd = flags.dir === undefined ? opts.cwd : path.resolve(opts.cwd, flags.dir);
  return {
    ...opts,
    cwd,
    color: colors(colorLevel(opts.stdout, opts.env, !flags.color) > 0),
    errColor: colors(colorLevel(opts.stderr, opts.env, !flags.color) > 0),
    verbose: flags.verbose,
    lang: flags.lang,
    exitCode: 0,
    log: (line) => void opts.stderr.write(`ledger: ${line.split('\n').map(escapeControl).join('\n')}\n`),
  };
}

/** The campaign folder: the nearest ledger.yaml upward from the working folder (or -C <dir>). */
export function campaignRoot(rt: Runtime): string {
  const root = findCampaignRoot(rt.cwd);
  if (!root) throw new LedgerError('no-campaign', { cwd: rt.cwd });
  return root;
}

export function parseChoice<T extends string>(value: string, allowed: readonly T[], option = '--format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new LedgerError('bad-choice', { option, allowed: [...allowed], got: value });
}

export function parseDate(value: string, option: string): string {
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value + 'T00:00:00Z')) &&
    new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) === value;
  if (!ok) throw new LedgerError('bad-date', { option, got: value });
  return value;
}

export function parseCount(value: string, option: string, min: number, max: number): number {
  const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw new LedgerError('bad-number', { option, min, max, got: value });
  return n;
}

/** --lang of a command: its value, else the runtime's language. */
export function langOf(rt: Runtime, value: string | undefined): Lang {
  return value === undefined ? rt.lang : parseChoice(value, LANGS, '--lang');
}
