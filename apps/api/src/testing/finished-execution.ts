import type { Orm } from '@promptops/db';

export interface FinishedExecution {
  provider?: string;
  /** The template version's id; none for a raw execution. */
  templateId?: string;
  promptTokens?: number;
  completionTokens?: number;
  costUsd?: number;
  status?: 'succeeded' | 'failed';
  executionTimeMs?: number;
  finishedAt?: Date;
}

/**
 * Records an execution that already finished, as the worker's finish would leave it, so spend and
 * failure rates can be set up without running providers; the rollup triggers count it as usual.
 */
export async function insertFinishedExecution(orm: Orm, execution: FinishedExecution = {}): Promise<void> {
  const finishedAt = execution.finishedAt ?? new Date();
  const prompt = execution.promptTokens ?? 100;
  const completion = execution.completionTokens ?? 20;
  await orm.em.getConnection().execute(
    `insert into prompt_executions (id, kind, template_id, input_context, provider, model, status, failure_kind, prompt_tokens, completion_tokens, total_tokens, cost_usd, execution_time_ms, executed_at, started_at, finished_at)
     values (?, ?, ?, '{}', ?, 'gpt-4o-mini', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      crypto.randomUUID(),
      execution.templateId ? 'template' : 'raw',
      execution.templateId ?? null,
      execution.provider ?? 'mock',
      execution.status ?? 'succeeded',
      execution.status === 'failed' ? 'provider' : null,
      prompt,
      completion,
      prompt + completion,
      execution.costUsd ?? 0.001,
      execution.executionTimeMs ?? 100,
      finishedAt,
      finishedAt,
      finishedAt,
    ],
  );
}
