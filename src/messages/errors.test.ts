import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors.js';

describe('LedgerError', () => {
  it('is recognized whichever copy of the module made it (each command bundle has its own)', () => {
    const own = new LedgerError('no-campaign', { cwd: '/x' });
    expect(own).toBeInstanceOf(LedgerError);
    expect(own.exit).toBe(2);
    // What another bundle's LedgerError looks like from here: a different class, the same mark.
    const other = Object.assign(new Error('x'), { [Symbol.for('ledger.LedgerError')]: true, code: 'no-campaign' });
    expect(other instanceof LedgerError).toBe(true);
    expect(new Error('x') instanceof LedgerError).toBe(false);
    expect((null as unknown) instanceof LedgerError).toBe(false);
  });
});
