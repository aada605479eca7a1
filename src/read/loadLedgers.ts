// Reads ledgers/ back. Audit, status, export and report start here, never from group folders.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../diagnostics/errors.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { sha256File } from './hashFile.js';
import { readLedgerCopy } from '../cache/ledgerCopies.js';
import { JOURNAL, recoverInterruptedWrite } from '../write/writeLedgers.js';
import { mergeRunning } from '../write/mergeLock.js';
import { MANIFEST_FILE, REJECTED_FILE } from '../model/serialize.js';
import { FORMAT_VERSION, LEDGER_FILES, type LedgerRecord, type LedgerSet, type Manifest, type RejectedRecord } from '../model/ledgers.js';
import { emptyLedgers } from '../model/ledgers.js';

export const LEDGERS_DIR = 'ledgers';

/**
 * One ledger file's data: from its JSON copy when that mirrors this exact content, else parsed.
 * With `expected`, a file whose hash differs from the manifest's is refused (hand edit).
 */
function readYamlLedger(ledgersDir: string, name: string, expected?: string): unknown {
  const file = path.join(ledgersDir, name);
  const hash = sha256File(file);
  if (expected !== undefined && hash !== expected) {
    throw new UsageError(`${file} was changed after \`ledger merge\` wrote it (its hash differs from the manifest)`);
  }
  const copy = readLedgerCopy(ledgersDir, name, hash);
  return copy.hit ? copy.data : parse(readFileSync(file, 'utf8'), { schema: 'core' });
}

/** Loads ledgers/ of a campaign; `verify` also checks each file against the manifest's hash. */
export function loadLedgers(ledgersDir: string, options: { verify?: boolean } = {}): LedgerSet {
  // A merge killed after it committed is finished first, so readers see one whole set; while a
  // live merge is renaming its files (the only moment the set is mixed) readers wait for it.
  if (existsSync(path.join(ledgersDir, JOURNAL))) {
    if (mergeRunning(ledgersDir))
      throw new UsageError('`ledger merge` is writing the ledgers right now: run this again when it has finished');
    recoverInterruptedWrite(ledgersDir, { sweep: false });
  }
  const manifestPath = path.join(ledgersDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new UsageError(`no ledgers in ${ledgersDir}: run \`ledger merge\` first`);
  }
  const manifest = readYamlLedger(ledgersDir, MANIFEST_FILE) as Manifest;
  if (!manifest || manifest.format !== FORMAT_VERSION) {
    throw new UsageError(`${manifestPath} is not a ledger manifest of format ${FORMAT_VERSION}: run \`ledger merge\` again`);
  }
  const ledgers = emptyLedgers();
  const read = (name: string): unknown => {
    const file = path.join(ledgersDir, name);
    if (!existsSync(file)) throw new UsageError(`${file} is missing: run \`ledger merge\` again`);
    return readYamlLedger(ledgersDir, name, options.verify ? manifest.ledgers[name] : undefined);
  };
  for (const kind of RECORD_KINDS) {
    const name = LEDGER_FILES[kind];
    if (!(name in manifest.ledgers))
      throw new UsageError(`${path.join(ledgersDir, name)} is missing from the manifest: run \`ledger merge\` again`);
    ledgers[kind] = (read(name) as LedgerRecord[] | null) ?? [];
  }
  const rejected = REJECTED_FILE in manifest.ledgers ? ((read(REJECTED_FILE) as RejectedRecord[] | null) ?? []) : [];
  return { manifest, ledgers, rejected };
}
