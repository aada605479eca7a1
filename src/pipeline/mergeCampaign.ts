// `ledger merge` as a library: read → check → build → write. Groups are read one at a time and
// each is checked and built by one pure job (on worker threads once there is enough to do),
// or taken whole from the cache when nothing it was built from changed. It refuses on errors
// (unless the clerk allows invalid records, which then go to rejected.yaml), and writes the
// ledgers as one journaled commit.
import path from 'node:path';
import { assembleLedgers, type GroupPiece } from '../build/assembleLedgers.js';
import { runGroupJob, type GroupBuilt } from '../build/groupJob.js';
import type { GroupOutput } from '../build/groupOutput.js';
import { FileCache } from '../cache/fileCache.js';
import { GroupCache, type GroupRead } from '../cache/groupCache.js';
import { writeLedgerCopies } from '../cache/ledgerCopies.js';
import { saveLedgerStats } from '../cache/ledgerStats.js';
import { likelyDuplicates } from '../check/likelyDuplicates.js';
import { duplicateRefNos, type RefNoClash } from '../check/refNumbers.js';
import { pushAll, sortAndCount, type Diagnostic } from '../messages/diagnostic.js';
import type { Campaign } from '../model/campaign.js';
import type { LedgerRecord, Manifest } from '../model/ledgers.js';
import { CHANGES_FILE, changesText, MANIFEST_FILE } from '../model/serialize.js';
import { diffRecords, type Changes, type KindRecords } from '../build/changes.js';
import { previousGroups, previousManifest, previousRecords } from '../read/previousLedgers.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { sha256 } from '../util/hash.js';
import { LEDGERS_DIR } from '../read/loadLedgers.js';
import { loadUnits, type LoadedUnits } from '../read/loadUnits.js';
import { pathExists } from '../read/pathExists.js';
import { readCampaign, type CampaignInput, type GroupInput } from '../read/readCampaign.js';
import { acquireMergeLock } from '../write/mergeLock.js';
import { recoverInterruptedWrite, writeLedgerFiles } from '../write/writeLedgers.js';
import { GroupBuilder } from './groupPool.js';
import { unitChanges } from './unitChanges.js';
import { jobOf, type ValidationSummary } from './validateCampaign.js';

export interface MergeOptions {
  allowInvalid?: boolean;
  /** Reuse checked files and unchanged groups from ledgers/.cache/ (default true). */
  cache?: boolean;
  onProgress?: (done: number, total: number) => void;
  today?: string;
  tool: string;
  /** Worker threads for building groups (default: the cores, up to 4; 1: none). */
  threads?: number;
}

export interface MergeResult {
  /** null when ledger.yaml could not be read. */
  campaign: Campaign | null;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  /** The manifest written, or null when the merge refused. */
  manifest: Manifest | null;
  written: boolean;
  ledgersDir: string;
  /** Groups taken whole from the cache: their files had not changed since the last merge. */
  reused: number;
  /** What this merge changed in the ledgers it replaced (null when it refused). */
  changes: Changes | null;
}

interface Caches {
  files?: FileCache;
  groups?: GroupCache;
}

export async function mergeCampaign(root: string, options: MergeOptions): Promise<MergeResult> {
  const ledgersDir = path.join(root, LEDGERS_DIR);
  const release = acquireMergeLock(ledgersDir);
  const builder = new GroupBuilder(options.threads);
  try {
    // A write killed after its journal is finished first: the caches describe the ledgers on disk.
    recoverInterruptedWrite(ledgersDir);
    const caches: Caches = options.cache === false ? {} : { files: FileCache.load(ledgersDir), groups: GroupCache.load(ledgersDir) };
    const input = readCampaign(root, { hashes: true, ...caches, ...(options.today ? { today: options.today } : {}) });
    const built = await buildGroups(input, builder, caches, options.onProgress);
    return finish(input, ledgersDir, built, options, caches);
  } finally {
    await builder.close();
    release();
  }
}

/** Every group's piece: taken from the cache, or built (the fresh file results go to the file cache). */
async function buildGroups(input: CampaignInput, builder: GroupBuilder, caches: Caches, onProgress: MergeOptions['onProgress']) {
  const total = input.scans.reduce((n, s) => n + s.recordFiles.length, 0);
  let done = 0;
  const progress = (files: number) => {
    done += files;
    if (total > 0) onProgress?.(done, total);
  };
  const pending = new Map<string, { group: GroupInput; built: Promise<GroupBuilt> }>();
  for (const g of input.groups()) {
    if (g.reused) {
      pending.set(g.scan.id, { group: { ...g, files: [] }, built: Promise.resolve({ ...g.reused, fresh: [] }) });
      progress(g.scan.recordFiles.length);
      continue;
    }
    const built = builder.build(jobOf(g, caches.files !== undefined), g.previous).then((b) => {
      for (const [i, json] of b.fresh) {
        const f = g.files[i]!;
        caches.files?.store({ rel: f.rel, size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, sha256: f.hash, ctx: g.ctxKey }, json);
      }
      progress(g.scan.recordFiles.length);
      return b;
    });
    built.catch(() => {}); // awaited (and thrown) once every group is read
    // The bytes are the job's now: the group keeps only what finish() needs.
    pending.set(g.scan.id, { group: { ...g, files: [] }, built });
  }
  builder.flush();
  const out = new Map<string, { group: GroupInput; built: GroupBuilt }>();
  for (const [id, p] of pending) out.set(id, { group: p.group, built: await p.built });
  return out;
}

