// A worker thread of checkPool: checks the record files it is sent and replies with the results.
import { parentPort } from 'node:worker_threads';
import type { GroupContext } from '../model.js';
import { checkFile } from './checkFile.js';
import type { WorkerReply, WorkerRequest } from './checkPool.js';

const contexts = new Map<number, GroupContext>();

parentPort?.on('message', (request: WorkerRequest) => {
  for (const [id, ctx] of request.contexts) contexts.set(id, ctx);
  const reply: WorkerReply = {
    results: request.jobs.map((j) => ({ i: j.i, result: checkFile(j.bytes, j.rel, contexts.get(j.ctx) as GroupContext) })),
  };
  parentPort?.postMessage(reply);
});
