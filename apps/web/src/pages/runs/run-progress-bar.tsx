import { cn } from '../../lib/cn';
import { progressLabel, progressParts, type RunProgress } from './run-status';

/** Scored (green), failed (red), running (blue) and cancelled (amber) items as one bar, with a sentence. */
export function RunProgressBar({ progress, compact = false }: { progress: RunProgress; compact?: boolean }) {
  const parts = progressParts(progress);
  const label = progressLabel(progress);
  return (
    <div className={cn('flex min-w-32 flex-col gap-1', compact ? 'w-40' : 'w-full')}>
      <div
        className={cn('flex overflow-hidden rounded-full bg-zinc-100', compact ? 'h-1.5' : 'h-2.5')}
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={label}
      >
        <div className="bg-emerald-500 transition-[width]" style={{ width: `${parts.scored}%` }} />
        <div className="bg-red-500 transition-[width]" style={{ width: `${parts.failed}%` }} />
        <div className="animate-pulse bg-sky-400 transition-[width]" style={{ width: `${parts.running}%` }} />
        <div className="bg-amber-400 transition-[width]" style={{ width: `${parts.cancelled}%` }} />
      </div>
      <span className={cn('tabular-nums text-zinc-500', compact ? 'text-xs' : 'text-sm')}>{label}</span>
    </div>
  );
}
