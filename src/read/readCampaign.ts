// The read stage: a campaign folder as plain data. ledger.yaml and the folder walk come first;
// then the groups one at a time (a generator), so a merge can check one group on a worker
// while the next is read. Every file access and every cache lookup happens here: what comes
// out is bytes, hashes, cached results and cached group pieces, never a file handle or a hook.
import path from 'node:path';
import type { FileCache } from '../cache/fileCache.js';
import { contextKey } from '../cache/fileCache.js';
import { groupKey, type GroupCache } from '../cache/groupCache.js';
import type { Chunks, GroupOutput, PreviousPieces } from '../build/groupOutput.js';
import { diagnostic, type Diagnostic } from '../messages/diagnostic.js';
import { LedgerError } from '../messages/errors.js';
import type { Campaign, FileResult, GroupContext } from '../model/campaign.js';
import { localToday } from '../util/dates.js';
import { sha256 } from '../util/hash.js';
import { loadCampaign } from './loadCampaign.js';
import { InputReader, refusedFile } from './readInputs.js';
import { scanGroups, type GroupScan } from './scanGroups.js';
import { existsSync } from 'node:fs';

export interface ReadOptions {
  /** Only these group folders or files (absolute paths inside the campaign); `validate <paths>`. */
  paths?: string[];
  /** "Today" for the checks that depend on it (birth dates). */
  today?: string;
  /** Also hash every input file (ledger.yaml, records, summaries, photos), for the manifest. */
  hashes?: boolean;
  /** The cache of checked files. */
  files?: FileCache;
  /** The cache of whole groups (merge only): an unchanged group comes back as its piece. */
  groups?: GroupCache;
  /** Only the hashes are wanted (is the ledger current?): no cached results or bytes are handed on. */
  hashOnly?: boolean;
}

/** A record file ready to check: its cached result, or its bytes. */
export interface FileInput {
  rel: string;
  hash: string;
  size: number;
  mtimeMs: number;
  ino: number;
  cached?: FileResult;
  bytes?: Buffer;
  /** The file could not be read: it is refused with this diagnostic. */
  problem?: Diagnostic;
}

export interface GroupInput {
  scan: GroupScan;
  ctx: GroupContext;
  /** The key of the group context (caches, the names of copy pieces). */
  ctxKey: string;
  /** What the group's piece is built from: context and record files' hashes. */
  key: string;
  /** Record files in file order (empty when the group comes whole from the cache). */
  files: FileInput[];
  /**
   * The group's chunks as the last merge wrote them, read when it is built again on this thread
   * (workers never get them, so a merge that builds many groups there does not read them).
   */
  previous?: () => PreviousPieces | undefined;
  /** The group's piece from the last merge, when nothing it was built from changed. */
  reused?: { output: GroupOutput; chunks: Chunks };
  /** The stat key of its input files (with `hashes`, when none is refused): the group cache's check that nothing changed. */
  statKey?: string;
  /** sha256 of the group's input files by campaign-relative path (with `hashes`). */
  inputs: Record<string, string>;
}

export interface CampaignInput {
  root: string;
  campaign: Campaign | null;
  /** ledger.yaml's diagnostics, undeclared group folders, declared groups without a folder. */
  diagnostics: Diagnostic[];
  /** ledger.yaml's hash. */
  inputs: Record<string, string>;
  /** Every group folder scanned (in ledger.yaml order), read or not. */
  scans: GroupScan[];
  /** Which files `validate <paths>` reports on (undefined: all). */
  reports?: (file: string) => boolean;
  /** The groups, read one at a time. */
  groups(): Generator<GroupInput>;
}

export function groupContext(campaign: Campaign, scan: GroupScan, today: string): GroupContext {
  const group = campaign.groups.find((g) => g.id === scan.id);
  return {
    group: scan.id,
    members: group ? group.members.map((m) => m.name) : [],
    period: campaign.period,
    locale: campaign.locale,
    today,
    files: scan.files,
  };
}

export function readCampaign(root: string, options: ReadOptions = {}): CampaignInput {
  const today = options.today ?? localToday();
  const loaded = loadCampaign(root);
  const campaign = loaded.campaign;
  const diagnostics = [...loaded.diagnostics];
  const input: CampaignInput = { root, campaign, diagnostics, inputs: {}, scans: [], groups: function* () {} };
  if (options.hashes) input.inputs['ledger.yaml'] = sha256(loaded.bytes);
  if (!campaign) return input;
  const selection = options.paths ? select(root, campaign, options.paths) : undefined;
  if (selection) input.reports = selection.reports;
  const scan = scanGroups(root, campaign, selection?.groups);
  for (const d of scan.diagnostics) diagnostics.push(d);
  input.scans = scan.groups;
  // A group folder that is a broken link is not missing: it is read as a group whose folder is refused.
  const read = (g: GroupScan) => g.exists || g.recordFiles.length > 0;
  for (const g of scan.groups) {
    if (read(g) || selection) continue;
    // A file where the folder goes is not "nothing handed in yet".
    const file = existsSync(g.dir) ? { file: true } : {};
    diagnostics.push(diagnostic('group-folder-missing', { group: g.id, ...file }, { file: `groups/${g.id}`, line: 0, column: 0 }));
  }
  const reader = new InputReader(root, options.files);
  input.groups = function* () {
    for (const g of scan.groups) if (read(g)) yield readGroup(reader, groupContext(campaign, g, today), g, options);
  };
  return input;
}

