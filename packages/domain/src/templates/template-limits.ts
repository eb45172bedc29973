/**
 * Limits shared by the domain checks and the HTTP request schemas, so both reject the same input.
 * The name cap leaves room for the ` output` suffix of default schema names (column is 200).
 */
export const TEMPLATE_LIMITS = {
  nameMaxLength: 190,
  descriptionMaxLength: 10_000,
  promptMaxLength: 100_000,
  modelMaxLength: 200,
  providerMaxLength: 40,
  schemaNameMaxLength: 200,
  temperatureMin: 0,
  temperatureMax: 2,
  maxTokensMax: 1_000_000,
  maxValidationRetriesMax: 10,
  /** Real schemas nest a few dozen levels; far deeper JSON overflows the ORM's recursive copy. */
  schemaMaxDepth: 64,
  maxTagsPerTemplate: 20,
} as const;

/**
 * Categories and tags are short slugs: they go into URLs and filters as they are, and a closed
 * alphabet keeps "Chat", "chat " and "chat" from becoming three categories.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Providers every installation knows; custom OpenAI-compatible ones come from configuration. */
export const BUILTIN_PROVIDERS = ['openai', 'xai', 'auto', 'mock'] as const;

/**
 * `@` separates a name from a version number in refs (`name@3`) and `/` would break URL paths,
 * so neither may appear in a name; control characters are never intended.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
export const TEMPLATE_NAME_PATTERN = /^[^@/\u0000-\u001f\u007f]+$/;
