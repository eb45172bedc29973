import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import type { Redis } from 'ioredis';
import type { AppConfig, Logger } from '@promptops/config';
import type { Orm } from '@promptops/db';
import type { DomainServices } from '@promptops/domain';
import { PayloadTooLargeError } from '@promptops/errors';
import type { QueueSet } from '@promptops/queue';
import type { Telemetry } from '@promptops/telemetry';
import type { AppEnv } from './http/app-env';
import { bodySizeLimit } from './http/body-size-limit';
import { DependencyOutages } from './http/dependency-outages';
import { createErrorHandler, errorBody } from './http/error-handler';
import { ADMIN_LOGIN_PATH, adminSignIn, redirectBrowsersToSignIn } from './admin/admin-sign-in';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './admin/queue-dashboard';
import { DEFAULT_CONSOLE_DIR, consoleRoutes, isConsolePath } from './console';
import { consoleSignInCheck } from './console/sign-in-check';
import { DOCS_PATHS, apiReference } from './docs';
import { OPENAPI_PATH, serveOpenApiDocument } from './docs/openapi-document';
import { accessLog } from './middleware/access-log';
import { authentication } from './middleware/authentication';
import { authorization } from './middleware/authorization';
import { csrfProtection } from './middleware/csrf';
import { jsonLimits } from './middleware/json-limits';
import { rateLimit } from './middleware/rate-limit';
import { storableText } from './middleware/storable-text';
import { alertingRoutes } from './routes/alerting';
import { analyticsRoutes } from './routes/analytics';
import { datasetRoutes } from './routes/datasets';
import { executionRoutes } from './routes/executions';
import { generationRoutes } from './routes/executions/generation-route';
import { rerunRoutes } from './routes/executions/rerun-route';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { keyRoutes } from './routes/keys';
import { runRoutes } from './routes/runs';
import { SESSION_PATH, sessionRoutes } from './routes/session';
import { templateRoutes } from './routes/templates';

export interface ApiDependencies {
  config: AppConfig;
  logger: Logger;
  services: DomainServices;
  /** The database outage tracking listens to its queries. */
  orm: Orm;
  /** Served at /metrics. */
  telemetry: Telemetry;
  /** Shown on the queue dashboard. */
  queues: QueueSet;
  /** The queues' Redis connection; the request rate limit counts there so all processes share it. */
  redis: Redis;
  /**
   * Serve `app.request()` calls (no socket) while no API key exists, as if from loopback. Tests
   * only; a real server always has a socket and is judged by its address.
   */
  trustInProcess?: boolean;
  /** Absolute path of the web console's build; default apps/web/dist beside this package. */
  consoleDir?: string;
}

/**
 * Longest client-supplied X-Request-Id kept (the request_id columns hold 100 characters); a longer
 * one, or one with characters outside [A-Za-z0-9_=-], is replaced by a fresh UUID, so a header can
 * neither break an insert nor smuggle text into log lines.
 */
const MAX_REQUEST_ID_LENGTH = 100;

/**
 * Served without credentials: probes, the API description and reference, signing in (POST
 * /v1/session, and the old admin sign-in address, now a redirect), and the console's pages and
 * assets (the console signs in through the JSON API it calls).
 */
const PUBLIC_PATHS = new Set(['/healthz', '/readyz', OPENAPI_PATH, ...DOCS_PATHS, ADMIN_LOGIN_PATH]);
const isPublicPath = (path: string, method: string) => PUBLIC_PATHS.has(path) || (path === SESSION_PATH && method === 'POST') || isConsolePath(path);

/** Builds the whole HTTP API; no sockets are opened, so tests drive it with `app.request()`. */
export function createApp(deps: ApiDependencies): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const outages = new DependencyOutages(deps.logger);
  // A database outage ends at the first query that succeeds, whoever made it (a request, a probe).
  deps.orm.em
    .getConnection()
    .getKnex()
    .on('query-response', () => outages.recovered('database'));
  app.onError(createErrorHandler(deps.logger, outages));
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: MAX_REQUEST_ID_LENGTH }));
  app.use('*', accessLog({ logger: deps.logger }));
  app.use('/admin/*', redirectBrowsersToSignIn);
  app.use(
    '*',
    authentication({
      apiKeys: deps.services.apiKeys,
      sessions: deps.services.consoleSessions,
      isPublic: isPublicPath,
      metricsToken: deps.config.metricsToken,
      trustInProcess: deps.trustInProcess ?? false,
    }),
  );
  if (deps.config.rateLimitPerMinute > 0) {
    const limiter = rateLimit({ connection: deps.redis, keyPrefix: deps.config.queuePrefix, limitPerMinute: deps.config.rateLimitPerMinute, outages });
    // The limit guards the work behind the API. Probes poll often and must keep answering while a
    // client is throttled, and one console page load fetches a score of static files, which must
    // not eat the budget of the key that then calls the API.
    const limited = (path: string) => path.startsWith('/v1/') || path.startsWith('/admin/') || path === '/metrics';
    app.use('*', (c, next) => (limited(c.req.path) ? limiter(c, next) : next()));
  }
  app.use('*', csrfProtection({ trustProxy: deps.config.trustProxy }));
  app.use('*', authorization());
  const limitTo = (maxSize: number) =>
    bodySizeLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request: the
        // server closes it after answering, and the answer must say so rather than keep-alive.
        c.header('Connection', 'close');
        throw new PayloadTooLargeError(`Request body exceeds ${maxSize} bytes`, { limit_bytes: maxSize });
      },
    });
  const defaultLimit = limitTo(deps.config.maxBodyBytes);
  // Dataset imports carry many entries at once, so they get their own, larger cap. Every other path,
  // signing in included, gets the default one.
  const importLimit = limitTo(deps.config.maxImportBytes);
  app.use('*', (c, next) => (c.req.path.endsWith('/entries/import') ? importLimit : defaultLimit)(c, next));
  app.use('/v1/*', jsonLimits({ maxDepth: deps.config.maxJsonDepth, maxContextBytes: deps.config.maxContextBytes }));
  app.use('/v1/*', storableText());

  app.route('/', healthRoutes(deps));
  app.route('/', metricsRoutes(deps.telemetry));
  // Before templateRoutes, so `generate` is not taken for a template reference.
  app.route('/v1', generationRoutes(deps.services));
  app.route('/v1', templateRoutes(deps.services));
  app.route('/v1', executionRoutes(deps.services));
  app.route('/v1', rerunRoutes(deps.services));
  app.route('/v1', datasetRoutes(deps.services));
  app.route('/v1', runRoutes(deps.services));
  app.route('/v1', analyticsRoutes(deps.services));
  app.route('/v1', alertingRoutes(deps.services));
  app.route('/v1', keyRoutes(deps.services));
  app.route('/v1', sessionRoutes(deps.services, { trustProxy: deps.config.trustProxy }));

  app.route('/', adminSignIn());
  app.route(QUEUE_DASHBOARD_PATH, queueDashboard(deps.queues.all(), { connection: deps.redis, outages }));

  serveOpenApiDocument(app);
  app.route('/', apiReference());
  // Last: it answers only paths no route above took.
  const needsSignIn = consoleSignInCheck({ apiKeys: deps.services.apiKeys, sessions: deps.services.consoleSessions });
  app.route('/', consoleRoutes({ dir: deps.consoleDir ?? DEFAULT_CONSOLE_DIR, needsSignIn }));
  return app;
}
