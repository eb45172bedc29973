import { describe, expect, it } from 'vitest';
import { eachGroupOnFailure, eachOnFailure, groupCommit } from './group-commit';

/** A batch function that records each batch and answers when the test releases it. */
function recorder() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const run = (keys: readonly number[]) => {
    batches.push([...keys]);
    return new Promise<number[]>((resolve) => releases.push(() => resolve(keys.map((key) => key * 10))));
  };
  const releaseNext = () => releases.shift()?.();
  return { batches, run, releaseNext };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('groupCommit', () => {
  it('sends a lone key on the next turn, and gathers every key loaded while that batch is out into the next one', async () => {
    const { batches, run, releaseNext } = recorder();
    const loader = groupCommit(run);
    const first = loader.load(1);
    await turn();
    expect(batches).toEqual([[1]]);

    const waiting = [2, 3].map((key) => loader.load(key));
    await turn();
    const later = [4, 5].map((key) => loader.load(key));
    await turn();
    // One batch out at a time: the keys loaded over two turns wait together.
    expect(batches).toEqual([[1]]);

    releaseNext();
    expect(await first).toBe(10);
    await turn();
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
    releaseNext();
    expect(await Promise.all([...waiting, ...later])).toEqual([20, 30, 40, 50]);
  });

  it('splits what waited into batches of at most maxBatch, and lets inFlight batches out at once', async () => {
    const { batches, run, releaseNext } = recorder();
    const loader = groupCommit(run, { maxBatch: 2, inFlight: 2 });
    const answers = Promise.all([1, 2, 3, 4, 5].map((key) => loader.load(key)));
    await turn();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    releaseNext();
    await turn();
    await turn();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    releaseNext();
    releaseNext();
    expect(await answers).toEqual([10, 20, 30, 40, 50]);
  });
});

describe('eachOnFailure', () => {
  it('fails only the key the batch function refuses, retrying the others alone', async () => {
    const calls: number[][] = [];
    const run = async (keys: readonly number[]) => {
      calls.push([...keys]);
      if (keys.includes(13)) throw new Error('13 refused');
      return keys.map((key) => key + 1);
    };
    const outcomes = await eachOnFailure([1, 13, 2], run);
    expect(outcomes.slice(0, 1)).toEqual([2]);
    expect(outcomes[1]).toBeInstanceOf(Error);
    expect((outcomes[1] as Error).message).toBe('13 refused');
    expect(outcomes[2]).toBe(3);
    expect(calls).toEqual([[1, 13, 2], [1], [13], [2]]);
  });

  it('passes on a failure that is not an Error as one', async () => {
    const [outcome] = await eachOnFailure([1], () => Promise.reject('plain string'));
    expect(outcome).toEqual(new Error('plain string'));
  });
});

describe('eachGroupOnFailure', () => {
  it("runs each group in a call of its own and answers in the keys' order", async () => {
    const calls: string[][] = [];
    const outcomes = await eachGroupOnFailure(
      ['a1', 'b1', 'a2', 'b2', 'bad'],
      (key) => key[0] as string,
      async (keys) => {
        calls.push([...keys]);
        if (keys.includes('bad')) throw new Error('bad refused');
        return keys.map((key) => key.toUpperCase());
      },
    );
    expect(outcomes.slice(0, 4)).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(outcomes[4]).toEqual(new Error('bad refused'));
    expect(calls).toEqual([['a1', 'a2'], ['b1', 'b2', 'bad'], ['b1'], ['b2'], ['bad']]);
  });
});
