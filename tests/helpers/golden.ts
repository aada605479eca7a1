// Golden files: expected outputs committed under tests/golden/. UPDATE_GOLDEN=1 writes them
// (then read the diff before committing); without it a missing golden fails like a wrong one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO } from './campaign.js';

export function expectGolden(name: string, actual: string): void {
  const file = path.join(REPO, 'tests/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`golden file tests/golden/${name} is missing: run UPDATE_GOLDEN=1 npm test and read the diff`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
