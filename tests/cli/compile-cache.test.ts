// Start-up: bin/ledger.js compiles the bundles with the code V8 kept from the last run of the
// same command (src/cache/compileCache.ts). The first run keeps it, later runs read it, a
// damaged or stale file is compiled over, and nothing of it ever changes what a command says.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCampaign, REPO, tempDir } from '../helpers/campaign.js';

const BIN = path.join(REPO, 'bin/ledger.js');

function ledger(cwd: string, cacheDir: string, args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LEDGER_LANG: 'zh-CN', LEDGER_CACHE_DIR: cacheDir, ...extra },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const kept = (cacheDir: string) => readdirSync(path.join(cacheDir, 'compile')).sort();

describe('the compiled code kept between runs', () => {
  it('is kept per command by the first run, read by the next, and changes nothing the command says', () => {
    const dir = copyCampaign('zh-CN');
    const cache = tempDir();
    const first = ledger(dir, cache, ['status', '--as-of', '2014-05-20']);
    expect(first.status).toBe(0);
    const files = kept(cache);
    expect(files.some((f) => /^main\.status-.*\.v8$/.test(f))).toBe(true);
    expect(files.some((f) => /^run-status\.status-.*\.v8$/.test(f))).toBe(true);
    const bytes = files.map((f) => readFileSync(path.join(cache, 'compile', f)));
    const second = ledger(dir, cache, ['status', '--as-of', '2014-05-20']);
    expect(second).toEqual(first);
    // Read, not written again.
    expect(kept(cache).map((f) => readFileSync(path.join(cache, 'compile', f)))).toEqual(bytes);
    // Another command keeps its own, and leaves the first one's be.
    expect(ledger(dir, cache, ['validate']).status).toBe(0);
    expect(kept(cache).some((f) => /^run-validate\.validate-.*\.v8$/.test(f))).toBe(true);
    expect(kept(cache).filter((f) => f.includes('.status-'))).toEqual(files.filter((f) => f.includes('.status-')));
  });

  it('compiles over a damaged file, and is not used when turned off', () => {
    const dir = copyCampaign('zh-CN');
    const cache = tempDir();
    const clean = ledger(dir, cache, ['validate']);
    for (const f of kept(cache)) writeFileSync(path.join(cache, 'compile', f), 'not V8 code');
    const again = ledger(dir, cache, ['validate']);
    expect(again).toEqual(clean);
    for (const f of kept(cache)) expect(readFileSync(path.join(cache, 'compile', f), 'utf8')).not.toBe('not V8 code');
    const off = tempDir();
    expect(ledger(dir, off, ['validate'], { LEDGER_NO_COMPILE_CACHE: '1' })).toEqual(clean);
    expect(readdirSync(off)).toEqual([]);
  });

  it('never fails a command when there is no place to keep it', () => {
    const dir = copyCampaign('zh-CN');
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const r = ledger(dir, file, ['validate']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