/** Every group's piece of the ledgers, its output and its input files' hashes; its counts into the result. */
function gather(input: CampaignInput, built: Map<string, { group: GroupInput; built: GroupBuilt }>, result: MergeResult) {
  const pieces = new Map<string, GroupPiece>();
  const outputs: GroupOutput[] = [];
  const inputs = { ...input.inputs };
  for (const { group, built: b } of built.values()) {
    pieces.set(group.scan.id, pieceOf(group, b));
    outputs.push(b.output);
    Object.assign(inputs, group.inputs);
    pushAll(result.diagnostics, b.output.diagnostics);
    result.summary.files += b.output.files;
    result.summary.records += b.output.records;
  }
  return { pieces, outputs, inputs };
}

/** The write end: the ledgers assembled, changes.yaml beside them, all committed at once; the caches after. */
function commit(
  campaign: Campaign,
  ledgersDir: string,
  parts: {
    pieces: Map<string, GroupPiece>;
    outputs: GroupOutput[];
    inputs: Record<string, string>;
    dups: ReturnType<typeof likelyDuplicates>;
    units: ReturnType<typeof loadUnits>;
    reusedIds: Set<string>;
    /** What the read stage knew of each group's files (for the group cache). */
    reads: Map<string, GroupRead>;
  },
  options: MergeOptions,
  caches: Caches,
  result: MergeResult,
): void {
  const { pieces, outputs, dups, units } = parts;
  const assembled = assembleLedgers({
    campaign,
    tool: options.tool,
    groups: campaign.groups.map((g) => pieces.get(g.id) ?? { output: null, chunks: {}, photos: [], summary: null }),
    inputs: parts.inputs,
    duplicates: dups.clusters,
    units: units.sets,
    unitInfo: units.units,
    ...(caches.groups ? { previous: caches.groups.previous() } : {}),
  });
  const changes = changesSince(ledgersDir, { pieces, reused: parts.reusedIds, units }, caches.groups);
  writeLedgerFiles(ledgersDir, [...assembled.files, { name: CHANGES_FILE, parts: [Buffer.from(changesText(changes))] }]);
  result.changes = changes;
  writeLedgerCopies(ledgersDir, assembled.files);
  saveLedgerStats(ledgersDir, assembled.manifest.ledgers);
  caches.groups?.save(outputs, assembled.files, assembled.ranges, dups.memo, parts.reads);
  result.manifest = assembled.manifest;
  result.written = true;
}

function finish(
  input: CampaignInput,
  ledgersDir: string,
  built: Map<string, { group: GroupInput; built: GroupBuilt }>,
  options: MergeOptions,
  caches: Caches,
): MergeResult {
  const { campaign, root } = input;
  const diagnostics = [...input.diagnostics];
  const reused = [...built.values()].filter((b) => b.group.reused).length;
  const result: MergeResult = {
    campaign,
    diagnostics,
    summary: { files: 1, records: 0, errors: 0, warnings: 0 },
    manifest: null,
    written: false,
    ledgersDir,
    reused,
    changes: null,
  };
  if (!campaign) return summarize(result);
  const { pieces, outputs, inputs } = gather(input, built, result);
  // A register number used twice: the later record is an error; merged anyway, it is refused.
  const clashes = duplicateRefNos(outputs.flatMap((o) => o.refNos));
  pushAll(
    diagnostics,
    clashes.map((c) => c.diagnostic),
  );
  if (clashes.length && options.allowInvalid) refuseClashes(input, clashes, options.today, { pieces, outputs, inputs, caches });
  const dups = likelyDuplicates(
    outputs.flatMap((o) => o.opinions),
    caches.groups?.memo(),
    new Map(outputs.map((o) => [o.id, o.textKeys])),
  );
  pushAll(diagnostics, dups.diagnostics);
  const units = loadUnits(root, campaign);
  // A unit that cannot be trusted is never merged, not even with --allow-invalid.
  pushAll(diagnostics, units.diagnostics);
  summarize(result);
  if (units.diagnostics.length === 0 && (result.summary.errors === 0 || options.allowInvalid)) {
    const reusedIds = new Set([...built.values()].filter((b) => b.group.reused).map((b) => b.group.scan.id));
    const reads = new Map<string, GroupRead>();
    for (const { group } of built.values()) if (group.statKey) reads.set(group.scan.id, { statKey: group.statKey, inputs: group.inputs });
    commit(campaign, ledgersDir, { pieces, outputs, inputs, dups, units, reusedIds, reads }, options, caches, result);
  }
  // Checked files are worth keeping even when the merge refuses (the fixed rerun is faster),
  // but a refused first merge leaves no ledgers/ folder behind.
  if (caches.files && (result.written || pathExists(path.join(ledgersDir, MANIFEST_FILE)))) caches.files.save();
  return result;
}

