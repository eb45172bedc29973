import { Writable } from 'node:stream';
import { createLogger } from '@promptops/config';
import { describe, expect, it } from 'vitest';
import { startPeriodic } from './periodic-task';

function capturingLogger() {
  const lines: { msg: string; level: number }[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('startPeriodic', () => {
  it('runs one pass at a time, logs a failed pass and goes on, and waits for the pass under way when stopped', async () => {
    const { lines, logger } = capturingLogger();
    let passes = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    let release: (() => void) | undefined;
    const task = startPeriodic(
      5,
      async () => {
        passes++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        if (passes === 1) {
          concurrent--;
          throw new Error('first pass fails');
        }
        // The second pass holds on until the test lets it go, across many ticks of the timer.
        if (passes === 2) await new Promise<void>((resolve) => (release = resolve));
        concurrent--;
      },
      { logger, name: 'test pass' },
    );
    await until(() => release !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(2);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release?.();
    await stopping;
    expect(maxConcurrent).toBe(1);
    expect(lines.filter((line) => line.msg === 'test pass failed')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(passes).toBe(2);
  });

  it('never runs with an interval of 0', async () => {
    const { logger } = capturingLogger();
    let passes = 0;
    const task = startPeriodic(0, async () => passes++, { logger, name: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await task.stop();
    expect(passes).toBe(0);
  });
});
