/**
 * Rejects when `promise` has not settled within `ms`. Redis commands wait through reconnects
 * (maxRetriesPerRequest: null), so anything answering an HTTP request must bound that wait.
 * Not AbortSignal.timeout: ioredis and BullMQ calls take no signal, so the wait is raced instead.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
