// Are the ledgers older than the group files? Audit, export and report refuse stale ledgers
// rather than report on data the clerk has already replaced; status says which it is. The
// inputs are hashed through the file cache: a file whose size and mtime are as recorded is
// not read again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FileCache } from '../cache/fileCache.js';
import type { Manifest } from '../model/ledgers.js';
import { MANIFEST_FILE } from '../model/serialize.js';
import { sha256 } from '../util/hash.js';
import { LEDGERS_DIR } from './loadLedgers.js';
import { readCampaign } from './readCampaign.js';

export interface Staleness {
  changed: string[];
  added: string[];
  removed: string[];
}

/** sha256 of every input file of the campaign now (ledger.yaml and the declared groups' files). */
export function currentInputs(
  root: string,
  cache: FileCache | undefined = FileCache.load(path.join(root, LEDGERS_DIR)),
): Record<string, string> {
  const input = readCampaign(root, { hashes: true, hashOnly: true, ...(cache ? { files: cache } : {}) });
  const inputs = { ...input.inputs };
  for (const g of input.groups()) Object.assign(inputs, g.inputs);
  return inputs;
}

export function staleness(root: string, manifest: Manifest, inputs: Record<string, string> = currentInputs(root)): Staleness {
  const now = new Map(Object.entries(inputs));
  const result: Staleness = { changed: [], added: [], removed: [] };
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    const current = now.get(file);
    if (current === undefined) result.removed.push(file);
    else if (current !== hash) result.changed.push(file);
    now.delete(file);
  }
  result.added = [...now.keys()].sort();
  // A unit merged again since (its manifest changed) makes this campaign's ledgers stale too.
  for (const unit of manifest.units ?? []) {
    const file = path.join(root, unit.path, MANIFEST_FILE);
    if (!existsSync(file)) result.removed.push(`${unit.path}/${MANIFEST_FILE}`);
    else if (sha256(readFileSync(file)) !== unit.manifest) result.changed.push(`${unit.path}/${MANIFEST_FILE}`);
  }
  return result;
}

export function isStale(s: Staleness): boolean {
  return s.changed.length + s.added.length + s.removed.length > 0;
}
