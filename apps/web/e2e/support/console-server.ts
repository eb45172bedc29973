import { startApiServer, type RunningServer } from '@promptops/api';
import { seedIfEmpty } from '@promptops/domain';
import { startTestPipeline, type TestPipeline } from '@promptops/worker/testing';

export interface ConsoleServer {
  /** The console's origin, e.g. http://127.0.0.1:41234. */
  url: string;
  pipeline: TestPipeline;
  /** Creates an API key directly in the database and returns the secret, as `promptops keys create` does. */
  createKey(name: string, scopes: ('read' | 'write' | 'admin')[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The API (serving the built console), a worker and a fake OpenAI-compatible provider over a
 * private database and queue prefix, listening on a free loopback port: what `npm start` runs,
 * isolated per test file.
 */
export async function startConsoleServer(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<ConsoleServer> {
  const pipeline = await startTestPipeline(options.env);
  if (options.seed !== false) await seedIfEmpty(pipeline.services);
  let server: RunningServer;
  try {
    server = await startApiServer(pipeline.app, { host: '127.0.0.1', port: 0 });
  } catch (error) {
    await pipeline.close();
    throw error;
  }
  return {
    url: server.url,
    pipeline,
    async createKey(name, scopes) {
      return (await pipeline.services.apiKeys.create({ name, scopes })).key;
    },
    async close() {
      await server.close();
      await pipeline.close();
    },
  };
}
