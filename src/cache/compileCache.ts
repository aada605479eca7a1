// Start-up: the code V8 compiled for the command's bundles, kept between runs. Each `ledger …`
// is a new process that would parse and compile half a megabyte or more of JavaScript before
// doing anything; with the code kept from the last run, V8 reads it instead (a warm merge of
// 20,000 records: ~10 ms of ~220). Node 22 does this itself (module.enableCompileCache); on
// Node 20 a bundle is compiled through vm.Script with the kept code, and the code is kept,
// after the command ran (so the functions it used are in it), by the first run of each bundle.
// Kept in the user's cache folder (LEDGER_CACHE_DIR, else XDG_CACHE_HOME or ~/.cache, else
// %LOCALAPPDATA%), per bundle file as built (size, mtime, inode), package and Node version;
// LEDGER_NO_COMPILE_CACHE=1 turns it off. Never fails a command: anything amiss compiles as usual.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { VERSION } from '../util/version.js';

type Env = Record<string, string | undefined>;

interface Compiler {
  _compile(content: string, filename: string): unknown;
}

/** Where kept code goes, or null when there is no place for it. */
export function compileCacheDir(env: Env): string | null {
  if (env.LEDGER_CACHE_DIR) return path.join(env.LEDGER_CACHE_DIR, 'compile');
  const base = env.XDG_CACHE_HOME || (env.LOCALAPPDATA && process.platform === 'win32' ? env.LOCALAPPDATA : null);
  if (base) return path.join(base, 'ledger', 'compile');
  const home = os.homedir();
  return home ? path.join(home, '.cache', 'ledger', 'compile') : null;
}

/**
 * Compiles the CommonJS files under `distDir` (the bundles, the schema validators) with the code
 * kept for them, and keeps it for the next run. `argv` names the command: each keeps its own
 * code (what `--version` compiled of main.js is not what `merge` runs).
 */
export function useCompileCache(distDir: string, argv: readonly string[], env: Env = process.env): void {
  if (env.LEDGER_NO_COMPILE_CACHE) return;
  const dir = compileCacheDir(env);
  if (!dir) return;
  const platform = Module as unknown as { enableCompileCache?: (dir: string) => unknown };
  if (typeof platform.enableCompileCache === 'function') {
    platform.enableCompileCache(dir);
    return;
  }
  const fresh: { script: vm.Script; file: { path: string; prefix: string } }[] = [];
  const proto = Module.prototype as unknown as Compiler;
  const compile = proto._compile;
  proto._compile = function (this: Module, content: string, filename: string) {
    if (!filename.startsWith(distDir + path.sep)) return compile.call(this, content, filename);
    const file = keptFile(dir, filename, commandOf(argv));
    const cachedData = file ? readKept(file.path) : undefined;
    const script = new vm.Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    if (file && (!cachedData || script.cachedDataRejected)) fresh.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of fresh) keep(file, script.createCachedData());
  });
}

/** The kept code's file for a bundle as it is on disk now (null: it cannot be looked at). */
function keptFile(dir: string, filename: string, command: string): { path: string; prefix: string } | null {
  try {
    const st = statSync(filename);
    const key = [VERSION, process.version, process.arch, st.size, Math.floor(st.mtimeMs), st.ino].join('-');
    const prefix = `${path.basename(filename, '.js')}.${command}-`;
    return { path: path.join(dir, `${prefix}${key}.v8`), prefix };
  } catch {
    return null;
  }
}

function readKept(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The first word of the command line that can be a command's name ('' when none is). */
function commandOf(argv: readonly string[]): string {
  return argv.find((a) => /^[a-z]{2,16}$/.test(a)) ?? '';
}

/**
 * Written whole or not at all (two commands may finish at once); what this bundle kept for this
 * command before (an older build) goes, and nothing else.
 */
function keep(file: { path: string; prefix: string }, data: Buffer): void {
  try {
    const dir = path.dirname(file.path);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file.path);
    const own = path.basename(file.path);
    for (const name of readdirSync(dir)) if (name.startsWith(file.prefix) && name !== own) rmSync(path.join(dir, name), { force: true });
  } catch {
    /* kept code only makes start-up faster */
  }
}
