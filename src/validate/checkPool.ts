// Checking record files on worker threads. Parsing YAML is most of a cold merge, and each file
// is checked alone (bytes and group context in, results out), so the files are dealt to a few
// workers in small batches; the cross-record checks then run on the main thread as before.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult, GroupContext } from '../model.js';
import type { CheckJob } from './validateCampaign.js';

/** What a job's bytes become once they are checked or handed to a worker. */
export const NO_BYTES = Buffer.alloc(0);

/** Below this many files to check, starting workers costs more than it saves. */
export const MIN_PARALLEL_FILES = 400;
const BATCH = 40;
const WORKER = fileURLToPath(new URL('./checkWorker.js', import.meta.url));

/** The compiled worker exists (not when running from the TypeScript sources). */
export function workerAvailable(): boolean {
  return existsSync(WORKER);
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export interface WorkerRequest {
  contexts: [number, GroupContext][];
  jobs: { i: number; rel: string; bytes: Uint8Array; ctx: number }[];
}

export interface WorkerReply {
  results: { i: number; result: FileResult }[];
}

export async function checkInWorkers(jobs: CheckJob[], threads: number, onProgress?: (done: number, total: number) => void): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  const ctxIds = new Map<GroupContext, number>();
  for (const j of jobs) if (!ctxIds.has(j.ctx)) ctxIds.set(j.ctx, ctxIds.size);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, Math.ceil(jobs.length / BATCH)) }, () => new Worker(WORKER));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sent = new Set<number>();
            const send = () => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              const batch = jobs.slice(next, next + BATCH).map((j, k) => ({ job: j, i: next + k }));
              next += batch.length;
              const contexts: [number, GroupContext][] = [];
              const transfer: ArrayBuffer[] = [];
              const request: WorkerRequest = {
                contexts,
                jobs: batch.map(({ job, i }) => {
                  const ctx = ctxIds.get(job.ctx) as number;
                  if (!sent.has(ctx)) {
                    sent.add(ctx);
                    contexts.push([ctx, job.ctx]);
                  }
                  const bytes = new Uint8Array(job.bytes); // a copy of its own, so it can be moved
                  job.bytes = NO_BYTES;
                  transfer.push(bytes.buffer);
                  return { i, rel: job.rel, bytes, ctx };
                }),
              };
              worker.postMessage(request, transfer);
            };
            worker.on('message', (reply: WorkerReply) => {
              for (const r of reply.results) results[r.i] = r.result;
              done += reply.results.length;
              onProgress?.(done, jobs.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a check worker stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
