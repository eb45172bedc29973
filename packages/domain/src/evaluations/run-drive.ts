import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { retryDelayMs, type RetryPolicy } from '@promptops/queue';
import type { DomainDeps } from '../domain-deps';
import type { ExecutionLifecycle } from '../executions/lifecycle';
import { advanceRun, beatRunHeart, releaseResults, type AdvanceRow } from './run-driver-sql';
import { runItem, type ClaimedItem, type FinishedItem, type ItemContext, type TakenRun } from './run-item';
import type { DriveContext, DriveOutcome } from './run-driver';
import type { ConfiguredScorer } from './scorers/score-item';

/**
 * PostgreSQL hiccups are waited out (8 tries, 8 to 16 s in all) before the drive gives the run back
 * to the queue; the delays come from the queues' backoff function, at a database's pace.
 */
const RECORDING_RETRY: RetryPolicy = { attempts: 8, backoff: { type: 'exponential', delay: 125, jitter: 0.5 } };

/**
 * The state of one drive; lives as long as the run's job is active in this worker. Items move
 * ready → executing → finished → recorded. At most `concurrency` execute at once; a few more are
 * claimed ahead (`ready`), so a freed slot starts its next item at once instead of after a round
 * trip, while the round trips record what finished and top the ready items up in the background.
 */
export class RunDrive {
  /** Claimed in PostgreSQL and not yet recorded: ready, executing, or finished. */
  private held = 0;
  private executing = 0;
  private readonly ready: ClaimedItem[] = [];
  private readonly finished: FinishedItem[] = [];
  private readonly claimAhead: number;
  /** The last claim found fewer pending items than it asked for: nothing is left to claim. */
  private exhausted = false;
  private cancelled = false;
  private failure: { error: unknown } | null = null;
  /** Stops items waiting to retry once the drive ends for any reason. */
  private readonly halt = new AbortController();
  private readonly item: ItemContext;
  private wake: (() => void) | null = null;
  /** Set by a timer, acted on by the loop: a heartbeat racing a recording could deadlock with it. */
  private beatDue = false;

  constructor(
    private readonly deps: DomainDeps,
    private readonly em: EntityManager,
    private readonly runId: string,
    private readonly run: TakenRun,
    /** The run's scorers, given the signal that ends the drive (a judge waiting to retry gives up on it). */
    scorers: (halted: AbortSignal) => ConfiguredScorer[],
    private readonly context: DriveContext,
    private readonly lifecycle: ExecutionLifecycle,
  ) {
    this.claimAhead = Math.ceil(run.concurrency / 4);
    const halted = AbortSignal.any([this.halt.signal, context.signal]);
    this.item = { runId, run, scorers: scorers(halted), runner: context.runner, halted, logger: deps.logger };
  }

  async toTheEnd(adopted: ClaimedItem[]): Promise<DriveOutcome> {
    const onAbort = () => this.notify();
    this.context.signal.addEventListener('abort', onAbort);
    const heartbeat = setInterval(() => {
      this.beatDue = true;
      this.notify();
    }, this.context.heartbeatMs);
    try {
      this.take(adopted);
      return await this.loop();
    } finally {
      clearInterval(heartbeat);
      this.context.signal.removeEventListener('abort', onAbort);
      this.halt.abort();
    }
  }

  private async loop(): Promise<DriveOutcome> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.beatDue) await this.beat();
      if (this.cancelled) return 'cancelled';
      const stopping = this.context.signal.aborted;
      const batch = this.finished.splice(0);
      const wanted = stopping || this.exhausted ? 0 : this.run.concurrency + this.claimAhead - (this.held - batch.length);
      if (batch.length === 0 && wanted <= 0) {
        if (this.executing === 0 && stopping) return this.handBack();
        if (this.held === 0) return 'finished';
        // Checked and armed in one synchronous step, so no finishing item can slip in between.
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const row = await this.advance(batch, Math.max(wanted, 0));
      this.held -= batch.length;
      for (const item of batch) this.deps.telemetry.executionFinished({ kind: 'template', status: item.status, failureKind: item.failure_kind });
      if (row.run?.status !== 'running') {
        this.cancelled = true;
        continue;
      }
      if (row.claimed.length < wanted) this.exhausted = true;
      this.take(row.claimed);
      this.context.onProgress?.({ done: row.run.scored_count + row.run.failed_count, total: row.run.total_count });
    }
  }

  private take(items: ClaimedItem[]): void {
    this.held += items.length;
    this.ready.push(...items);
    this.startReady();
  }

  private startReady(): void {
    while (this.executing < this.run.concurrency && !this.item.halted.aborted) {
      const item = this.ready.shift();
      if (!item) break;
      this.executing++;
      runItem(item, this.item).then(
        (finished) => {
          this.executing--;
          if (finished) this.finished.push(finished);
          else this.held--;
          this.startReady();
          this.notify();
        },
        (error: unknown) => {
          this.executing--;
          this.failure ??= { error };
          this.notify();
        },
      );
    }
  }

  /** One ADVANCE_SQL round trip, retried while PostgreSQL is briefly away; the batch is never lost meanwhile. */
  private async advance(batch: FinishedItem[], limit: number): Promise<AdvanceRow> {
    // Not p-retry: it cannot take BullMQ's backoff function (retryDelayMs), and every retry here must use that one policy.
    for (let attempt = 1; ; attempt++) {
      try {
        return await advanceRun(this.em, batch, this.context.workerId, this.runId, limit);
      } catch (error) {
        if (attempt >= RECORDING_RETRY.attempts) throw error;
        this.deps.logger.warn({ err: error, run_id: this.runId }, 'recording run items failed; retrying');
        await sleep(retryDelayMs(RECORDING_RETRY, attempt));
      }
    }
  }

  /**
   * The worker is stopping and everything that ran is recorded: items claimed ahead but never
   * started go back to pending (their execution rows never ran, so they go), and the run is
   * left for the next worker.
   */
  private async handBack(): Promise<DriveOutcome> {
    if (this.exhausted && this.held === 0) return 'finished';
    const ids = this.ready.splice(0).map((item) => item.execution_id);
    await this.em.transactional(async (tx) => {
      await releaseResults(tx, this.runId, ids);
      await this.lifecycle.withdraw(this.context.workerId, ids, tx);
    });
    return 'interrupted';
  }

  /** Keeps the run's heartbeat fresh while items are slow, and notices a cancellation between items. */
  private async beat(): Promise<void> {
    this.beatDue = false;
    try {
      if ((await beatRunHeart(this.em, this.runId)) !== 'running') {
        this.cancelled = true;
        this.notify();
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, run_id: this.runId }, 'run heartbeat failed');
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
