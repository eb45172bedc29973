/**
 * The benchmark's clients, in a process of their own as real clients would be, so the process under
 * test does not also pay for producing its load. Driven over IPC by execution-throughput.ts: each
 * message asks for `count` submissions, `concurrency` at a time, and is answered with their latencies.
 */
import { Queue } from 'bullmq';
import { createRedisConnection } from '@promptops/queue';
import { runWithConcurrency } from './bench-support';
import { postJson } from './http-client';

/** Where submissions go: POST `body` (with `context.n` set to the submission's index) to `url`, or add no-op jobs to a queue. */
export type LoadTarget = { kind: 'http'; url: string; body: Record<string, unknown> } | { kind: 'bullmq'; redisUrl: string; prefix: string; queue: string };

export type LoadRequest = LoadTarget & { count: number; concurrency: number };

const queues = new Map<string, Queue>();

function queueFor(request: Extract<LoadRequest, { kind: 'bullmq' }>): Queue {
  const key = `${request.prefix}:${request.queue}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = new Queue(request.queue, { connection: createRedisConnection(request.redisUrl, 'bench-load'), prefix: request.prefix });
    queues.set(key, queue);
  }
  return queue;
}

async function produce(request: LoadRequest): Promise<number[]> {
  if (request.kind === 'bullmq') {
    const queue = queueFor(request);
    return runWithConcurrency(request.count, request.concurrency, async (i) => {
      await queue.add('noop', { i }, { removeOnComplete: true });
    });
  }
  return runWithConcurrency(request.count, request.concurrency, async (i) => {
    const response = await postJson(request.url, { ...request.body, context: { ...(request.body.context as object), n: i } });
    if (response.status !== 202) throw new Error(`submission answered ${response.status}: ${response.text}`);
  });
}

process.on('message', (request: LoadRequest) => {
  produce(request).then(
    (latencies) => process.send?.({ latencies }),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => {
  void Promise.all([...queues.values()].map((queue) => queue.close())).then(() => process.exit(0));
});
process.send?.({ ready: true });
