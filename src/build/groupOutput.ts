// What one group contributes to the ledgers, built from its checked files alone. The ledger
// files are the groups' pieces laid end to end (group order of ledger.yaml), so a group whose
// files did not change gives the same piece again: the merge can keep it from the last run
// instead of parsing, checking and writing out that group's records once more.
import type { Diagnostic } from '../messages/diagnostic.js';
import type { Lang } from '../messages/words.js';
import type { FileResult } from '../model/campaign.js';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import type { RejectedRecord } from '../model/ledgers.js';
import { emitYaml } from '../yaml/emit.js';
import { sha256 } from '../util/hash.js';
import { opinionRefs, textKeysOf, type OpinionRef } from '../check/likelyDuplicates.js';
import { refNoRefs, type RefNoRef } from '../check/refNumbers.js';
import { groupRecords } from './groupRecords.js';

/** Everything about a group's part of the merge but its records' text (small: cached as JSON). */
export interface GroupOutput {
  id: string;
  /** The hash of what the output was built from (context, record files' hashes, tool). */
  key: string;
  counts: Record<RecordKind, number>;
  errors: number;
  warnings: number;
  /** Record files and records read, for the summary. */
  files: number;
  records: number;
  /** The files' diagnostics and those of the checks across the group's records. */
  diagnostics: Diagnostic[];
  rejected: RejectedRecord[];
  opinions: OpinionRef[];
  /** Its opinions' texts' keys per kind of source (textKeysOf), so the duplicate check knows an unchanged block. */
  textKeys: Record<string, string>;
  /** Its valid records with a register number (ref_no), for the check across the campaign. */
  refNos: RefNoRef[];
  /** The sha256 of each kind's piece of the JSON copies, so a reader can tell a piece edited or torn. */
  pieces: Partial<Record<RecordKind, string>>;
}

/**
 * A group's records of each kind as text: the YAML list items of the ledger file, and the
 * JSON array elements (comma-separated, no brackets) of its JSON copy's piece, or null when
 * that piece is already on disk. Kinds without records have no chunk.
 */
export type Chunks = Partial<Record<RecordKind, Chunk>>;

/** `json` is null when the piece is already on disk; `jsonHash` names its content either way. */
export interface Chunk {
  yaml: Buffer;
  json: Buffer | null;
  jsonHash: string;
}

/** The name of a group's piece of a ledger's JSON copy: what it was built from says what it holds. */
export function pieceName(kind: RecordKind, key: string): string {
  return `${kind}-${key.slice(0, 40)}.json`;
}

/**
 * A group's chunks as the last merge wrote them, per kind: the records' JSON as its piece holds
 * it, and their YAML (null when it could not be cut from the ledger file).
 */
export type PreviousPieces = Partial<Record<RecordKind, { json: string; yaml: Uint8Array | null }>>;

/** Between two records of a JSON-copy piece: JSON.stringify writes no line breaks, so a piece splits into its records by lines. */
const JSON_JOIN = ',\n';

/**
 * The chunks of a list of ledger records (also used for a rollup unit's records): the YAML list
 * items of the ledger file, and the JSON array elements of its JSON copy's piece. With the
 * group's previous chunk, a record whose JSON is the same as one there takes that one's YAML
 * (a group resubmitting one file of fifty emits that file's records, not the fifty).
 */
export function chunkOf(
  records: readonly unknown[],
  previous?: PreviousPieces[RecordKind],
): { yaml: Buffer; json: Buffer; jsonHash: string } {
  const texts = records.map((r) => JSON.stringify(r));
  const json = Buffer.from(texts.join(JSON_JOIN));
  const before = previous?.yaml && records.length ? yamlByJson(previous.json, previous.yaml) : null;
  if (!before) return { yaml: Buffer.from(emitYaml(records)), json, jsonHash: sha256(json) };
  // JSON cannot tell a non-finite number from null: such a record is written out afresh.
  const yaml = records.map(
    (r, k) => (!(texts[k]!.includes('null') && hasNonFinite(r)) && before.get(texts[k]!)) || Buffer.from(emitYaml([r])),
  );
  return { yaml: Buffer.concat(yaml), json, jsonHash: sha256(json) };
}

/**
 * The YAML of each previous record by its JSON: the chunk cut where a list item starts (a line
 * beginning "- ": scalars never span lines, nested lists are indented); null when the items do
 * not match the records one for one.
 */
function yamlByJson(json: string, yaml: Uint8Array): Map<string, Uint8Array> | null {
  const texts = json.split(JSON_JOIN);
  const bytes = Buffer.from(yaml.buffer, yaml.byteOffset, yaml.length);
  const starts: number[] = bytes.length >= 2 && bytes[0] === 0x2d && bytes[1] === 0x20 ? [0] : [];
  for (let at = bytes.indexOf('\n- '); at >= 0; at = bytes.indexOf('\n- ', at + 1)) starts.push(at + 1);
  if (starts.length !== texts.length || bytes[bytes.length - 1] !== 0x0a) return null;
  const out = new Map<string, Uint8Array>();
  texts.forEach((t, k) => out.set(t, bytes.subarray(starts[k]!, starts[k + 1] ?? bytes.length)));
  return out;
}

function hasNonFinite(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v !== 'object' || v === null) return false;
  for (const x of Object.values(v)) if (hasNonFinite(x)) return true;
  return false;
}

export function buildGroupOutput(
  id: string,
  key: string,
  files: readonly FileResult[],
  groupDiagnostics: readonly Diagnostic[],
  lang: Lang,
  previous?: PreviousPieces,
): { output: GroupOutput; chunks: Chunks } {
  const { bucket, counts, rejected, errors, warnings } = groupRecords(id, files, groupDiagnostics, lang);
  const chunks: Chunks = {};
  for (const kind of RECORD_KINDS) if (bucket[kind].length) chunks[kind] = chunkOf(bucket[kind], previous?.[kind]);
  const records = files.flatMap((f) => f.records);
  const opinions = opinionRefs(id, records);
  return {
    output: {
      id,
      key,
      counts,
      errors,
      warnings,
      files: files.length,
      records: records.length,
      diagnostics: [...files.flatMap((f) => f.diagnostics), ...groupDiagnostics],
      rejected,
      opinions,
      textKeys: textKeysOf(opinions),
      refNos: refNoRefs(id, records),
      pieces: Object.fromEntries(Object.entries(chunks).map(([k, c]) => [k, c.jsonHash])),
    },
    chunks,
  };
}
