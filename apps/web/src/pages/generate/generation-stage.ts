/** Where a generation stands, as the page tells it. */
export type GenerationStage = { kind: 'waiting'; message: string } | { kind: 'failed'; message: string } | { kind: 'drafted'; templateId: string };

interface GenerationExecution {
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  failure_kind: string | null;
  error_message: string | null;
  generated_template_id: string | null;
}

export function generationStage(execution: GenerationExecution | undefined): GenerationStage {
  if (!execution || execution.status === 'queued') return { kind: 'waiting', message: 'Queued: waiting for a worker…' };
  if (execution.status === 'running') return { kind: 'waiting', message: 'The model is writing the prompt…' };
  if (execution.status === 'succeeded') {
    return execution.generated_template_id
      ? { kind: 'drafted', templateId: execution.generated_template_id }
      : { kind: 'failed', message: 'The generation finished but saved no draft template.' };
  }
  if (execution.status === 'cancelled') return { kind: 'failed', message: execution.error_message ?? 'The generation was cancelled.' };
  const prefix = execution.failure_kind === 'validation' ? 'The model never produced a valid template' : 'The generation failed';
  return { kind: 'failed', message: execution.error_message ? `${prefix}: ${execution.error_message}` : `${prefix}.` };
}
