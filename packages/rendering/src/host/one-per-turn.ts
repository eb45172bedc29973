/**
 * Returns a function whose promises settle one per event-loop turn, in call order.
 *
 * Results of several worker tasks often arrive together, and each caller then does its
 * main-thread share (for the API: serialize and write an answer of hundreds of KB) before the
 * loop polls its sockets again, so a health probe waited for all of them at once. Resumed one per
 * turn, the loop polls for new requests between them; an idle loop turns at once.
 */
export function createOnePerTurn(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const resumeNext = () => {
    const resume = waiting.shift();
    // Scheduled while this check phase runs, the next one waits for the following turn.
    if (waiting.length > 0) setImmediate(resumeNext);
    else scheduled = false;
    resume?.();
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (scheduled) return;
      scheduled = true;
      setImmediate(resumeNext);
    });
}
