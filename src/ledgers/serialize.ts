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
  const files = new Map<string, string>();
  for (const kind of RECORD_KINDS) files.set(LEDGER_FILES[kind], HEADER + emitYaml(set.ledgers[kind]));
  if (set.rejected.length) files.set(REJECTED_FILE, HEADER + emitYaml(set.rejected));
  const hashes: Record<string, string> = {};
  for (const [name, text] of files) hashes[name] = sha256(text);
  set.manifest.ledgers = hashes;
  files.set(MANIFEST_FILE, HEADER + emitYaml(set.manifest));
  return files;
}
