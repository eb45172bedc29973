export type Outcome<I, O> = { ok: true; input: I; value: O } | { ok: false; input: I; error: unknown };

export interface LatestRequestOptions<I, O> {
  /** Quiet time after the last `schedule` before the request goes out. */
  delayMs: number;
  request: (input: I, signal: AbortSignal) => Promise<O>;
  /** Called once per request that is still the latest when it settles; never for superseded ones. */
  onSettled: (outcome: Outcome<I, O>) => void;
  /** True from the first `schedule` of a burst until the latest request settles (or `cancel`). */
  onBusyChange?: (busy: boolean) => void;
}

export interface LatestRequest<I> {
  /** Asks for `input` to be requested once typing pauses; replaces any input still waiting. */
  schedule(input: I): void;
  /** Drops what is waiting and aborts what is in flight (unmount, or input that cannot be sent). */
  cancel(): void;
}

/**
 * Debounced requests where only the latest answer counts: a new request aborts the one in flight,
 * and an answer that arrives after a newer request started is dropped even if the server ignored
 * the abort, so a slow early answer can never overwrite a newer one.
 */
export function createLatestRequest<I, O>({ delayMs, request, onSettled, onBusyChange }: LatestRequestOptions<I, O>): LatestRequest<I> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: AbortController | null = null;
  let generation = 0;
  let busy = false;
  const setBusy = (next: boolean) => {
    if (busy !== next) {
      busy = next;
      onBusyChange?.(next);
    }
  };

  function send(input: I) {
    timer = null;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const mine = ++generation;
    const settle = (outcome: Outcome<I, O>) => {
      if (mine !== generation) return;
      inFlight = null;
      if (timer === null) setBusy(false);
      onSettled(outcome);
    };
    request(input, controller.signal).then(
      (value) => settle({ ok: true, input, value }),
      (error: unknown) => settle({ ok: false, input, error }),
    );
  }

  return {
    schedule(input) {
      if (timer !== null) clearTimeout(timer);
      setBusy(true);
      timer = setTimeout(() => send(input), delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      generation++;
      inFlight?.abort();
      inFlight = null;
      setBusy(false);
    },
  };
}
