import { z } from 'zod';
import { parseProviderSettings, type ProviderSettings } from './provider-settings';

const intFromEnv = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .default('postgresql://postgres@127.0.0.1:5432/promptops'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intFromEnv(3000, 0).pipe(z.number().max(65535)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only')
    .default('promptops'),
  WORKER_CONCURRENCY: intFromEnv(8),
  MAX_BODY_BYTES: intFromEnv(1_048_576),
  MAX_IMPORT_BYTES: intFromEnv(10_485_760),
  RENDER_TIMEOUT_MS: intFromEnv(1000),
  PROVIDER_TIMEOUT_MS: intFromEnv(60_000),
  MODEL_PRICES: z.string().optional(),
  MAX_JSON_DEPTH: intFromEnv(32),
  MAX_CONTEXT_BYTES: intFromEnv(262_144),
  RATE_LIMIT_PER_MINUTE: intFromEnv(600, 0),
  IDEMPOTENCY_TTL_HOURS: intFromEnv(24),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0'], 'must be true or false').default('false'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WORKER_METRICS_PORT: intFromEnv(0, 0).pipe(z.number().max(65535)),
  PROMPTOPS_COMMAND: z.string().trim().min(1).default('npx promptops'),
  WEBHOOK_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)')
    .optional(),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false', '1', '0'], 'must be true or false').default('false'),
  WEBHOOK_ALLOWED_CIDRS: z.string().optional(),
  WEBHOOK_TIMEOUT_MS: intFromEnv(10_000),
  ALERT_EVALUATION_INTERVAL_MS: intFromEnv(5000, 0),
});

export interface ModelPrice {
  /** USD per one million prompt tokens. */
  input: number;
  /** USD per one million completion tokens. */
  output: number;
}

export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  queuePrefix: string;
  workerConcurrency: number;
  maxBodyBytes: number;
  maxImportBytes: number;
  renderTimeoutMs: number;
  providerTimeoutMs: number;
  /** Deepest nesting of arrays/objects accepted in a JSON body. */
  maxJsonDepth: number;
  /** Largest serialised `context` / `input_data` value in a request. */
  maxContextBytes: number;
  /** Requests per minute per API key (or per client IP when no key is used); 0 disables the limit. */
  rateLimitPerMinute: number;
  /** How long an Idempotency-Key stays bound to what it created; afterwards it may be used afresh. */
  idempotencyTtlHours: number;
  /**
   * Believe X-Forwarded-Proto and X-Forwarded-Host, as set by a reverse proxy in front of the API,
   * when judging the request's own origin (session cookie `Secure` flag, CSRF origin check).
   */
  trustProxy: boolean;
  /** Bearer token Prometheus may use for /metrics instead of an admin API key. */
  metricsToken: string | undefined;
  /** Port for /metrics of a stand-alone `worker` process; 0 means none. */
  workerMetricsPort: number;
  /**
   * How an operator runs the `promptops` command where this server runs, so the commands the server
   * suggests (creating the first API key) work as printed: `npx promptops` in a checkout,
   * `docker compose run --rm api` under docker-compose.yml.
   */
  promptopsCommand: string;
  /**
   * Key (32 bytes) that encrypts webhook signing secrets at rest (AES-256-GCM). Unset: webhooks
   * cannot be created (409 not_configured) and existing ones are not delivered to.
   */
  webhookSecretKey: Buffer | undefined;
  /** Deliver to loopback and private addresses too (tests, a receiver on the same host). */
  webhookAllowPrivateTargets: boolean;
  /** CIDRs allowed as webhook targets even though private (e.g. `10.1.0.0/16`). */
  webhookAllowedCidrs: string[];
  /** Deadline of one webhook delivery attempt. */
  webhookTimeoutMs: number;
  /** How often each worker evaluates budgets and alert rules; 0 turns the periodic pass off. */
  alertEvaluationIntervalMs: number;
  /** Extra or overriding prices, keyed by model name; merged over the built-in table. */
  modelPrices: Record<string, ModelPrice>;
  providers: ProviderSettings[];
}

const modelPricesSchema = z.record(z.string(), z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict());

/** Raised once at start-up; its message lists every bad variable so the operator fixes them in one go. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseModelPrices(raw: string | undefined): Record<string, ModelPrice> {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('MODEL_PRICES must be JSON such as {"my-model": {"input": 0.5, "output": 1.5}} (USD per 1M tokens)');
  }
  const result = modelPricesSchema.safeParse(json);
  if (!result.success) throw new ConfigError(`MODEL_PRICES is invalid: ${z.prettifyError(result.error)}`);
  return result.data;
}

const CIDR = /^([0-9.]+|[0-9a-fA-F:.]+)\/\d{1,3}$/;

function parseCidrList(raw: string | undefined): string[] {
  const items = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const bad = items.filter((item) => !CIDR.test(item));
  if (bad.length > 0) throw new ConfigError(`WEBHOOK_ALLOWED_CIDRS: not CIDRs: ${bad.join(', ')} (e.g. 10.1.0.0/16,fd00::/8)`);
  return items;
}

/** Parses and validates the whole configuration. Call once at start-up and pass the result down. */
export function loadConfig(rawEnv: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "not set": compose files pass `${METRICS_TOKEN:-}` through unchanged.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  let providers: ProviderSettings[];
  try {
    providers = parseProviderSettings(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    queuePrefix: e.QUEUE_PREFIX,
    workerConcurrency: e.WORKER_CONCURRENCY,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    renderTimeoutMs: e.RENDER_TIMEOUT_MS,
    providerTimeoutMs: e.PROVIDER_TIMEOUT_MS,
    maxJsonDepth: e.MAX_JSON_DEPTH,
    maxContextBytes: e.MAX_CONTEXT_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    metricsToken: e.METRICS_TOKEN,
    workerMetricsPort: e.WORKER_METRICS_PORT,
    promptopsCommand: e.PROMPTOPS_COMMAND,
    modelPrices: parseModelPrices(e.MODEL_PRICES),
    webhookSecretKey: e.WEBHOOK_SECRET_KEY ? Buffer.from(e.WEBHOOK_SECRET_KEY, e.WEBHOOK_SECRET_KEY.length === 64 ? 'hex' : 'base64') : undefined,
    webhookAllowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true' || e.WEBHOOK_ALLOW_PRIVATE_TARGETS === '1',
    webhookAllowedCidrs: parseCidrList(e.WEBHOOK_ALLOWED_CIDRS),
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    alertEvaluationIntervalMs: e.ALERT_EVALUATION_INTERVAL_MS,
    providers,
  };
}
