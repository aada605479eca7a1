// Are the ledgers older than the group files? Audit, status, export and report refuse stale
// ledgers rather than report on data the clerk has already replaced.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../util/hash.js';
import type { Manifest } from '../model/ledgers.js';

export interface Staleness {
  changed: string[];
  added: string[];
  removed: string[];
}

/** Input files of a campaign as the manifest lists them: ledger.yaml and the declared groups' files. */
export function listInputs(root: string, groups: readonly string[]): string[] {
  const out: string[] = [];
  if (existsSync(path.join(root, 'ledger.yaml'))) out.push('ledger.yaml');
  const walk = (abs: string, rel: string, top: string) => {
    for (const name of readdirSync(abs).sort()) {
      if (name.startsWith('.')) continue;
      const a = path.join(abs, name);
      const r = `${rel}/${name}`;
      const st = lstatSync(a, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isSymbolicLink()) {
        // Links that lead out of the group are never inputs (validate refuses them).
        let target: string;
        try {
          target = realpathSync(a);
        } catch {
          continue;
        }
        if (!(target === top || target.startsWith(top + path.sep))) continue;
        if (statSync(target).isFile()) out.push(r);
      } else if (st.isDirectory()) walk(a, r, top);
      else if (st.isFile()) out.push(r);
    }
  };
  for (const id of groups) {
    const dir = path.join(root, 'groups', id);
    if (existsSync(dir)) walk(dir, `groups/${id}`, realpathSync(dir));
  }
  return out;
}

export function staleness(root: string, manifest: Manifest): Staleness {
  const now = new Set(
    listInputs(
      root,
      manifest.groups.filter((g) => g.unit === undefined).map((g) => g.id),
    ),
  );
  const result: Staleness = { changed: [], added: [], removed: [] };
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    if (!now.has(file)) result.removed.push(file);
    else if (sha256(readFileSync(path.join(root, file))) !== hash) result.changed.push(file);
    now.delete(file);
  }
  result.added = [...now];
  // A unit merged again since (its manifest changed) makes this campaign's ledgers stale too.
  for (const unit of manifest.units ?? []) {
    const file = path.join(root, unit.path, 'manifest.yaml');
    if (!existsSync(file)) result.removed.push(`${unit.path}/manifest.yaml`);
    else if (sha256(readFileSync(file)) !== unit.manifest) result.changed.push(`${unit.path}/manifest.yaml`);
  }
  return result;
}

export function isStale(s: Staleness): boolean {
  return s.changed.length + s.added.length + s.removed.length > 0;
}

export function describeStaleness(s: Staleness): string {
  const parts: string[] = [];
  const list = (files: string[]) => files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  if (s.changed.length) parts.push(`changed: ${list(s.changed)}`);
  if (s.added.length) parts.push(`new: ${list(s.added)}`);
  if (s.removed.length) parts.push(`removed: ${list(s.removed)}`);
  return `the ledgers are out of date (${parts.join('; ')}): run \`ledger merge\` first, or pass --merge`;
}
