import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { formatDateTime, formatDuration, formatNumber } from '../../lib/format';
import { cn } from '../../lib/cn';
import { type AttemptView, shapeAttempts, summariseAttempts } from './execution-attempts';
import type { Violation } from './schema-violations';

/** Where an output broke its schema, one line per violation. */
export function ViolationList({ violations, className }: { violations: readonly Violation[]; className?: string }) {
  return (
    <ul className={cn('space-y-0.5 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900', className)}>
      {violations.map((violation, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: violations have no identity; the list never reorders.
        <li key={index}>
          <code className="font-mono">{violation.path}</code> {violation.message}
        </li>
      ))}
    </ul>
  );
}

/** Each model call with its outcome, timing, tokens, and the errors that made the worker ask again. */
export function AttemptList({ attempts }: { attempts: readonly AttemptView[] }) {
  return (
    <ol className="divide-y divide-zinc-100">
      {attempts.map((attempt) => (
        <li key={attempt.number} className="px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="font-medium text-zinc-900">Attempt {attempt.number}</span>
            <Badge tone={attempt.tone}>{attempt.label}</Badge>
            <span className="text-xs text-zinc-500" title={attempt.startedAt ?? undefined}>
              {formatDateTime(attempt.startedAt)}
            </span>
            <span className="text-xs text-zinc-500">{formatDuration(attempt.durationMs)}</span>
            {attempt.promptTokens !== null || attempt.completionTokens !== null ? (
              <span className="text-xs text-zinc-500">
                {formatNumber(attempt.promptTokens)} prompt · {formatNumber(attempt.completionTokens)} completion tokens
              </span>
            ) : null}
          </div>
          {attempt.error ? <p className="mt-1.5 break-words text-sm text-red-700">{attempt.error}</p> : null}
          {attempt.violations.length > 0 ? <ViolationList violations={attempt.violations} className="mt-1.5" /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The attempts of an execution as a card, summed up in its header. */
export function ExecutionAttemptsCard({ log, live }: { log: unknown[]; live: boolean }) {
  const attempts = shapeAttempts(log);
  return (
    <Card>
      <CardHeader title="Attempts" description={live && attempts.length === 0 ? 'No attempt yet' : summariseAttempts(attempts)} />
      {attempts.length === 0 ? null : <AttemptList attempts={attempts} />}
    </Card>
  );
}