/**
 * Records added, removed, changed and refused since the ledgers this merge replaces: rebuilt
 * groups and units merged in anew (the others are unchanged).
 */
function changesSince(
  ledgersDir: string,
  now: { pieces: Map<string, GroupPiece>; reused: ReadonlySet<string>; units: LoadedUnits },
  cache: GroupCache | undefined,
): Changes {
  const manifest = previousManifest(ledgersDir);
  // Groups gone from ledger.yaml, or whose folder is gone: their records are compared (as removed) too.
  const departed = previousGroups(manifest).filter((id) => !now.pieces.has(id));
  const rebuilt = [...now.pieces].filter(([id, p]) => !now.reused.has(id) && p.output);
  const units = unitChanges(manifest, now.units);
  const previous = previousRecords(ledgersDir, [...rebuilt.map(([id]) => id), ...departed, ...units.groups], cache);
  if (previous.state !== 'ledgers') return { previous: previous.state };
  const after: KindRecords[] = [];
  const ids = new Set<string>(units.refused);
  const files = new Set<string>();
  for (const [, p] of rebuilt) {
    for (const kind of RECORD_KINDS) {
      const json = p.chunks[kind]?.json;
      if (json) after.push({ kind, records: JSON.parse(`[${json.toString('utf8')}]`) as LedgerRecord[] });
    }
    // A file refused whole (line 0, no id): the records it held are refused, not removed.
    for (const r of p.output?.rejected ?? []) if (r.id !== null) ids.add(`${r.group}/${r.id}`);
    for (const r of p.output?.rejected ?? []) if (r.id === null && r.line === 0) files.add(r.file);
  }
  after.push(...units.after); // units come after the groups, as in the ledgers
  return { previous: 'ledgers', ...diffRecords(previous.records, after, { ids, files }) };
}

/**
 * Builds again, on this thread, each group with a record whose register number an earlier
 * record has, that record refused (and any record naming it as its visit with it). Rare: only
 * `--allow-invalid` with such a clash. The group is read afresh (its bytes went to the build),
 * and its piece gets a key of its own, so neither cache mistakes it for the group's usual piece.
 */
function refuseClashes(
  input: CampaignInput,
  clashes: readonly RefNoClash[],
  today: string | undefined,
  into: { pieces: Map<string, GroupPiece>; outputs: GroupOutput[]; inputs: Record<string, string>; caches: Caches },
): void {
  const byGroup = new Map<string, RefNoClash[]>();
  for (const c of clashes) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  for (const [id, list] of byGroup) {
    const again = readCampaign(input.root, { hashes: true, paths: [path.join(input.root, 'groups', id)], ...(today ? { today } : {}) });
    const group = [...again.groups()].find((g) => g.scan.id === id);
    if (!group) continue;
    const refuse = list.map((c) => ({ file: c.file, line: c.line, reason: c.diagnostic }));
    const built = runGroupJob({ ...jobOf(group, false), refuse });
    built.output.key = sha256(JSON.stringify([group.key, refuse.map((r) => [r.file, r.line])]));
    built.output.errors += list.length; // the clashes are this group's errors too
    into.pieces.set(id, pieceOf(group, built));
    const k = into.outputs.findIndex((o) => o.id === id);
    if (k >= 0) into.outputs[k] = built.output;
    Object.assign(into.inputs, group.inputs);
    into.caches.groups?.release(id);
  }
}

function pieceOf(group: GroupInput, b: GroupBuilt): GroupPiece {
  const id = group.scan.id;
  const photos = Object.entries(group.scan.files)
    .filter(([, kind]) => kind === 'jpeg' || kind === 'png')
    .map(([rel]) => `groups/${id}/${rel}`);
  const summary = group.scan.summary && group.scan.summary.length > 0 ? group.scan.summary.file : null;
  return { output: b.output, chunks: b.chunks, photos, summary, unreadableSummary: summary ? null : group.scan.unreadableSummary };
}

function summarize(result: MergeResult): MergeResult {
  Object.assign(result.summary, sortAndCount(result.diagnostics));
  return result;
}
