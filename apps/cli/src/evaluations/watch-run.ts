import { Presets, SingleBar } from 'cli-progress';
import type { RunView } from '@promptops/domain';
import { ApiError, type ApiClient } from '../api-client';
import { estimateEta, isTerminal, PROGRESS_BAR_FORMAT, progressLine, progressPayload } from './eval-format';

/** Exit codes after an interrupt, as shells report a process killed by the signal. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type WatchSignal = keyof typeof SIGNAL_EXIT_CODES;

export interface WatchOptions {
  /** Poll period; default 500 ms. */
  intervalMs?: number;
  /** Where progress goes; default stderr, so stdout stays for the result. */
  stream?: NodeJS.WriteStream;
  /** Give up after polls have failed for this long in a row (server restarting, network blip); default 60 s. */
  outageBudgetMs?: number;
}

export interface WatchResult {
  /** The last state seen: terminal, or cancelled after an interrupt. */
  run: RunView;
  /** Set when SIGINT or SIGTERM stopped the wait and the run was cancelled. */
  signal: WatchSignal | null;
}

interface Display {
  update(run: RunView): void;
  note(text: string): void;
  stop(run: RunView): void;
  /** Restores the terminal if the wait ended by an error. */
  dispose(): void;
}

/** Tracks the finishing rate from when items started running, for the ETA. */
class EtaClock {
  private since: { at: number; done: number } | null = null;
  eta(run: RunView): number | null {
    const now = Date.now();
    if (!this.since && run.status !== 'queued') this.since = { at: now, done: run.progress.done };
    return this.since ? estimateEta(this.since, now, run.progress.done, run.progress.total) : null;
  }
}

/** A redrawn bar for terminals. */
class BarDisplay implements Display {
  private readonly bar: SingleBar;
  private readonly clock = new EtaClock();
  private started = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.bar = new SingleBar(
      { stream, format: PROGRESS_BAR_FORMAT, hideCursor: true, barsize: 24, clearOnComplete: false, gracefulExit: false },
      Presets.shades_classic,
    );
  }

  update(run: RunView): void {
    const payload = progressPayload(run, this.clock.eta(run));
    if (!this.started) {
      this.bar.start(run.progress.total, run.progress.done, payload);
      this.started = true;
      return;
    }
    this.bar.setTotal(run.progress.total);
    this.bar.update(run.progress.done, payload);
  }

  note(text: string): void {
    this.stream.write(`\r\x1b[K${text}\n`);
    if (this.started) this.bar.render();
  }

  stop(run: RunView): void {
    if (!this.started) return;
    this.update(run);
    this.bar.stop();
    this.started = false;
  }

  dispose(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}

/** Plain lines for logs (CI): on every status change, at most every 2 s while items finish, and every 15 s regardless. */
class LineDisplay implements Display {
  private readonly clock = new EtaClock();
  private readonly startedAt = Date.now();
  private lastAt = 0;
  private lastStatus = '';
  private lastKey = '';

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(run: RunView, force = false): void {
    const now = Date.now();
    const key = `${run.status}:${run.progress.done}:${run.progress.total}`;
    const eta = this.clock.eta(run);
    const due = force || run.status !== this.lastStatus || (key !== this.lastKey && now - this.lastAt >= 2000) || now - this.lastAt >= 15_000;
    if (!due || (force && key === this.lastKey)) return;
    this.stream.write(`${progressLine(run, now - this.startedAt, eta)}\n`);
    this.lastAt = now;
    this.lastStatus = run.status;
    this.lastKey = key;
  }

  note(text: string): void {
    this.stream.write(`${text}\n`);
  }

  stop(run: RunView): void {
    this.update(run, true);
  }

  dispose(): void {}
}

const sleep = (ms: number, wake: (resolve: () => void) => void) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Server errors and unreachable servers are worth retrying; a 4xx answer is not. */
const isTransient = (error: unknown) => !(error instanceof ApiError) || error.status >= 500 || error.status === 429;

async function cancelAfterSignal(client: ApiClient, run: RunView, display: Display): Promise<RunView> {
  display.note(`interrupted: cancelling run ${run.id} (press Ctrl-C again to exit without waiting)`);
  try {
    const cancelled = (await client.request<RunView>('POST', `/v1/runs/${run.id}/cancel`)).body;
    display.note(`run ${run.id} cancelled; ${cancelled.progress.done} of ${cancelled.progress.total} items had finished`);
    return cancelled;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const latest = (await client.request<RunView>('GET', `/v1/runs/${run.id}`)).body;
      display.note(`run ${run.id} was already ${latest.status}; nothing to cancel`);
      return latest;
    }
    display.note(`could not cancel run ${run.id}: ${(error as Error).message}; cancel it with POST /v1/runs/${run.id}/cancel`);
    return run;
  }
}

/**
 * Polls the run until it is terminal, showing progress on stderr (a bar on a terminal, lines
 * otherwise). SIGINT or SIGTERM cancels the run on the server and returns; a second one exits at once.
 */
export async function watchRun(client: ApiClient, first: RunView, options: WatchOptions = {}): Promise<WatchResult> {
  const stream = options.stream ?? process.stderr;
  const intervalMs = options.intervalMs ?? 500;
  const outageBudgetMs = options.outageBudgetMs ?? 60_000;
  const display: Display = stream.isTTY ? new BarDisplay(stream) : new LineDisplay(stream);
  // Assigned from the signal handler; the cast keeps TypeScript from narrowing it to null.
  let signal = null as WatchSignal | null;
  let wakeUp: (() => void) | undefined;
  const onSignal = (received: NodeJS.Signals) => {
    const name = received === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    if (signal) {
      display.dispose();
      display.note(`${name} again: exiting now; run ${first.id} may keep going on the server`);
      process.exit(SIGNAL_EXIT_CODES[name]);
    }
    signal = name;
    wakeUp?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let run = first;
  try {
    display.update(run);
    let failingSince: number | null = null;
    // Not p-retry: this is one poll loop that tolerates an outage for a time budget and wakes on a signal, not a retried call.
    while (!isTerminal(run) && !signal) {
      await sleep(intervalMs, (wake) => {
        wakeUp = wake;
      });
      if (signal) break;
      try {
        run = (await client.request<RunView>('GET', `/v1/runs/${run.id}`)).body;
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (failingSince === null) {
          failingSince = Date.now();
          display.note(`polling run ${run.id} failed (${(error as Error).message}); retrying for up to ${Math.round(outageBudgetMs / 1000)}s`);
        } else if (Date.now() - failingSince > outageBudgetMs) {
          throw error;
        }
        continue;
      }
      if (failingSince !== null) display.note('polling again');
      failingSince = null;
      display.update(run);
    }
    display.stop(run);
    if (signal) run = await cancelAfterSignal(client, run, display);
    return { run, signal };
  } finally {
    display.dispose();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
