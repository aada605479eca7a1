// A worker thread of the merge: builds the groups it is sent and replies with their pieces.
import { parentPort } from 'node:worker_threads';
import { chunksOut, runGroupJob, type GroupJob } from '../build/groupJob.js';
import type { GroupReply } from './groupPool.js';

parentPort?.on('message', (request: { n: number; job: GroupJob }) => {
  const built = runGroupJob(request.job);
  const { list, transfer } = chunksOut(built.chunks);
  const reply: GroupReply = { n: request.n, output: built.output, chunks: list, fresh: built.fresh };
  parentPort?.postMessage(reply, transfer);
});
