import { CheckCircle2, X, XCircle } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { cn } from '../../lib/cn';

interface ToastMessage {
  id: number;
  tone: 'success' | 'error';
  text: string;
}

// A tiny store outside React, so mutations anywhere (query callbacks included) can announce results.
let toasts: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

function dismiss(id: number) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

/** Shows a short message in the corner; errors stay longer than confirmations. */
export function toast(text: string, tone: ToastMessage['tone'] = 'success') {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { id, tone, text }];
  emit();
  setTimeout(() => dismiss(id), tone === 'error' ? 8000 : 4000);
}

export function Toaster() {
  const items = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
  return (
    <div className="pointer-events-none fixed bottom-4 right-4 z-[60] flex w-80 flex-col gap-2" aria-live="polite">
      {items.map((item) => (
        <div
          key={item.id}
          role={item.tone === 'error' ? 'alert' : 'status'}
          className={cn(
            'pointer-events-auto flex items-start gap-2 rounded-md border bg-white p-3 text-sm shadow-lg',
            item.tone === 'error' ? 'border-red-200' : 'border-emerald-200',
          )}
        >
          {item.tone === 'error' ? (
            <XCircle className="mt-0.5 size-4 shrink-0 text-red-600" />
          ) : (
            <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          )}
          <p className="min-w-0 flex-1 break-words">{item.text}</p>
          <button type="button" className="text-zinc-400 hover:text-zinc-700" onClick={() => dismiss(item.id)} aria-label="Dismiss">
            <X className="size-4" />
          </button>
        </div>
      ))}
    </div>
  );
}
