import { z } from 'zod';

/** One LLM endpoint the platform may call. Keys stay in memory only; they are never logged or stored. */
export interface ProviderSettings {
  /** Name templates use in `provider`: `openai`, `xai`, or a custom name such as `ollama`. */
  name: string;
  kind: 'openai' | 'xai' | 'openai_compatible';
  baseUrl: string | undefined;
  apiKey: string | undefined;
  /** Whether the endpoint honours `response_format: {type: 'json_schema'}`; otherwise JSON mode or instructions. */
  supportsJsonSchema: boolean;
  /** Whether the endpoint honours `response_format: {type: 'json_object'}`. */
  supportsJsonMode: boolean;
  /** Requests per minute across all workers; undefined means unlimited. */
  requestsPerMinute: number | undefined;
  defaultModel: string | undefined;
}

const customProviderSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, "_" or "-", starting with a letter')
      .refine((name) => !['openai', 'xai', 'auto', 'mock'].includes(name), 'is a reserved provider name'),
    base_url: z.url(),
    /** Name of the environment variable holding the key, so the key itself never sits in JSON config. */
    api_key_env: z.string().optional(),
    supports_json_schema: z.boolean().default(false),
    supports_json_mode: z.boolean().default(true),
    requests_per_minute: z.number().int().positive().optional(),
    default_model: z.string().optional(),
  })
  .strict();

export const customProvidersSchema = z.array(customProviderSchema);

type Env = Record<string, string | undefined>;

function positiveInt(env: Env, key: string): number | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${key} must be a positive integer, got "${raw}"`);
  return value;
}

/**
 * Builds the provider list from the environment: OpenAI and xAI when their keys are set, then the
 * OpenAI-compatible servers listed in LLM_PROVIDERS (JSON). Order matters: `auto` picks the first.
 */
export function parseProviderSettings(env: Env): ProviderSettings[] {
  const providers: ProviderSettings[] = [];
  if (env.OPENAI_API_KEY) {
    providers.push({
      name: 'openai',
      kind: 'openai',
      baseUrl: env.OPENAI_BASE_URL || undefined,
      apiKey: env.OPENAI_API_KEY,
      supportsJsonSchema: true,
      supportsJsonMode: true,
      requestsPerMinute: positiveInt(env, 'OPENAI_RPM'),
      defaultModel: env.OPENAI_DEFAULT_MODEL || undefined,
    });
  }
  if (env.XAI_API_KEY) {
    providers.push({
      name: 'xai',
      kind: 'xai',
      baseUrl: env.XAI_BASE_URL || 'https://api.x.ai/v1',
      apiKey: env.XAI_API_KEY,
      supportsJsonSchema: true,
      supportsJsonMode: true,
      requestsPerMinute: positiveInt(env, 'XAI_RPM'),
      defaultModel: env.XAI_DEFAULT_MODEL || undefined,
    });
  }
  if (env.LLM_PROVIDERS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.LLM_PROVIDERS);
    } catch {
      throw new Error('LLM_PROVIDERS must be a JSON array of {name, base_url, api_key_env?, ...}');
    }
    const result = customProvidersSchema.safeParse(parsed);
    if (!result.success) throw new Error(`LLM_PROVIDERS is invalid: ${z.prettifyError(result.error)}`);
    for (const custom of result.data) {
      if (providers.some((p) => p.name === custom.name)) throw new Error(`LLM_PROVIDERS names "${custom.name}" twice`);
      if (custom.api_key_env && !env[custom.api_key_env]) {
        throw new Error(`LLM_PROVIDERS "${custom.name}" reads its key from ${custom.api_key_env}, which is not set`);
      }
      providers.push({
        name: custom.name,
        kind: 'openai_compatible',
        baseUrl: custom.base_url,
        apiKey: custom.api_key_env ? env[custom.api_key_env] : undefined,
        supportsJsonSchema: custom.supports_json_schema,
        supportsJsonMode: custom.supports_json_mode,
        requestsPerMinute: custom.requests_per_minute,
        defaultModel: custom.default_model,
      });
    }
  }
  return providers;
}
