// docs/architecture.md writes out the floors that scripts/lint/layers.mjs enforces: its table
// must list exactly the folders of FLOORS, each on its floor, in floor order, and name the same
// I/O folders as IO_FOLDERS (and the rule's own message), so the page cannot drift from the rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import layers, { FLOORS, IO_FOLDERS } from '../../scripts/lint/layers.mjs';
import { REPO } from '../helpers/campaign.js';

const PAGE = readFileSync(path.join(REPO, 'docs', 'architecture.md'), 'utf8');
const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, ''));

/** [folder, floor] in the table's order. A row's floors pair with its folder groups, both split at `·`. */
function tableFloors(): [string, number][] {
  const lines = PAGE.split('\n');
  const head = lines.findIndex((l) => /^\| floors \| folders \|/.test(l));
  expect(head, 'the table of floors').toBeGreaterThanOrEqual(0);
  const out: [string, number][] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const [, floorCell, folderCell] = line.split('|');
    const floors = floorCell!.split('·').map((f) => Number(f.trim()));
    const groups = folderCell!.split('·').map(names);
    expect(groups.length, line).toBe(floors.length);
    groups.forEach((g, i) => g.forEach((folder) => out.push([folder, floors[i]!])));
  }
  return out;
}

describe('docs/architecture.md', () => {
  it('lists exactly the folders of FLOORS, each on its floor, in floor order', () => {
    const table = tableFloors();
    expect(table.map(([f]) => f).sort()).toEqual(Object.keys(FLOORS).sort());
    for (const [folder, floor] of table) expect(floor, folder).toBe(FLOORS[folder as keyof typeof FLOORS]);
    const order = table.map(([, floor]) => floor);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('names the I/O folders the rule allows to touch the file system', () => {
    const sentence = /Only (.*?) touch the file system/s.exec(PAGE)?.[1] ?? '';
    expect(names(sentence).sort()).toEqual([...IO_FOLDERS].sort());
    const message = (layers as { meta: { messages: { fs: string } } }).meta.messages.fs;
    for (const folder of IO_FOLDERS) expect(message).toContain(`${folder}/`);
  });
});
