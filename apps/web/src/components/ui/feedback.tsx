import { AlertTriangle, Loader2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/api-error';
import { cn } from '../../lib/cn';

export function Spinner({ className, label = 'Loading…' }: { className?: string; label?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2 text-sm text-zinc-500', className)} role="status">
      <Loader2 className="size-4 animate-spin" />
      {label}
    </span>
  );
}

/** An API (or any) error as a readable box: the message, and the details the API gave when there are any. */
export function ErrorAlert({ error, title, className }: { error: unknown; title?: ReactNode; className?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError && error.details ? error.details : null;
  return (
    <div role="alert" className={cn('rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800', className)}>
      <div className="flex items-start gap-2">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" />
        <div className="min-w-0">
          {title ? <p className="font-medium">{title}</p> : null}
          <p className="break-words">{message}</p>
          {details ? <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap text-xs">{JSON.stringify(details, null, 2)}</pre> : null}
        </div>
      </div>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      <p className="text-sm font-medium text-zinc-800">{title}</p>
      {children ? <div className="max-w-md text-sm text-zinc-500">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
