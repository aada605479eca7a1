// A progress bar on stderr for long runs: only on a TTY (never in logs or pipes), redrawn at
// most ten times a second, and erased when the work is done.
import type { Runtime } from './runtime.js';

export type Progress = ((done: number, total: number) => void) & { end(): void };

export function progressBar(rt: Runtime, label: string): Progress {
  const tty = rt.stderr.isTTY === true && rt.env.CI === undefined;
  let last = 0;
  let drawn = false;
  const width = Math.max(10, Math.min(40, (rt.stderr.columns ?? 80) - label.length - 20));
  const update = (done: number, total: number) => {
    if (!tty || total <= 0) return;
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const f = Math.min(1, done / total);
    const full = Math.round(f * width);
    rt.stderr.write(`\r${label} ${'█'.repeat(full)}${'░'.repeat(width - full)} ${Math.round(f * 100)}% ${done}/${total}`);
    drawn = true;
  };
  return Object.assign(update, {
    end() {
      if (drawn) rt.stderr.write('\r\u001b[2K');
      drawn = false;
    },
  });
}
