import DataLoader from 'dataloader';

export interface GroupCommitOptions {
  /** Batches out at once; a batch due while this many are out waits and grows. Default 1. */
  inFlight?: number;
  /** The most keys one batch holds. Default 200. */
  maxBatch?: number;
}

const DEFAULTS: Required<GroupCommitOptions> = { inFlight: 1, maxBatch: 200 };

/**
 * Group commit: `run` is called with every key loaded while the previous batch was out, so one
 * statement (one round trip, one commit) serves many callers under load, and a caller alone still
 * goes out on the next turn of the event loop. Socket writes and commits, not CPU, were what a
 * submission or a finish cost most on a busy process (bench/README.md). `run` answers per key, in
 * order, a value or an Error that fails only that key's caller. A DataLoader without its cache:
 * every load is its own request, even for an equal key.
 */
export function groupCommit<K, V>(run: (keys: readonly K[]) => Promise<readonly (V | Error)[]>, options: GroupCommitOptions = {}): DataLoader<K, V> {
  const { inFlight: limit, maxBatch } = { ...DEFAULTS, ...options };
  let inFlight = 0;
  const due: (() => void)[] = [];
  const batch = async (keys: readonly K[]) => {
    inFlight++;
    try {
      return await run(keys);
    } finally {
      inFlight--;
      if (inFlight < limit) due.shift()?.();
    }
  };
  const schedule = (dispatch: () => void) => setImmediate(() => (inFlight < limit ? dispatch() : due.push(dispatch)));
  return new DataLoader(batch, { cache: false, maxBatchSize: maxBatch, batchScheduleFn: schedule });
}

/**
 * Runs `run` over the whole batch; when that fails, over each key alone, so a key the database
 * refuses fails only its own caller rather than its neighbours.
 */
export async function eachOnFailure<K, V>(keys: readonly K[], run: (keys: readonly K[]) => Promise<readonly V[]>): Promise<(V | Error)[]> {
  try {
    return [...(await run(keys))];
  } catch (error) {
    if (keys.length === 1) return [error instanceof Error ? error : new Error(String(error))];
    return Promise.all(keys.map(async (key) => (await eachOnFailure([key], run))[0] as V | Error));
  }
}

/**
 * eachOnFailure for every group of keys apart (groups run at once, each in its own statement),
 * answered in the keys' order: for batches that must not mix, say, two workers' rows.
 */
export async function eachGroupOnFailure<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => string,
  run: (keys: readonly K[]) => Promise<readonly V[]>,
): Promise<(V | Error)[]> {
  const groups = groupBy(keys, groupOf);
  const outcomes = new Map<K, V | Error>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const answers = await eachOnFailure(group, run);
      for (const [index, key] of group.entries()) outcomes.set(key, answers[index] as V | Error);
    }),
  );
  return keys.map((key) => outcomes.get(key) as V | Error);
}

/** `items` by `keyOf`, each group in the items' order: the statements a batch splits into. */
export function groupBy<T, G>(items: readonly T[], keyOf: (item: T) => G): Map<G, T[]> {
  const groups = new Map<G, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