function readGroup(reader: InputReader, ctx: GroupContext, scan: GroupScan, options: ReadOptions): GroupInput {
  const ctxKey = contextKey(ctx);
  const others = options.hashes ? hashedFiles(scan) : []; // only what is hashed is listed
  if (options.groups && options.hashes && !options.hashOnly) {
    const same = unchangedGroup(reader, { scan, ctx, ctxKey }, others, options.groups, options.files);
    if (same) return same;
  }
  const read = scan.recordFiles.map((rel) => {
    const refused = scan.refused[rel];
    return refused ? refusedFile(rel, refused) : reader.record(rel, ctxKey);
  });
  const key = groupKey(
    ctxKey,
    read.map((f) => [f.rel, f.hash]),
  );
  const group: GroupInput = { scan, ctx, ctxKey, key, files: [], inputs: {} };
  if (options.hashes) {
    const stats: StatRow[] = [];
    for (const f of read) {
      if (f.problem) continue;
      group.inputs[f.rel] = f.hash;
      stats.push([f.rel, f.size, f.mtimeMs, f.ino]);
    }
    for (const at of others) {
      if (group.inputs[at] !== undefined) continue;
      const hashed = reader.hash(at);
      if (hashed === null) continue;
      group.inputs[at] = hashed.hash;
      stats.push([at, hashed.size, hashed.mtimeMs, hashed.ino]);
    }
    // Stats taken before the bytes were read: a file changed since shows another stat next time.
    if (read.every((f) => !f.problem)) group.statKey = statKeyOf(ctxKey, stats);
  }
  if (options.hashOnly) return group;
  const reused = read.every((f) => !f.problem) ? options.groups?.take(scan.id, key) : undefined;
  if (reused) {
    group.reused = reused;
    return group;
  }
  // Built again: the records that did not change take their YAML from the last merge's chunk.
  const cache = options.groups;
  if (cache) group.previous = () => cache.previousPieces(scan.id);
  group.files = read.map((f): FileInput => {
    const base = { rel: f.rel, hash: f.hash, size: f.size, mtimeMs: f.mtimeMs, ino: f.ino };
    if (f.problem) return { ...base, problem: f.problem };
    const cached = f.hit ? options.files?.result(f.rel) : null;
    if (cached) return { ...base, cached };
    return { ...base, bytes: f.bytes ?? reader.bytesOf(f.rel) };
  });
  return group;
}

/** An input file's path (campaign-relative), size, mtime and inode. */
type StatRow = [string, number, number, number];

const statKeyOf = (ctxKey: string, stats: readonly StatRow[]) => sha256(JSON.stringify([ctxKey, stats]));

/** The group's files the manifest hashes (record files among them), campaign-relative, in walk order. */
function hashedFiles(scan: GroupScan): string[] {
  const out: string[] = [];
  for (const [rel, kind] of Object.entries(scan.files)) {
    if (kind !== 'dir' && kind !== 'outside' && kind !== 'special') out.push(`groups/${scan.id}/${rel}`);
  }
  return out;
}

/**
 * A group whose files all show the size, mtime and inode they had when its piece was built
 * (the merge after one group resubmits: every other group): its piece, key and input hashes
 * from the group cache, with one stat per file and nothing read, hashed or looked up per file.
 */
function unchangedGroup(
  reader: InputReader,
  group: Pick<GroupInput, 'scan' | 'ctx' | 'ctxKey'>,
  others: readonly string[],
  cache: GroupCache,
  files: FileCache | undefined,
): GroupInput | undefined {
  const { scan } = group;
  if (Object.keys(scan.refused).length) return undefined;
  const records = new Set(scan.recordFiles);
  const stats: StatRow[] = [];
  let newest = 0;
  // In the order the full read takes them: record files, then the other files in walk order.
  for (const rel of [...scan.recordFiles, ...others.filter((at) => !records.has(at))]) {
    const st = reader.stat(rel);
    if (!st) return undefined;
    stats.push([rel, st.size, st.mtimeMs, st.ino]);
    newest = Math.max(newest, st.mtimeMs);
  }
  const got = cache.unchanged(scan.id, statKeyOf(group.ctxKey, stats), newest);
  if (!got) return undefined;
  files?.keep(scan.id);
  return {
    ...group,
    key: got.key,
    files: [],
    inputs: got.inputs,
    statKey: got.statKey,
    reused: { output: got.output, chunks: got.chunks },
  };
}

/** Which groups to read, and which files to report on, for `validate <paths...>`. */
function select(root: string, campaign: Campaign, paths: string[]) {
  const groups = new Set<string>();
  const prefixes: string[] = [];
  for (const p of paths) {
    const rel = path.relative(root, path.resolve(p)).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new LedgerError('path-outside', { path: p, root });
    if (!existsSync(p)) throw new LedgerError('path-missing', { path: p });
    if (rel === '' || rel === 'ledger.yaml' || rel === 'groups') {
      for (const g of campaign.groups) groups.add(g.id);
      prefixes.push(rel === 'groups' ? 'groups/' : '');
      continue;
    }
    const parts = rel.split('/');
    if (parts[0] !== 'groups' || !parts[1]) throw new LedgerError('path-not-group', { path: p });
    groups.add(parts[1]);
    prefixes.push(parts.length === 2 ? `groups/${parts[1]}/` : rel);
  }
  const reports = (file: string) =>
    prefixes.some((pre) => pre === '' || file === pre || file.startsWith(pre.endsWith('/') ? pre : pre + '/') || file + '/' === pre);
  return { groups, reports };
}
