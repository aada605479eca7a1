// Groups built on worker threads. Parsing YAML is most of a cold merge and each group is built
// alone, so groups are dealt out as soon as they are read (to the worker with the fewest bytes
// still to do), and the main thread goes on reading while the workers parse.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { GroupOutput, PreviousPieces } from '../build/groupOutput.js';
import { chunksIn, runGroupJob, type ChunkMessage, type GroupBuilt, type GroupJob } from '../build/groupJob.js';
import { pathExists } from '../read/pathExists.js';

const WORKER = fileURLToPath(new URL('./groupWorker.js', import.meta.url));

export interface GroupReply {
  n: number;
  output: GroupOutput;
  chunks: ChunkMessage[];
  fresh: [number, string][];
}

/** Below this many files to check, starting workers costs more than it saves. */
export const MIN_PARALLEL_FILES = 400;

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The compiled worker exists (not when running from the TypeScript sources). */
export function groupWorkerAvailable(): boolean {
  return pathExists(WORKER);
}

export class GroupPool {
  private readonly workers: { worker: Worker; load: number }[];
  private readonly pending = new Map<
    number,
    { resolve: (b: GroupBuilt) => void; reject: (e: Error) => void; size: number; worker: number }
  >();
  private next = 0;

  constructor(threads: number) {
    // Loaded only when workers start: most merges after the first build a group or two here.
    const { Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    this.workers = Array.from({ length: threads }, (_, w) => {
      const worker: Worker = new WorkerThread(WORKER);
      worker.on('message', (reply: GroupReply) => this.done(reply));
      worker.on('error', (e) => this.fail(w, e));
      worker.on('exit', (code) => code !== 0 && this.fail(w, new Error(`a merge worker stopped with exit code ${code}`)));
      return { worker, load: 0 };
    });
  }

  /** Sends the group to the least loaded worker; its bytes are moved, not copied. */
  build(job: GroupJob): Promise<GroupBuilt> {
    const n = this.next++;
    const size = job.files.reduce((s, f) => s + (f.bytes?.length ?? 0) + 1, 0);
    let w = 0;
    for (let k = 1; k < this.workers.length; k++) if (this.workers[k]!.load < this.workers[w]!.load) w = k;
    const target = this.workers[w]!;
    target.load += size;
    const transfer: ArrayBuffer[] = [];
    const files = job.files.map((f) => {
      if (!f.bytes) return f;
      const bytes = new Uint8Array(f.bytes); // a copy of its own, so it can be moved
      transfer.push(bytes.buffer);
      return { rel: f.rel, bytes };
    });
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject, size, worker: w });
      target.worker.postMessage({ n, job: { ...job, files } }, transfer);
    });
  }

  private done(reply: GroupReply): void {
    const p = this.pending.get(reply.n);
    if (!p) return;
    this.pending.delete(reply.n);
    this.workers[p.worker]!.load -= p.size;
    p.resolve({ output: reply.output, chunks: chunksIn(reply.chunks), fresh: reply.fresh });
  }

  private fail(w: number, e: Error): void {
    for (const [n, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(n);
      p.reject(e);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

type Previous = () => PreviousPieces | undefined;

/** A group built on this thread, with its last chunks when there are some to reuse. */
function runHere(job: GroupJob, previous: Previous | undefined): GroupBuilt {
  const pieces = previous?.();
  return runGroupJob(pieces ? { ...job, previous: pieces } : job);
}

/**
 * Builds groups on this thread until enough files are known to need checking, then starts the
 * workers: the groups waiting so far go to them, and every later group as soon as it is read.
 */
export class GroupBuilder {
  private readonly parallel: boolean;
  private readonly waiting: { job: GroupJob; previous?: Previous; resolve: (b: GroupBuilt | Promise<GroupBuilt>) => void }[] = [];
  private files = 0;
  private pool: GroupPool | undefined;

  constructor(private readonly threads: number = defaultThreads()) {
    this.parallel = threads > 1 && groupWorkerAvailable();
  }

  /**
   * `previous` reads the group's last chunks, for a build on this thread only: they are views of
   * whole ledger files, which a message to a worker would copy whole.
   */
  build(job: GroupJob, previous?: Previous): Promise<GroupBuilt> {
    if (this.pool) return this.pool.build(job);
    if (!this.parallel) return Promise.resolve(runHere(job, previous));
    this.files += job.files.filter((f) => f.bytes).length;
    const later = new Promise<GroupBuilt>((resolve) => this.waiting.push({ job, ...(previous ? { previous } : {}), resolve }));
    if (this.files >= MIN_PARALLEL_FILES) {
      const pool = (this.pool = new GroupPool(this.threads));
      for (const w of this.waiting.splice(0)) w.resolve(pool.build(w.job));
    }
    return later;
  }

  /** Every group is read: those still waiting are built here (too few to start workers for). */
  flush(): void {
    for (const w of this.waiting.splice(0)) {
      try {
        w.resolve(runHere(w.job, w.previous));
      } catch (e) {
        w.resolve(Promise.reject(e));
      }
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
