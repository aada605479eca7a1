// `ledger validate` as a library: read → check. Every group's files are checked, then across
// the group's records, then across the campaign: register numbers (always) and likely
// duplicates. Nothing is written.
import { checkGroupJob } from '../build/groupJob.js';
import type { FileCache } from '../cache/fileCache.js';
import { likelyDuplicates, opinionRefs } from '../check/likelyDuplicates.js';
import { duplicateRefNos, refNoRefs } from '../check/refNumbers.js';
import { pushAll, sortAndCount, type Diagnostic, type DiagnosticData } from '../messages/diagnostic.js';
import type { Campaign, FileResult, RecordResult } from '../model/campaign.js';
import type { LikelyDuplicate } from '../model/ledgers.js';
import { readCampaign, type CampaignInput, type GroupInput } from '../read/readCampaign.js';
import type { GroupScan } from '../read/scanGroups.js';

export interface ValidateOptions {
  /** Limit to these group folders or files (absolute paths inside the campaign). */
  paths?: string[];
  today?: string;
  /** Reuse the results of files checked before (read only: validate never writes the cache). */
  cache?: FileCache;
  /** Leave out the duplicate search (status: per-file and cross-record checks only). */
  duplicates?: boolean;
  /** Called as record files are checked (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface GroupResult {
  id: string;
  files: FileResult[];
  /** Diagnostics of the folder walk and of checks across the group's records. */
  diagnostics: Diagnostic[];
}

export interface ValidationSummary {
  files: number;
  records: number;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  root: string;
  campaign: Campaign | null;
  groups: GroupScan[];
  files: FileResult[];
  byGroup: GroupResult[];
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  /** Opinions that look like another (ledger ids), kept both but reported. */
  duplicates: LikelyDuplicate[];
}

/** Turns a group as read into the job the check stage runs (the same job the merge builds from). */
export function jobOf(g: GroupInput, json: boolean) {
  return {
    id: g.scan.id,
    key: g.key,
    ctx: g.ctx,
    json,
    scan: g.scan.diagnostics,
    files: g.files.map((f) => ({
      rel: f.rel,
      ...(f.cached ? { cached: f.cached } : f.problem ? { problem: f.problem } : { bytes: f.bytes ?? Buffer.alloc(0) }),
    })),
  };
}

export function validateCampaign(root: string, options: ValidateOptions = {}): ValidationResult {
  const input = readCampaign(root, {
    ...(options.paths ? { paths: options.paths } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.cache ? { files: options.cache } : {}),
  });
  const result: ValidationResult = {
    root,
    campaign: input.campaign,
    groups: input.scans,
    files: [],
    byGroup: [],
    diagnostics: [...input.diagnostics],
    summary: { files: 1, records: 0, errors: 0, warnings: 0 },
    duplicates: [],
  };
  if (!input.campaign) return finish(result);
  checkGroups(input, result, options.onProgress);
  if (options.duplicates !== false) {
    const dups = likelyDuplicates(
      result.byGroup.flatMap((g) =>
        opinionRefs(
          g.id,
          g.files.flatMap((f) => f.records),
        ),
      ),
    );
    result.duplicates = dups.clusters;
    // A cluster is shown when any of its opinions is in what was asked for.
    const reports = input.reports;
    pushAll(
      result.diagnostics,
      dups.diagnostics.filter(
        (d) => !reports || reports(d.file) || (d.data as DiagnosticData['likely-duplicate']).others.some((o) => reports(o.file)),
      ),
    );
  }
  // After the duplicate search, which sees the records as a merge that refuses does.
  checkRefNumbers(result, input.reports ?? (() => true));
  return finish(result);
}

function checkGroups(input: CampaignInput, result: ValidationResult, onProgress: ValidateOptions['onProgress']): void {
  const reports = input.reports ?? (() => true);
  const total = input.scans.reduce((n, s) => n + s.recordFiles.length, 0);
  let done = 0;
  for (const g of input.groups()) {
    const checked = checkGroupJob(jobOf(g, false));
    done += g.files.length;
    onProgress?.(done, total);
    result.byGroup.push({ id: g.scan.id, files: checked.files, diagnostics: checked.diagnostics });
    for (const f of checked.files) {
      if (!reports(f.file)) continue;
      result.files.push(f);
      pushAll(result.diagnostics, f.diagnostics);
    }
    pushAll(
      result.diagnostics,
      checked.diagnostics.filter((d) => reports(d.file)),
    );
  }
}

/** A register number used twice in the campaign: the later record's error, counted with its group. */
function checkRefNumbers(result: ValidationResult, reports: (file: string) => boolean): void {
  const clashes = duplicateRefNos(result.byGroup.flatMap((g) => refNoRefs(g.id, records(g))));
  for (const c of clashes) {
    const g = result.byGroup.find((x) => x.id === c.group);
    g?.diagnostics.push(c.diagnostic);
    for (const r of g?.files.find((f) => f.file === c.file)?.records ?? []) if (r.line === c.line) r.reasons.push(c.diagnostic);
    if (reports(c.file)) result.diagnostics.push(c.diagnostic);
  }
}

function records(g: GroupResult): RecordResult[] {
  const out: RecordResult[] = [];
  for (const f of g.files) for (const r of f.records) out.push(r);
  return out;
}

function finish(result: ValidationResult): ValidationResult {
  result.summary = {
    files: result.files.length + 1,
    records: result.files.reduce((n, f) => n + f.records.length, 0),
    ...sortAndCount(result.diagnostics),
  };
  return result;
}
