// Rollup: `units:` in ledger.yaml names other campaigns' ledgers/ folders (judicial offices or
// districts that ran their own campaign). Their ledgers come in as if they were groups, every
// id prefixed with the unit, so a city merges its districts with the same tool. A unit's files
// must match its own manifest: ledgers edited by hand are refused.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, pointerOf, type Diagnostic, type DiagnosticData } from '../messages/diagnostic.js';
import { LedgerError } from '../messages/errors.js';
import { sha256 } from '../util/hash.js';
import { loadLedgers } from './loadLedgers.js';
import { MANIFEST_FILE } from '../model/serialize.js';
import type { LedgerRecord, LedgerSet, ManifestUnit } from '../model/ledgers.js';
import { readDocs } from '../yaml/readDocs.js';
import { RECORD_KINDS } from '../schema/spec.js';
import type { Campaign } from '../model/campaign.js';

export interface LoadedUnits {
  sets: LedgerSet[];
  units: ManifestUnit[];
  diagnostics: Diagnostic[];
}

/** The unit's id: the name of the campaign folder holding its ledgers/, as a group id would be. */
export function unitId(ledgersPath: string): string {
  const folder = path.basename(path.dirname(path.resolve(ledgersPath)));
  return (
    folder
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unit'
  );
}

function prefixed(unit: string, r: LedgerRecord, originBase: string): LedgerRecord {
  const out: LedgerRecord = {
    ...r,
    id: `${unit}/${r.id}`,
    group: `${unit}/${r.group}`,
    origin: { ...r.origin, file: `${originBase}/${r.origin.file}` },
  };
  if (typeof r.visit === 'string') out.visit = `${unit}/${r.visit}`;
  return out;
}

/** A unit's ledgers as if its groups were groups of this campaign: every id and file prefixed. */
function asGroupsOf(unit: string, set: LedgerSet, originBase: string): LedgerSet {
  const ledgers = { ...set.ledgers };
  for (const kind of RECORD_KINDS) ledgers[kind] = set.ledgers[kind].map((r) => prefixed(unit, r, originBase));
  return {
    manifest: {
      ...set.manifest,
      groups: set.manifest.groups.map((g) => ({
        ...g,
        id: `${unit}/${g.id}`,
        name: `${set.manifest.campaign.unit} ${g.name}`,
        unit: g.unit === undefined ? unit : `${unit}/${g.unit}`,
        photos: [],
        summary: g.summary === null ? null : `${originBase}/${g.summary}`,
        ...(g.unreadable_summary ? { unreadable_summary: `${originBase}/${g.unreadable_summary}` } : {}),
      })),
      duplicates: set.manifest.duplicates.map((d) => ({ ...d, ids: d.ids.map((x) => `${unit}/${x}`) })),
    },
    ledgers,
    rejected: set.rejected.map((r) => ({ ...r, group: `${unit}/${r.group}`, file: `${originBase}/${r.file}` })),
  };
}

/** Where a path really is, links resolved (as given when it is not there). */
function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/** `dir` is `root` or inside it. */
function within(root: string, dir: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export function loadUnits(root: string, campaign: Campaign): LoadedUnits {
  const result: LoadedUnits = { sets: [], units: [], diagnostics: [] };
  if (!campaign.units.length) return result;
  const text = readFileSync(path.join(root, 'ledger.yaml'), 'utf8').replace(/^\uFEFF/, '');
  const parsed = readDocs(text, 'ledger.yaml');
  const at = <K extends 'unit-missing' | 'unit-edited' | 'duplicate-id' | 'invalid-value'>(i: number, code: K, data: DiagnosticData[K]) => {
    const doc = parsed.docs[0];
    const pos = parsed.lines.position(doc ? doc.locate(['units', i]) : 0);
    result.diagnostics.push(diagnostic(code, data, { file: 'ledger.yaml', ...pos, pointer: pointerOf(['units', i]) }));
  };
  const taken = new Set(campaign.groups.map((g) => g.id));
  const seen = new Map<string, string>();
  campaign.units.forEach((entry, i) => {
    const dir = path.resolve(root, entry);
    const id = unitId(dir);
    // The campaign's own ledgers (or anything inside it) would come in again on every merge, and
    // so would one unit listed twice: compared where they really are, through any link.
    const real = realPath(dir);
    if (within(root, dir) || within(realPath(root), real)) {
      at(i, 'invalid-value', { variant: 'unit-inside', path: entry });
      return;
    }
    const other = seen.get(real);
    if (other !== undefined) {
      at(i, 'invalid-value', { variant: 'unit-twice', path: entry, other });
      return;
    }
    seen.set(real, entry);
    if (!existsSync(path.join(dir, MANIFEST_FILE))) {
      at(i, 'unit-missing', { path: entry });
      return;
    }
    if (taken.has(id)) {
      at(i, 'duplicate-id', { variant: 'unit', id, path: entry });
      return;
    }
    taken.add(id);
    let set: LedgerSet;
    try {
      set = loadLedgers(dir);
    } catch (e) {
      if (!(e instanceof LedgerError)) throw e;
      const file = 'file' in e.data && typeof e.data.file === 'string' ? path.relative(root, e.data.file) : MANIFEST_FILE;
      at(i, 'unit-edited', { path: entry, file });
      return;
    }
    const originBase = path.relative(root, path.dirname(dir)).split(path.sep).join('/') || '.';
    result.sets.push(asGroupsOf(id, set, originBase));
    const manifestPath = path.join(dir, MANIFEST_FILE);
    result.units.push({ id, path: entry, unit: set.manifest.campaign.unit, manifest: sha256(readFileSync(manifestPath)) });
  });
  return result;
}
