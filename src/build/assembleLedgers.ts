// The ledger files from the groups' pieces: each kind's file is the header and the groups'
// chunks laid end to end (then the rollup units'), its JSON copy the same chunks as pieces.
// Pure: pieces in, bytes out, so the same inputs always give the same ledgers.
import { pushAll } from '../messages/diagnostic.js';
import { sha256 } from '../util/hash.js';
import type { Campaign } from '../model/campaign.js';
import { RECORD_KINDS } from '../schema/spec.js';
import { ledgerText, MANIFEST_FILE, manifestText, REJECTED_FILE, YAML_HEADER } from '../model/serialize.js';
import {
  FORMAT_VERSION,
  LEDGER_FILES,
  type LedgerSet,
  type LikelyDuplicate,
  type Manifest,
  type ManifestGroup,
  type ManifestUnit,
  type RejectedRecord,
} from '../model/ledgers.js';
import { chunkOf, pieceName, type Chunks, type GroupOutput } from './groupOutput.js';
import { emptyCounts } from '../model/ledgers.js';
import { sortedObject } from './groupRecords.js';

export interface GroupPiece {
  /** null for a group without a folder yet. */
  output: GroupOutput | null;
  chunks: Chunks;
  photos: string[];
  summary: string | null;
  /** A summary file there but unread, when no summary has text. */
  unreadableSummary?: string | null;
}

export interface AssembleInput {
  campaign: Campaign;
  tool: string;
  /** In the group order of ledger.yaml. */
  groups: GroupPiece[];
  /** sha256 by path, every input file. */
  inputs: Record<string, string>;
  duplicates: LikelyDuplicate[];
  /** Ledgers of lower-level campaigns merged in as units (rollup), already prefixed. */
  units: LedgerSet[];
  unitInfo: ManifestUnit[];
  /** The ledger files as they are now (bytes and hash), where the chunks were cut from. */
  previous?: Map<string, { bytes: Buffer; sha256: string }>;
}

/**
 * A JSON copy as the merge hands it over: whole (the manifest, rejected.yaml), or as the
 * groups' pieces in order, each a file of its own in .cache/ledgers/pieces/ named after what
 * it was built from, so a merge after one group resubmits writes one piece, not 40 MB.
 * A piece with no bytes is one the merge found on disk (same name, same content).
 */
export type CopyPlan = { whole: Buffer } | { pieces: { name: string; bytes: Buffer | null; sha256: string }[] };

export interface LedgerFile {
  name: string;
  /** The file's bytes, in parts. */
  parts: Buffer[];
  sha256: string;
  /** Its JSON copy: whole, or the groups' pieces. */
  copy: CopyPlan;
  /** The file on disk already holds exactly these bytes: nothing to write. */
  unchanged?: boolean;
}

/** Where each group's chunk sits: per ledger file, per group, [start, length] in the file. */
export type ChunkRanges = Record<string, Record<string, [number, number]>>;

export interface Assembled {
  files: LedgerFile[];
  manifest: Manifest;
  ranges: ChunkRanges;
}

const EMPTY = Buffer.from('[]\n');

/**
 * Whether `parts` laid end to end are the bytes of `whole`: a part cut from `whole` at its own
 * place needs no comparing, so only rebuilt groups' chunks are compared byte for byte.
 */
function sameBytes(parts: readonly Buffer[], whole: Buffer): boolean {
  let at = 0;
  for (const p of parts) {
    const inPlace = p.buffer === whole.buffer && p.byteOffset === whole.byteOffset + at;
    if (!inPlace && (at + p.length > whole.length || !whole.subarray(at, at + p.length).equals(p))) return false;
    at += p.length;
  }
  return at === whole.length;
}

interface Piece {
  /** The group whose chunk it is (null for a unit's). */
  group: string | null;
  piece: string;
  yaml: Buffer;
  json: Buffer | null;
  jsonHash: string;
}

