import type { Logger } from '@promptops/config';

export interface PeriodicTask {
  /** Stops the timer and waits for a pass already under way. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs` (never when 0), one pass at a time: a pass still running when the
 * next is due makes that one skip. A failed pass is logged at warn and the next one tries again.
 */
export function startPeriodic(intervalMs: number, task: () => Promise<unknown>, options: { logger: Logger; name: string }): PeriodicTask {
  let running: Promise<unknown> | undefined;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          if (running) return;
          running = task()
            .catch((error) => options.logger.warn({ err: error }, `${options.name} failed`))
            .finally(() => {
              running = undefined;
            });
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
