import type { BadgeTone } from '../ui/badge';
import { parseViolations, type Violation } from './schema-violations';

/** One model call of an execution, read defensively from `attempt_log` (typed `unknown[]` by the API). */
export interface AttemptView {
  number: number;
  outcome: string;
  label: string;
  tone: BadgeTone;
  startedAt: string | null;
  durationMs: number | null;
  error: string | null;
  violations: Violation[];
  promptTokens: number | null;
  completionTokens: number | null;
}

const OUTCOMES: Record<string, { label: string; tone: BadgeTone }> = {
  succeeded: { label: 'Succeeded', tone: 'success' },
  invalid_output: { label: 'Invalid output', tone: 'warning' },
  provider_error: { label: 'Provider error', tone: 'danger' },
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The attempts in the order they were made. Entries written by older versions, or by hand, may lack
 * fields: what is missing shows as unknown instead of breaking the page.
 */
export function shapeAttempts(log: readonly unknown[] | null | undefined): AttemptView[] {
  return (log ?? []).map((entry, index) => {
    const item = isRecord(entry) ? entry : {};
    const outcome = text(item.outcome) ?? 'unknown';
    const known = OUTCOMES[outcome];
    return {
      number: count(item.attempt) ?? index + 1,
      outcome,
      label: known?.label ?? outcome.replaceAll('_', ' '),
      tone: known?.tone ?? 'neutral',
      startedAt: text(item.started_at),
      durationMs: count(item.duration_ms),
      error: text(item.error),
      violations: parseViolations(item.validation_errors),
      promptTokens: count(item.prompt_tokens),
      completionTokens: count(item.completion_tokens),
    };
  });
}

/** "2 attempts: 1 invalid output, 1 succeeded" — how the card's header sums them up. */
export function summariseAttempts(attempts: readonly AttemptView[]): string {
  if (attempts.length === 0) return 'No model call was made';
  const tally = new Map<string, number>();
  for (const attempt of attempts) tally.set(attempt.label, (tally.get(attempt.label) ?? 0) + 1);
  const parts = [...tally].map(([label, times]) => `${times} ${label.toLowerCase()}`);
  return `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
