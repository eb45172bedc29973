import { createTestApp, type TestApp } from '@promptops/api/testing';
import type { DestinationStream } from '@promptops/config';
import { startFakeOpenAiServer } from '@promptops/providers/testing';
import { startWorkerRuntime, type WorkerRuntime, type WorkerRuntimeOptions } from '../worker-runtime';
import { FAST_RETRY, FAST_WORKER } from './fast-worker';

export { FAST_WORKER };

export type FakeServer = Awaited<ReturnType<typeof startFakeOpenAiServer>>;

export interface TestPipeline extends TestApp {
  fake: FakeServer;
  worker: WorkerRuntime | undefined;
  startWorker(options?: WorkerRuntimeOptions): WorkerRuntime;
  stopWorker(): Promise<void>;
  /** Submits over HTTP and waits for the terminal record. */
  execute(body: unknown, headers?: Record<string, string>): Promise<any>;
}

/**
 * API + worker over a private database and queue prefix, with the `fake` provider pointing at an
 * OpenAI-compatible server run by the test, so every call goes through the real `openai` SDK.
 * With `logDestination`, API and worker (which share the platform logger) log there at info level;
 * with `providerKey`, the `fake` provider sends that API key (read from FAKE_PROVIDER_API_KEY); each of
 * `moreProviders` (name and settings) is another provider answered by the same fake server.
 */
export async function startTestPipeline(
  env: Record<string, string> = {},
  options: { worker?: boolean; logDestination?: DestinationStream; providerKey?: string; moreProviders?: Record<string, unknown>[] } = {},
): Promise<TestPipeline> {
  const fake = await startFakeOpenAiServer();
  const key = options.providerKey ? { api_key_env: 'FAKE_PROVIDER_API_KEY' } : {};
  const app = await createTestApp(
    {
      LLM_PROVIDERS: JSON.stringify([
        { name: 'fake', base_url: fake.url, supports_json_schema: true, default_model: 'gpt-4o-mini', ...key },
        ...(options.moreProviders ?? []).map((provider) => ({ base_url: fake.url, ...provider })),
      ]),
      ...(options.providerKey ? { FAKE_PROVIDER_API_KEY: options.providerKey } : {}),
      PROVIDER_TIMEOUT_MS: '1500',
      ...env,
    },
    { retry: FAST_RETRY, ...(options.logDestination ? { logDestination: options.logDestination } : {}) },
  );
  const pipeline: TestPipeline = {
    ...app,
    fake,
    worker: undefined,
    startWorker(workerOptions = FAST_WORKER) {
      pipeline.worker = startWorkerRuntime(app.platform, workerOptions);
      return pipeline.worker;
    },
    async stopWorker() {
      await pipeline.worker?.close();
      pipeline.worker = undefined;
    },
    async execute(body, headers) {
      const submitted = await app.call('POST', '/v1/executions?wait=20', body, headers);
      if (submitted.status >= 400) throw new Error(`submission failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      return submitted.status === 200 ? submitted.body : (await app.call('GET', `/v1/executions/${submitted.body.id}`)).body;
    },
    async close() {
      await pipeline.stopWorker();
      await app.close();
      await fake.close();
    },
  };
  if (options.worker !== false) pipeline.startWorker();
  return pipeline;
}
