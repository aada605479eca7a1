// reviews.yaml is read line by line when it looks as `ledger review` writes it; a plain value is
// taken as its own text under the emitter's rule (yaml/plainScalar.ts), so the fast reader and
// the YAML library, which is the reference, always read the same entries.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseReviews } from '../../src/read/loadReviews.js';
import { toEntry } from '../../src/model/reviews.js';
import { emitYaml } from '../../src/yaml/emit.js';

const entry = (note: string) => `- id: g1/o1\n  state: returned\n  note: ${note}\n  date: 2014-05-20\n  sha256: ${'a'.repeat(64)}\n`;
const library = (text: string) => (parse(text, { schema: 'core' }) as Record<string, unknown>[]).map(toEntry);

describe('reviews.yaml, fast reader against the library', () => {
  const notes = [
    'plain words',
    '看不清，请补拍',
    'fine\t# a comment after a tab',
    'fine # a comment',
    'nUll',
    'yes',
    '\u3000indented',
    'trailing\u3000',
    'a:b',
    '2014-05-20',
    'x'.repeat(300),
  ];
  for (const note of notes) {
    it(JSON.stringify(note.length > 40 ? `${note.slice(0, 20)}…` : note), () => {
      const text = entry(note);
      expect(parseReviews(text, 'reviews.yaml')).toEqual(library(text));
    });
  }

  it('reads what the emitter writes', () => {
    for (const note of notes) {
      const text = `- ${emitYaml({ id: 'g1/o1', state: 'returned', note, date: '2014-05-20', sha256: 'b'.repeat(64) })
        .trimEnd()
        .replace(/\n/g, '\n  ')}\n`;
      expect(parseReviews(text, 'reviews.yaml')).toEqual(library(text));
    }
  });
});
