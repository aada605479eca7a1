// Ledger files as text: deterministic YAML, and a manifest that carries the hash of each file.
import { sha256 } from '../hash.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { emitYaml } from '../yaml/emit.js';
import { LEDGER_FILES, type LedgerSet } from './types.js';

export const MANIFEST_FILE = 'manifest.yaml';
export const REJECTED_FILE = 'rejected.yaml';

const HEADER = '# Written by `ledger merge`. Do not edit: change the group files and merge again.\n';

/** File name → content, the manifest last (it names the hash of every other file). */
export function serializeLedgerSet(set: LedgerSet): Map<string, string> {
  return serializeWithData(set).files;
}

/** The files, and for each the data it holds with its hash (for the JSON copies). */
export function serializeWithData(set: LedgerSet): { files: Map<string, string>; data: Map<string, { sha256: string; data: unknown }> } {
  const files = new Map<string, string>();
  const data = new Map<string, { sha256: string; data: unknown }>();
  const add = (name: string, value: unknown) => {
    const text = HEADER + emitYaml(value);
    files.set(name, text);
    data.set(name, { sha256: sha256(text), data: value });
  };
  for (const kind of RECORD_KINDS) add(LEDGER_FILES[kind], set.ledgers[kind]);
  if (set.rejected.length) add(REJECTED_FILE, set.rejected);
  const hashes: Record<string, string> = {};
  for (const [name, d] of data) hashes[name] = d.sha256;
  set.manifest.ledgers = hashes;
  add(MANIFEST_FILE, set.manifest);
  return { files, data };
}
