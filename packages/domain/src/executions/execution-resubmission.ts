import type { PromptExecution } from '@promptops/db';
import { PromptConflictError } from '@promptops/errors';
import type { SubmitExecutionInput } from './execution-service';

/**
 * What to submit to run `original` again: the same template version and context, or the same raw
 * prompts and output schema, with the provider, model and sampling settings it ran with. An item
 * of an evaluation run belongs to its run, which re-runs its failed items itself.
 */
export function resubmission(original: PromptExecution): SubmitExecutionInput {
  if (original.run_id) {
    throw new PromptConflictError(`Execution ${original.id} is an item of evaluation run ${original.run_id}; re-run the run's failed items instead`, {
      id: original.id,
      run_id: original.run_id,
    });
  }
  const settings = {
    provider: original.provider,
    model: original.model,
    ...(original.temperature === null || original.temperature === undefined ? {} : { temperature: original.temperature }),
    ...(original.max_tokens === null || original.max_tokens === undefined ? {} : { max_tokens: original.max_tokens }),
  };
  if (original.kind === 'raw') {
    return {
      user_prompt: original.rendered_user_prompt ?? '',
      ...(original.rendered_system_prompt === null || original.rendered_system_prompt === undefined ? {} : { system_prompt: original.rendered_system_prompt }),
      ...(original.output_schema ? { output_schema: original.output_schema } : {}),
      max_validation_retries: original.max_validation_retries,
      ...settings,
    };
  }
  return { template: original.template ?? '', context: original.input_context, kind: original.kind, ...settings };
}
