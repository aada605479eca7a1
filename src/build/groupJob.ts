// Building one group's piece of the ledgers from its record files: check each file not
// answered by the cache, check across the group's records, lay out its chunks. Pure (bytes
// and context in, piece out), so it runs the same on the main thread and on worker threads.
import type { FileResult, GroupContext } from '../model/campaign.js';
import { RECORD_KINDS, type RecordKind } from '../schema/spec.js';
import { checkFile } from '../check/checkFile.js';
import { checkGroup } from '../check/checkGroup.js';
import { buildGroupOutput, type Chunks, type GroupOutput } from './groupOutput.js';

export interface GroupJob {
  id: string;
  key: string;
  ctx: GroupContext;
  /** In file order: a result from the cache, or the bytes to check. */
  files: { rel: string; cached?: FileResult; bytes?: Uint8Array }[];
  /** Also give each freshly checked file's result as JSON, for the file cache. */
  json: boolean;
}

export interface GroupBuilt {
  output: GroupOutput;
  chunks: Chunks;
  /** File index → the fresh result as JSON (taken before the cross-record checks add to it). */
  fresh: [number, string][];
}

export function runGroupJob(job: GroupJob): GroupBuilt {
  const fresh: [number, string][] = [];
  const files = job.files.map((f, i) => {
    if (f.cached) return f.cached;
    const result = checkFile(f.bytes ?? new Uint8Array(0), f.rel, job.ctx);
    if (job.json) fresh.push([i, JSON.stringify(result)]);
    return result;
  });
  const built = buildGroupOutput(
    job.id,
    job.key,
    files,
    checkGroup(
      job.id,
      files.flatMap((f) => f.records),
    ),
  );
  return { ...built, fresh };
}

/** Chunks as transferable arrays (each with an ArrayBuffer of its own), and back. */
export function chunksOut(chunks: Chunks): { list: [RecordKind, Uint8Array, Uint8Array][]; transfer: ArrayBuffer[] } {
  const list: [RecordKind, Uint8Array, Uint8Array][] = [];
  const transfer: ArrayBuffer[] = [];
  for (const kind of RECORD_KINDS) {
    const c = chunks[kind];
    if (!c) continue;
    const yaml = new Uint8Array(c.yaml);
    const json = new Uint8Array(c.json ?? Buffer.alloc(0));
    list.push([kind, yaml, json]);
    transfer.push(yaml.buffer, json.buffer);
  }
  return { list, transfer };
}

export function chunksIn(list: [RecordKind, Uint8Array, Uint8Array][]): Chunks {
  const chunks: Chunks = {};
  for (const [kind, yaml, json] of list)
    chunks[kind] = {
      yaml: Buffer.from(yaml.buffer, yaml.byteOffset, yaml.length),
      json: Buffer.from(json.buffer, json.byteOffset, json.length),
    };
  return chunks;
}
