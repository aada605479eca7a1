// The records the last merge wrote for some groups, to tell what a merge changes: from the
// cache's verified JSON pieces of those groups when it has them (a warm merge reads one group's),
// else from the ledgers themselves (verified). 'none' before the first merge; 'unreadable' when
// the ledgers were edited by hand or cannot be read.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KindRecords } from '../build/changes.js';
import type { GroupCache } from '../cache/groupCache.js';
import { LedgerError } from '../messages/errors.js';
import type { Manifest } from '../model/ledgers.js';
import { MANIFEST_FILE } from '../model/serialize.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { loadLedgers, readManifest } from './loadLedgers.js';

export interface Previous {
  state: 'ledgers' | 'none' | 'unreadable';
  records: KindRecords[];
}

export function previousRecords(ledgersDir: string, groups: readonly string[], cache: GroupCache | undefined): Previous {
  if (!existsSync(path.join(ledgersDir, MANIFEST_FILE))) return { state: 'none', records: [] };
  const fromCache: KindRecords[] = [];
  let missing = false;
  for (const id of groups) {
    const got = cache?.previousRecords(id);
    if (!got) {
      missing = true;
      break;
    }
    for (const k of got) fromCache.push(k);
  }
  if (!missing) return { state: 'ledgers', records: fromCache };
  try {
    const set = loadLedgers(ledgersDir);
    const wanted = new Set(groups);
    return {
      state: 'ledgers',
      records: RECORD_KINDS.map((kind) => ({ kind, records: set.ledgers[kind].filter((r) => wanted.has(r.group)) })),
    };
  } catch (e) {
    if (e instanceof LedgerError) return { state: 'unreadable', records: [] };
    throw e;
  }
}

/** The manifest of the ledgers now on disk, or null (none yet, or not readable). */
export function previousManifest(ledgersDir: string): Manifest | null {
  try {
    return readManifest(ledgersDir);
  } catch {
    return null;
  }
}

/** The groups of the ledgers now on disk (for groups that have left ledger.yaml since): the manifest only. */
export function previousGroups(manifest: Manifest | null): string[] {
  return (manifest?.groups ?? []).filter((g) => g.unit === undefined).map((g) => g.id);
}