/** A ledger file of list chunks (groups' and units'), and where each group's chunk went. */
function listFile(name: string, chunks: Piece[], ranges: ChunkRanges, previous?: { bytes: Buffer; sha256: string }): LedgerFile {
  const header = Buffer.from(YAML_HEADER);
  const parts: Buffer[] = [header];
  const at: ChunkRanges[string] = {};
  let y = header.length;
  for (const c of chunks) {
    parts.push(c.yaml);
    if (c.group !== null) at[c.group] = [y, c.yaml.length];
    y += c.yaml.length;
  }
  if (!chunks.length) parts.push(EMPTY);
  // The same bytes as the file on disk (all chunks from it, or rebuilt alike): it stays as it is.
  const unchanged = previous !== undefined && sameBytes(parts, previous.bytes);
  const hash = unchanged ? previous.sha256 : sha256(parts);
  const copy: CopyPlan = { pieces: chunks.map((c) => ({ name: c.piece, bytes: c.json, sha256: c.jsonHash })) };
  ranges[name] = at;
  return { name, parts, sha256: hash, copy, ...(unchanged ? { unchanged } : {}) };
}

/** A file written whole (the manifest, rejected.yaml). */
function wholeFile(name: string, value: unknown): LedgerFile {
  const text = Buffer.from(name === MANIFEST_FILE ? manifestText(value) : ledgerText(value));
  return { name, parts: [text], sha256: sha256(text), copy: { whole: Buffer.from(JSON.stringify(value)) } };
}

export function assembleLedgers(input: AssembleInput): Assembled {
  const files: LedgerFile[] = [];
  const ranges: ChunkRanges = {};
  const manifestGroups: ManifestGroup[] = [];
  const rejected: RejectedRecord[] = [];
  const totals = { ...emptyCounts(), rejected: 0 };
  input.campaign.groups.forEach((group, i) => {
    const piece = input.groups[i];
    const out = piece?.output;
    manifestGroups.push({
      ...group,
      counts: out?.counts ?? emptyCounts(),
      photos: piece?.photos ?? [],
      summary: piece?.summary ?? null,
      ...(piece?.unreadableSummary ? { unreadable_summary: piece.unreadableSummary } : {}),
      errors: out?.errors ?? 0,
      warnings: out?.warnings ?? 0,
    });
    pushAll(rejected, out?.rejected ?? []);
  });
  const duplicates = [...input.duplicates];
  for (const unit of input.units) {
    pushAll(manifestGroups, unit.manifest.groups);
    pushAll(rejected, unit.rejected);
    pushAll(duplicates, unit.manifest.duplicates);
  }
  for (const kind of RECORD_KINDS) {
    const chunks: Piece[] = [];
    input.groups.forEach((piece) => {
      const c = piece.chunks[kind];
      if (c && piece.output) chunks.push({ group: piece.output.id, piece: pieceName(kind, piece.output.key), ...c });
      totals[kind] += piece.output?.counts[kind] ?? 0;
    });
    for (const unit of input.units) {
      if (unit.ledgers[kind].length) {
        const c = chunkOf(unit.ledgers[kind]);
        chunks.push({ group: null, piece: pieceName(kind, `unit-${c.jsonHash}`), ...c });
      }
      totals[kind] += unit.ledgers[kind].length;
    }
    files.push(listFile(LEDGER_FILES[kind], chunks, ranges, input.previous?.get(LEDGER_FILES[kind])));
  }
  totals.rejected = rejected.length;
  if (rejected.length) files.push(wholeFile(REJECTED_FILE, rejected));
  const { groups: _g, units: _u, ...campaign } = input.campaign;
  const manifest: Manifest = {
    format: FORMAT_VERSION,
    tool: input.tool,
    campaign,
    groups: manifestGroups,
    totals,
    inputs: sortedObject(input.inputs),
    ledgers: Object.fromEntries(files.map((f) => [f.name, f.sha256])),
    duplicates,
    ...(input.unitInfo.length ? { units: input.unitInfo } : {}),
  };
  files.push(wholeFile(MANIFEST_FILE, manifest));
  return { files, manifest, ranges };
}
