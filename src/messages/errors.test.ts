import { describe, expect, it } from 'vitest';
import { exitStatus, LedgerError } from './errors.js';

describe('LedgerError', () => {
  it('is recognized whichever copy of the module made it (each command bundle has its own)', () => {
    const own = new LedgerError('no-campaign', { cwd: '/x' });
    expect(own).toBeInstanceOf(LedgerError);
    // What another bundle's LedgerError looks like from here: a different class, the same mark.
    const other = Object.assign(new Error('x'), { [Symbol.for('ledger.LedgerError')]: true, code: 'no-campaign' });
    expect(other instanceof LedgerError).toBe(true);
    expect(new Error('x') instanceof LedgerError).toBe(false);
    expect((null as unknown) instanceof LedgerError).toBe(false);
  });

  it('ends a command with 1 when the merge refused (the input has errors), else 2', () => {
    expect(exitStatus('merge-refused')).toBe(1);
    expect(exitStatus('no-campaign')).toBe(2);
    expect(exitStatus('io')).toBe(2);
  });
});
