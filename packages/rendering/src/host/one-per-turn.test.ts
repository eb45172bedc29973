import { describe, expect, it } from 'vitest';
import { createOnePerTurn } from './one-per-turn';

/** Counts event-loop turns until stopped. */
function turnCounter(): { current: () => number; stop: () => void } {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { current: () => turns, stop: () => (running = false) };
}

describe('createOnePerTurn', () => {
  it('resumes waiters in call order, each in a turn of its own', async () => {
    const takeTurn = createOnePerTurn();
    const turns = turnCounter();
    const resumed: { index: number; turn: number }[] = [];
    await Promise.all([0, 1, 2, 3].map((index) => takeTurn().then(() => resumed.push({ index, turn: turns.current() }))));
    turns.stop();
    expect(resumed.map(({ index }) => index)).toEqual([0, 1, 2, 3]);
    expect(new Set(resumed.map(({ turn }) => turn)).size).toBe(4);
  });

  it('lets I/O that arrived meanwhile run between two waiters', async () => {
    const takeTurn = createOnePerTurn();
    const order: string[] = [];
    const first = takeTurn().then(() => {
      order.push('first');
      // Queued now, as a socket event would be: it must run before the second waiter.
      setTimeout(() => order.push('timer'), 0);
      const started = Date.now();
      while (Date.now() - started < 5) {
        // the timer is due by the time this turn ends
      }
    });
    const second = takeTurn().then(() => order.push('second'));
    await Promise.all([first, second]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(['first', 'timer', 'second']);
  });
});
