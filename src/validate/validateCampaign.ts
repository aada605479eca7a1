// `ledger validate` as a library: read every group's files, check each, then check across the
// records of each group. The CLI, merge and tests all call this.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, errorCount, type Diagnostic } from '../diagnostic.js';
import type { Campaign, FileResult, GroupContext } from '../model.js';
import { loadCampaign } from '../campaign/loadCampaign.js';
import { scanGroups, type GroupScan } from '../campaign/scanGroups.js';
import { checkFile } from './checkFile.js';
import { checkGroup } from './checkGroup.js';
import { likelyDuplicates } from './likelyDuplicates.js';
import type { LikelyDuplicate } from '../ledgers/types.js';
import { localToday } from './dates.js';
import { UsageError } from '../errors.js';
import { sha256 } from '../hash.js';

export interface ValidateOptions {
  /** Limit to these group folders or files (absolute paths inside the campaign). */
  paths?: string[];
  today?: string;
  /** Also hash every input file (ledger.yaml, records, summaries, photos) for the manifest. */
  hashes?: boolean;
}

export interface GroupResult {
  id: string;
  files: FileResult[];
  /** Diagnostics of checks across the group's records (ids, visit references). */
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
  /** sha256 by campaign-relative path; filled when `hashes` was asked for. */
  inputs: Record<string, string>;
  /** Opinions that look like another (ledger ids), kept both but reported. */
  duplicates: LikelyDuplicate[];
}

export function groupContext(campaign: Campaign, scan: GroupScan, today: string): GroupContext {
  const group = campaign.groups.find((g) => g.id === scan.id);
  return {
    group: scan.id,
    members: group ? group.members.map((m) => m.name) : [],
    period: campaign.period,
    today,
    files: scan.files,
  };
}

export function validateCampaign(root: string, options: ValidateOptions = {}): ValidationResult {
  const today = options.today ?? localToday();
  const loaded = loadCampaign(root);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const campaign = loaded.campaign;
  const result: ValidationResult = {
    root,
    campaign,
    groups: [],
    files: [],
    byGroup: [],
    diagnostics,
    summary: { files: 1, records: 0, errors: 0, warnings: 0 },
    inputs: {},
    duplicates: [],
  };
  if (options.hashes) result.inputs['ledger.yaml'] = sha256(loaded.bytes);
  if (!campaign) return finish(result);

  const filter = options.paths ? selection(root, campaign, options.paths) : undefined;
  const scan = scanGroups(root, campaign, filter?.groups);
  diagnostics.push(...scan.diagnostics);
  result.groups = scan.groups;
  for (const g of scan.groups) {
    if (!g.exists) {
      if (!filter) {
        diagnostics.push({
          severity: 'warning',
          code: 'group-folder-missing',
          message: `group ${g.id} has no folder groups/${g.id}/ yet`,
          file: `groups/${g.id}`,
          line: 0,
          column: 0,
          pointer: '',
        });
      }
      continue;
    }
    const ctx = groupContext(campaign, g, today);
    const files = g.recordFiles.map((f) => {
      const bytes = readFileSync(path.join(root, f));
      if (options.hashes) result.inputs[f] = sha256(bytes);
      return checkFile(bytes, f, ctx);
    });
    if (options.hashes) {
      for (const [rel, kind] of Object.entries(g.files)) {
        if (kind === 'dir' || kind === 'outside' || result.inputs[`groups/${g.id}/${rel}`]) continue;
        result.inputs[`groups/${g.id}/${rel}`] = sha256(readFileSync(path.join(g.dir, rel)));
      }
    }
    const groupDiagnostics = checkGroup(g.id, files.flatMap((f) => f.records));
    result.byGroup.push({ id: g.id, files, diagnostics: groupDiagnostics });
    for (const f of files) {
      if (filter && !filter.matches(f.file)) continue;
      result.files.push(f);
      diagnostics.push(...f.diagnostics);
    }
    diagnostics.push(...groupDiagnostics.filter((d) => !filter || filter.matches(d.file)));
  }
  const dups = likelyDuplicates(result.byGroup.flatMap((g) => g.files.flatMap((f) => f.records.map((record) => ({ group: g.id, record })))));
  result.duplicates = dups.pairs;
  diagnostics.push(...dups.diagnostics.filter((d) => !filter || filter.matches(d.file)));
  return finish(result);
}

function finish(result: ValidationResult): ValidationResult {
  result.diagnostics.sort(compareDiagnostics);
  const errors = errorCount(result.diagnostics);
  result.summary = {
    files: result.files.length + 1,
    records: result.files.reduce((n, f) => n + f.records.length, 0),
    errors,
    warnings: result.diagnostics.length - errors,
  };
  return result;
}

/** Which groups to read, and which files to report on, for `validate <paths...>`. */
function selection(root: string, campaign: Campaign, paths: string[]) {
  const groups = new Set<string>();
  const prefixes: string[] = [];
  for (const p of paths) {
    const rel = path.relative(root, path.resolve(p)).split(path.sep).join('/');
    if (rel === '' || rel === 'ledger.yaml') {
      for (const g of campaign.groups) groups.add(g.id);
      prefixes.push('');
      continue;
    }
    const parts = rel.split('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is not inside the campaign at ${root}`);
    if (rel === 'groups') {
      for (const g of campaign.groups) groups.add(g.id);
      prefixes.push('groups/');
      continue;
    }
    if (parts[0] !== 'groups' || !parts[1]) throw new UsageError(`${p} is not a group folder or a file under groups/`);
    groups.add(parts[1]);
    prefixes.push(parts.length === 2 ? `groups/${parts[1]}/` : rel);
  }
  return {
    groups,
    matches: (file: string) => prefixes.some((pre) => pre === '' || file === pre || file.startsWith(pre.endsWith('/') ? pre : pre + '/') || file + '/' === pre),
  };
}
