// What `ledger template --records` fills in: the group's records as they are now (every record
// that could be read, errors and all: they were handed in), each marked locked unless it comes
// from the workbook's own earlier import. A group that keeps working in one workbook keeps its
// instance: a template made with --records takes the instance of the group's one imported
// file, so importing it again replaces that file.
import { randomUUID } from 'node:crypto';
import type { Group } from '../model/campaign.js';
import { importedFiles } from '../read/importedFiles.js';
import { scanGroup } from '../read/scanGroups.js';
import type { RecordKind } from '../schema/spec.js';
import { validateCampaign } from './validateCampaign.js';

export interface GroupRecords {
  instance: string;
  records: { kind: RecordKind; data: Record<string, unknown>; locked: boolean }[];
}

export function templateRecords(root: string, group: Group, withRecords: boolean): GroupRecords {
  if (!withRecords) return { instance: randomUUID(), records: [] };
  const imported = importedFiles(root, group.id).filter((f) => f.instance !== null);
  const own = imported.length === 1 ? imported[0] : undefined;
  const out: GroupRecords = { instance: own?.instance ?? randomUUID(), records: [] };
  const scan = scanGroup(root, group.id);
  if (!scan.exists) return out;
  const result = validateCampaign(root, { paths: [scan.dir], duplicates: false });
  for (const f of result.byGroup[0]?.files ?? []) {
    for (const r of f.records) {
      if (r.kind && r.data) out.records.push({ kind: r.kind, data: r.data, locked: f.file !== own?.rel });
    }
  }
  return out;
}
