import { loadConfig, createLogger, type AppConfig } from '@promptops/config';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import { createDomainServices, type DomainServices } from '@promptops/domain';
import { createPromptRenderer } from '@promptops/rendering';
import { JsonSchemaValidator } from '@promptops/schemas';
import { createApp } from '../app';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: DomainServices;
  db: TestDatabase;
  config: AppConfig;
  /** Sends a JSON request through the app in-process and parses the JSON answer. */
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** The API over its own fresh database, for tests that drive it with `app.request()`. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: db.databaseUrl, LOG_LEVEL: 'silent', ...env });
  const logger = createLogger({ level: config.logLevel });
  const renderer = createPromptRenderer({ timeoutMs: config.renderTimeoutMs });
  const validator = new JsonSchemaValidator();
  const services = createDomainServices({ orm: db.orm, renderer, validator, config, logger });
  const app = createApp({ config, logger, services });
  return {
    app,
    services,
    db,
    config,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const response = await app.request(path, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (e.g. the docs page); hand back the text.
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    },
    async close() {
      await renderer.close();
      await db.drop();
    },
  };
}
