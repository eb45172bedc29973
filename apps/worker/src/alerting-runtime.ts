import { Worker, type WorkerOptions } from 'bullmq';
import type { Logger } from '@promptops/config';
import type { DomainServices } from '@promptops/domain';
import type { Telemetry } from '@promptops/telemetry';
import { timedProcessor } from './job-timing';
import { createWebhookProcessor } from './webhook-processor';

/** An evaluation this long after a job finishes, so a burst of finishes costs one pass. */
const DEBOUNCE_MS = 250;

export interface AlertingRuntime {
  worker: Worker;
  /** Asks for an evaluation soon (an execution just finished); calls within the debounce share one. */
  poke(): void;
  close(): Promise<void>;
}

/**
 * Evaluates budgets and alert rules every `intervalMs` and soon after executions finish, and
 * delivers alerts to webhooks. Every worker process runs one: the alerts' unique key makes the
 * evaluations safe to race, and BullMQ hands each delivery to one worker.
 */
export function startAlerting(
  services: Pick<DomainServices, 'alertEvaluator' | 'webhooks'>,
  options: { queueName: string; telemetry: Telemetry; logger: Logger; intervalMs: number; worker: WorkerOptions },
): AlertingRuntime {
  const worker = new Worker(options.queueName, timedProcessor(options.queueName, options.telemetry, createWebhookProcessor(services.webhooks)), options.worker);
  worker.on('error', (error) => options.logger.error({ err: error, queue: options.queueName }, 'worker error'));
  let running: Promise<unknown> = Promise.resolve();
  let again = false;
  let busy = false;
  let closed = false;
  const evaluate = () => {
    if (closed) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = services.alertEvaluator
      .evaluateOnce()
      .catch((error) => options.logger.warn({ err: error }, 'alert evaluation failed'))
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          evaluate();
        }
      });
  };
  let debounce: NodeJS.Timeout | undefined;
  const timer = options.intervalMs > 0 ? setInterval(evaluate, options.intervalMs) : undefined;
  timer?.unref();
  return {
    worker,
    poke() {
      // Not pushed back by later pokes: a steady stream of finishes still gets evaluated.
      if (debounce) return;
      debounce = setTimeout(() => {
        debounce = undefined;
        evaluate();
      }, DEBOUNCE_MS);
      debounce.unref();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(debounce);
      await worker.close();
      await running;
    },
  };
}
