// Review states from the group folders as read (status and the feedback sheets read the folders,
// not the ledgers): each record is put in its ledger form, exactly as a merge would write it,
// and hashed, so a record edited after its review shows as changed before anyone merges again.
import { toLedgerRecord } from '../build/groupRecords.js';
import type { FileResult } from '../model/campaign.js';
import { recordHash, stateOf, type ReviewEntry, type ReviewState } from '../model/reviews.js';
import type { RecordKind } from '../schema/spec.js';

export interface FolderRecord {
  /** The ledger id, `<group>/<id>`. */
  id: string;
  kind: RecordKind | null;
  file: string;
  line: number;
  state: ReviewState;
  entry?: ReviewEntry;
}

/** Every record of a group's files that has an id, with its review state. */
export function folderReviews(group: string, files: readonly FileResult[], entries: ReadonlyMap<string, ReviewEntry>): FolderRecord[] {
  const out: FolderRecord[] = [];
  for (const f of files) {
    for (const r of f.records) {
      if (r.id === null) continue;
      const id = `${group}/${r.id}`;
      const entry = entries.get(id);
      // Only a record that was reviewed needs its hash.
      const hash = entry && r.data && r.kind ? recordHash(toLedgerRecord(group, r)) : null;
      out.push({ id, kind: r.kind, file: r.file, line: r.line, state: stateOf(entry, hash), ...(entry ? { entry } : {}) });
    }
  }
  return out;
}
