import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLatestRequest, type Outcome } from './latest-request';

/** A request whose answer the test releases by hand, in any order. */
function controllableRequests() {
  const calls: { input: string; signal: AbortSignal; resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  const request = (input: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ input, signal, resolve, reject });
    });
  return { calls, request };
}

describe('createLatestRequest', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends once typing pauses, with only the last input of the burst', async () => {
    const { calls, request } = controllableRequests();
    const settled: Outcome<string, string>[] = [];
    const latest = createLatestRequest({ delayMs: 300, request, onSettled: (outcome) => settled.push(outcome) });
    latest.schedule('H');
    await vi.advanceTimersByTimeAsync(200);
    latest.schedule('Hi');
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.input)).toEqual(['Hi']);
    calls[0]?.resolve('rendered Hi');
    await vi.runAllTimersAsync();
    expect(settled).toEqual([{ ok: true, input: 'Hi', value: 'rendered Hi' }]);
  });

  it('aborts the request in flight when a newer one goes out, and drops its late answer', async () => {
    const { calls, request } = controllableRequests();
    const settled: Outcome<string, string>[] = [];
    const latest = createLatestRequest({ delayMs: 300, request, onSettled: (outcome) => settled.push(outcome) });
    latest.schedule('old');
    await vi.advanceTimersByTimeAsync(300);
    latest.schedule('new');
    await vi.advanceTimersByTimeAsync(300);
    const [older, newer] = calls;
    expect(older?.signal.aborted).toBe(true);
    expect(newer?.signal.aborted).toBe(false);
    // The newer answer arrives first; the old one (a server that ignored the abort) arrives later.
    newer?.resolve('rendered new');
    older?.resolve('rendered old');
    await vi.runAllTimersAsync();
    expect(settled).toEqual([{ ok: true, input: 'new', value: 'rendered new' }]);
  });

  it('reports errors of the latest request, and ignores the abort error of a superseded one', async () => {
    const { calls, request } = controllableRequests();
    const settled: Outcome<string, string>[] = [];
    const latest = createLatestRequest({ delayMs: 10, request, onSettled: (outcome) => settled.push(outcome) });
    latest.schedule('a');
    await vi.advanceTimersByTimeAsync(10);
    latest.schedule('b');
    await vi.advanceTimersByTimeAsync(10);
    calls[0]?.reject(new DOMException('aborted', 'AbortError'));
    calls[1]?.reject(new Error('422'));
    await vi.runAllTimersAsync();
    expect(settled).toEqual([{ ok: false, input: 'b', error: new Error('422') }]);
  });

  it('is busy from the first keystroke until the latest answer, and cancel stops everything', async () => {
    const { calls, request } = controllableRequests();
    const busy: boolean[] = [];
    const settled: unknown[] = [];
    const latest = createLatestRequest({ delayMs: 10, request, onSettled: (outcome) => settled.push(outcome), onBusyChange: (value) => busy.push(value) });
    latest.schedule('a');
    await vi.advanceTimersByTimeAsync(10);
    // A new keystroke while the first is in flight keeps it busy when the first answers.
    latest.schedule('b');
    calls[0]?.resolve('A');
    await vi.advanceTimersByTimeAsync(0);
    expect(busy).toEqual([true]);
    await vi.advanceTimersByTimeAsync(10);
    latest.cancel();
    expect(calls[1]?.signal.aborted).toBe(true);
    calls[1]?.resolve('B');
    await vi.runAllTimersAsync();
    expect(busy).toEqual([true, false]);
    expect(settled).toEqual([{ ok: true, input: 'a', value: 'A' }]);
  });
});
