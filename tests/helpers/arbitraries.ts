// Shared fast-check shapes: JSON-like values (scalars, short lists, small maps) nested a few
// levels, as records and ledgers hold them.
import fc from 'fast-check';

/** Values built of `scalar`, lists of up to three and maps of up to three keys drawn from `key`. */
export function nestedValue(scalar: fc.Arbitrary<unknown>, key: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 })),
  })).v;
}
