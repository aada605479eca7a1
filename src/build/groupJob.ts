// Building one group's piece of the ledgers from its record files: check each file not
// answered by the cache, check across the group's records, lay out its chunks. Pure (bytes
// and context in, piece out), so it runs the same on the main thread and on worker threads.
import type { Diagnostic } from '../messages/diagnostic.js';
import type { FileResult, GroupContext, RecordResult } from '../model/campaign.js';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import { checkFile } from '../check/checkFile.js';
import { checkGroup } from '../check/checkGroup.js';
import { buildGroupOutput, type Chunks, type GroupOutput, type PreviousPieces } from './groupOutput.js';

export interface GroupJob {
  id: string;
  key: string;
  ctx: GroupContext;
  /** In file order: a result from the cache, the bytes to check, or why the file could not be read. */
  files: { rel: string; cached?: FileResult; bytes?: Uint8Array; problem?: Diagnostic }[];
  /** What the folder walk found wrong (links leading out, pipes, unreadable photos). */
  scan: Diagnostic[];
  /** Also give each freshly checked file's result as JSON, for the file cache. */
  json: boolean;
  /**
   * Records refused by a check across the campaign (a register number already taken), by file
   * and the line the record starts on: refused with that reason, and records naming them with them.
   */
  refuse?: { file: string; line: number; reason: Diagnostic }[];
  /** The group's chunks as the last merge wrote them (only on this thread: they are views of whole ledger files). */
  previous?: PreviousPieces;
}

export interface GroupChecked {
  files: FileResult[];
  /** The folder walk's and the checks across the group's records. */
  diagnostics: Diagnostic[];
  fresh: [number, string][];
}

export interface GroupBuilt {
  output: GroupOutput;
  chunks: Chunks;
  /** File index → the fresh result as JSON (taken before the cross-record checks add to it). */
  fresh: [number, string][];
}

/** Every record of the files, in file order (without spreading 100,000 into one call). */
function records(files: readonly FileResult[]): RecordResult[] {
  const out: RecordResult[] = [];
  for (const f of files) for (const r of f.records) out.push(r);
  return out;
}

/** The check stage of a group: each file (cached or checked now), then across its records. */
export function checkGroupJob(job: GroupJob): GroupChecked {
  const fresh: [number, string][] = [];
  const files = job.files.map((f, i) => {
    if (f.cached) return f.cached;
    if (f.problem) return unreadFile(f.rel, job.id, f.problem);
    const result = checkFile(f.bytes ?? new Uint8Array(0), f.rel, job.ctx);
    if (job.json) fresh.push([i, JSON.stringify(result)]);
    return result;
  });
  // Before the checks across the group's records, so that records naming a refused visit go with it.
  for (const x of job.refuse ?? []) {
    for (const r of files.find((f) => f.file === x.file)?.records ?? []) if (r.line === x.line) r.reasons.push(x.reason);
  }
  return { files, diagnostics: [...job.scan, ...checkGroup(job.id, records(files))], fresh };
}

/** A file that could not be read: refused as a whole, its problem the reason. */
function unreadFile(rel: string, group: string, problem: Diagnostic): FileResult {
  return {
    file: rel,
    group,
    diagnostics: [problem],
    records: [{ kind: null, id: null, file: rel, line: 0, column: 0, data: null, reasons: [problem] }],
  };
}

/** Check, then build: the group's piece of the ledgers. */
export function runGroupJob(job: GroupJob): GroupBuilt {
  const checked = checkGroupJob(job);
  const built = buildGroupOutput(job.id, job.key, checked.files, checked.diagnostics, job.ctx.locale, job.previous);
  return { ...built, fresh: checked.fresh };
}

/** A chunk as it crosses threads: kind, YAML and JSON bytes (each with an ArrayBuffer of its own), JSON hash. */
export type ChunkMessage = [RecordKind, Uint8Array, Uint8Array, string];

export function chunksOut(chunks: Chunks): { list: ChunkMessage[]; transfer: ArrayBuffer[] } {
  const list: ChunkMessage[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const kind of RECORD_KINDS) {
    const c = chunks[kind];
    if (!c) continue;
    const yaml = new Uint8Array(c.yaml);
    const json = new Uint8Array(c.json ?? Buffer.alloc(0));
    list.push([kind, yaml, json, c.jsonHash]);
    transfer.push(yaml.buffer, json.buffer);
  }
  return { list, transfer };
}

export function chunksIn(list: ChunkMessage[]): Chunks {
  const chunks: Chunks = {};
  for (const [kind, yaml, json, jsonHash] of list) {
    chunks[kind] = {
      yaml: Buffer.from(yaml.buffer, yaml.byteOffset, yaml.length),
      json: Buffer.from(json.buffer, json.byteOffset, json.length),
      jsonHash,
    };
  }
  return chunks;
}
