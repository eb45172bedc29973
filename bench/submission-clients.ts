/**
 * The submission benchmark's clients, in a process of their own so the server pays only for serving.
 * Driven over IPC by submission.ts. Two shapes of load:
 *  - closed: `concurrency` clients each send their next submission when the previous one is answered
 *    (the sustained rate the server can take);
 *  - open: submissions start at a fixed offered rate whatever the answers do, and each latency is
 *    counted from when its submission was due, so a stalled server shows up in the percentiles
 *    instead of silently slowing the clients down (no coordinated omission).
 */
import { runWithConcurrency } from './bench-support';
import { postJson } from './http-client';

export type LoadShape = { shape: 'closed'; count: number; concurrency: number } | { shape: 'open'; rate: number; seconds: number };
export type SubmissionLoad = LoadShape & { url: string; body: Record<string, unknown> };

export interface SubmissionResult {
  /** Latency of each submission, ms. */
  latencies: number[];
  /** Wall time from the first submission due to the last answer, ms. */
  elapsedMs: number;
  /** Answers other than 202, by status. */
  refused: Record<string, number>;
}

async function submit(load: SubmissionLoad, n: number, refused: Record<string, number>): Promise<void> {
  const response = await postJson(load.url, { ...load.body, context: { ...(load.body.context as object), n } });
  if (response.status !== 202) refused[response.status] = (refused[response.status] ?? 0) + 1;
}

async function closed(load: Extract<SubmissionLoad, { shape: 'closed' }>): Promise<SubmissionResult> {
  const refused: Record<string, number> = {};
  const started = performance.now();
  const latencies = await runWithConcurrency(load.count, load.concurrency, (n) => submit(load, n, refused));
  return { latencies, elapsedMs: performance.now() - started, refused };
}

async function open(load: Extract<SubmissionLoad, { shape: 'open' }>): Promise<SubmissionResult> {
  const refused: Record<string, number> = {};
  const total = Math.round(load.rate * load.seconds);
  const intervalMs = 1000 / load.rate;
  const latencies: number[] = new Array(total);
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let next = 0;
  // Timers fire late on a busy machine: each tick starts every submission that is due by now.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && started + next * intervalMs <= now) {
        const n = next++;
        const due = started + n * intervalMs;
        inFlight.push(
          submit(load, n, refused).then(() => {
            latencies[n] = performance.now() - due;
          }),
        );
      }
      if (next < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  return { latencies, elapsedMs: performance.now() - started, refused };
}

process.on('message', (load: SubmissionLoad) => {
  (load.shape === 'closed' ? closed(load) : open(load)).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
