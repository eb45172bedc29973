import type { Context } from 'hono';
import { EXECUTIONS, type DomainServices, type ExecutionDto, type SubmitResult } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';

/** 202 with the new execution's id and state, and where to follow it. */
export function answerAccepted(c: Context<AppEnv>, execution: ExecutionDto) {
  c.header('Location', `/v1/executions/${execution.id}`);
  return c.json({ id: execution.id, status: execution.status }, 202);
}

/**
 * Answers a submission: 200 with the whole record when it finished within `wait` seconds, else 202
 * with its id. Shared by executions and prompt generation.
 */
export async function answerSubmission(c: Context<AppEnv>, services: DomainServices, submitted: SubmitResult, waitSeconds: number | undefined) {
  let execution: ExecutionDto = submitted.execution;
  if (waitSeconds && !EXECUTIONS.isTerminal(execution.status)) {
    execution = await services.executions.waitForCompletion(execution.id, waitSeconds * 1000);
  }
  if (submitted.replayed) c.header('Idempotent-Replayed', 'true');
  if (EXECUTIONS.isTerminal(execution.status) && (waitSeconds || submitted.replayed)) {
    c.header('Location', `/v1/executions/${execution.id}`);
    return c.json(execution, 200);
  }
  return answerAccepted(c, execution);
}
