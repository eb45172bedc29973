import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { until } from './until';

export interface PrivateRedis {
  url: string;
  /** Kills the server with SIGKILL and starts an empty one on the same port, like a restart that keeps nothing. */
  restartEmpty(client: Redis): Promise<void>;
  stop(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function spawnRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

/** A Redis of the test's own, keeping nothing on disk, so the test can restart it and lose every key. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let server = spawnRedis(port);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    url: `redis://127.0.0.1:${port}`,
    async restartEmpty(client) {
      server.kill('SIGKILL');
      await once(server, 'exit');
      server = spawnRedis(port);
      await until(async () => (await client.ping().catch(() => '')) === 'PONG', 10_000, 'redis to come back');
    },
    stop() {
      server.kill('SIGKILL');
    },
  };
}
