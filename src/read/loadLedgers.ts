// Reads ledgers/ back. Audit, export and report start here, never from group folders. What is
// read is verified: the manifest against its own checksum, every other ledger file against the
// manifest's hash, every JSON-copy piece against the hash its head names. A hand edit is refused
// with the file's name; a torn or foreign cache piece is ignored (the YAML is read instead).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readLedgerCopy } from '../cache/ledgerCopies.js';
import { LedgerError } from '../messages/errors.js';
import {
  emptyLedgers,
  FORMAT_VERSION,
  LEDGER_FILES,
  type LedgerRecord,
  type LedgerSet,
  type Manifest,
  type RejectedRecord,
} from '../model/ledgers.js';
import { MANIFEST_FILE, REJECTED_FILE, verifiedManifest } from '../model/serialize.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { mergeRunning } from '../write/mergeLock.js';
import { JOURNAL, recoverInterruptedWrite } from '../write/writeLedgers.js';
import { sha256File } from './hashFile.js';
import { sha256 } from '../util/hash.js';
import { yamlLib } from '../yaml/yamlLib.js';

export const LEDGERS_DIR = 'ledgers';

function parseYaml(text: string, file: string): unknown {
  try {
    return yamlLib().parse(text, { schema: 'core' });
  } catch (e) {
    throw new LedgerError('ledgers-unreadable', { file, detail: (e as Error).message.split('\n')[0] ?? 'YAML error' });
  }
}

/** One ledger file's data, verified against the manifest's hash: from its JSON copy when that mirrors it, else parsed. */
function readLedger(ledgersDir: string, name: string, expected: string | undefined): unknown {
  const file = path.join(ledgersDir, name);
  if (!existsSync(file)) throw new LedgerError('ledger-missing', { file });
  if (expected === undefined) throw new LedgerError('ledger-missing', { file });
  const hash = sha256File(file);
  if (hash !== expected) throw new LedgerError('ledgers-edited', { file });
  const copy = readLedgerCopy(ledgersDir, name, hash);
  return copy.hit ? copy.data : parseYaml(readFileSync(file, 'utf8'), file);
}

export function readManifest(ledgersDir: string): Manifest {
  const file = path.join(ledgersDir, MANIFEST_FILE);
  if (!existsSync(file)) throw new LedgerError('no-ledgers', { dir: ledgersDir });
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const body = verifiedManifest(text);
  if (body === null) {
    // A manifest of an older format has no checksum line: say to merge again, not "edited".
    if (!text.includes('# checksum sha256:')) throw new LedgerError('ledgers-format', { file, format: FORMAT_VERSION });
    throw new LedgerError('ledgers-edited', { file });
  }
  // The bytes just read and checked, hashed as they are: the file is not read a second time.
  const hash = sha256(bytes);
  const copy = readLedgerCopy(ledgersDir, MANIFEST_FILE, hash);
  const manifest = (copy.hit ? copy.data : parseYaml(body, file)) as Manifest | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== FORMAT_VERSION)
    throw new LedgerError('ledgers-format', { file, format: FORMAT_VERSION });
  return manifest;
}

function asList<T>(data: unknown, file: string): T[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new LedgerError('ledgers-unreadable', { file, detail: 'not a list of records' });
  return data as T[];
}

/** Loads ledgers/ of a campaign, every file verified. */
export function loadLedgers(ledgersDir: string): LedgerSet {
  // A merge killed after it committed is finished first, so readers see one whole set; while a
  // live merge is renaming its files (the only moment the set is mixed) readers wait for it.
  if (existsSync(path.join(ledgersDir, JOURNAL))) {
    if (mergeRunning(ledgersDir)) throw new LedgerError('ledgers-writing', {});
    recoverInterruptedWrite(ledgersDir, { sweep: false });
  }
  const manifest = readManifest(ledgersDir);
  const ledgers = emptyLedgers();
  for (const kind of RECORD_KINDS) {
    const name = LEDGER_FILES[kind];
    ledgers[kind] = asList<LedgerRecord>(readLedger(ledgersDir, name, manifest.ledgers[name]), path.join(ledgersDir, name));
  }
  const rejected =
    REJECTED_FILE in manifest.ledgers
      ? asList<RejectedRecord>(readLedger(ledgersDir, REJECTED_FILE, manifest.ledgers[REJECTED_FILE]), path.join(ledgersDir, REJECTED_FILE))
      : [];
  return { manifest, ledgers, rejected };
}
