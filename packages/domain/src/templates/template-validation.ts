import { InvalidRequestError, PromptRenderError } from '@promptops/errors';
import type { PromptRenderer } from '@promptops/rendering';
import { BUILTIN_PROVIDERS, SLUG_PATTERN, TEMPLATE_LIMITS, TEMPLATE_NAME_PATTERN } from './template-limits';
import { isUuid } from './template-ref';
import type { TemplateContent } from './template-types';

function invalid(field: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new InvalidRequestError(`${field} ${message}`, { field, ...extra });
}

function assertIntegerIn(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) invalid(field, `must be an integer from ${min} to ${max}`);
}

function assertMaxLength(field: string, value: string, max: number): void {
  if (value.length > max) invalid(field, `must be at most ${max} characters`);
}

export function assertValidName(name: string): void {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed !== name) invalid('name', 'must be non-empty without leading or trailing spaces');
  assertMaxLength('name', name, TEMPLATE_LIMITS.nameMaxLength);
  if (!TEMPLATE_NAME_PATTERN.test(name)) invalid('name', 'must not contain "@", "/" or control characters');
  // A uuid-shaped name could never be addressed: refs that look like uuids are read as ids.
  if (isUuid(name)) invalid('name', 'must not be a uuid');
}

const SLUG_RULE = 'lowercase letters, digits, "-" and "_", starting with a letter or digit, at most 40 characters';

export function assertValidCategory(category: unknown): asserts category is string {
  if (typeof category !== 'string' || !SLUG_PATTERN.test(category)) {
    invalid('category', `must be a short slug: ${SLUG_RULE}`, { pattern: SLUG_PATTERN.source });
  }
}

/** Tags are slugs like categories; duplicates are an input mistake, not a reason to refuse (see normaliseTags). */
export function assertValidTags(tags: unknown): asserts tags is string[] {
  if (!Array.isArray(tags)) invalid('tags', 'must be an array of strings');
  if (tags.length > TEMPLATE_LIMITS.maxTagsPerTemplate) invalid('tags', `must hold at most ${TEMPLATE_LIMITS.maxTagsPerTemplate} tags`);
  tags.forEach((tag, index) => {
    if (typeof tag !== 'string' || !SLUG_PATTERN.test(tag)) {
      invalid('tags', `must be short slugs: ${SLUG_RULE}; tags.${index} is ${JSON.stringify(tag)}`, { index, pattern: SLUG_PATTERN.source });
    }
  });
}

/** Tags in the order given, each once. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

export function assertValidDescription(description: string): void {
  assertMaxLength('description', description, TEMPLATE_LIMITS.descriptionMaxLength);
}

/** Built-in providers plus every custom provider configured on this installation. */
export function allowedProviders(customProviderNames: string[]): string[] {
  return [...new Set([...BUILTIN_PROVIDERS, ...customProviderNames])];
}

/** Nesting depth of a JSON value, measured without recursion so hostile input cannot overflow the stack. */
function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}

export function assertSchemaDepth(field: string, schema: unknown): void {
  if (jsonDepth(schema) > TEMPLATE_LIMITS.schemaMaxDepth) {
    invalid(field, `must not nest deeper than ${TEMPLATE_LIMITS.schemaMaxDepth} levels`);
  }
}

/** Compiles a prompt so syntax errors surface at save time, naming the field as well as line/col. */
async function assertPromptSyntax(field: string, source: string, renderer: PromptRenderer): Promise<void> {
  try {
    await renderer.checkSyntax(source);
  } catch (error) {
    if (!(error instanceof PromptRenderError)) throw error;
    const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
    throw new PromptRenderError(`${field}: ${error.message}`, { field, ...details }, { cause: error });
  }
}

/**
 * Both prompts parse, checked in the render pool (a 100 KB prompt takes long enough to parse that
 * the API's event loop must not); the system prompt's error wins when both fail.
 */
export async function assertContentSyntax(content: TemplateContent, renderer: PromptRenderer): Promise<void> {
  const [system, user] = await Promise.allSettled([
    assertPromptSyntax('system_prompt', content.system_prompt, renderer),
    assertPromptSyntax('user_prompt_template', content.user_prompt_template, renderer),
  ]);
  if (system.status === 'rejected') throw system.reason;
  if (user.status === 'rejected') throw user.reason;
}

/** Every rule a version's content must satisfy before it is written, but its syntax (assertContentSyntax). */
export function assertValidContent(content: TemplateContent, providers: string[]): void {
  assertMaxLength('system_prompt', content.system_prompt, TEMPLATE_LIMITS.promptMaxLength);
  assertMaxLength('user_prompt_template', content.user_prompt_template, TEMPLATE_LIMITS.promptMaxLength);
  if (content.user_prompt_template.trim() === '') invalid('user_prompt_template', 'must not be empty');
  assertMaxLength('model', content.model, TEMPLATE_LIMITS.modelMaxLength);
  if (!providers.includes(content.provider)) {
    invalid('provider', `must be one of ${providers.join(', ')}`, { allowed: providers });
  }
  const { temperatureMin, temperatureMax } = TEMPLATE_LIMITS;
  if (!Number.isFinite(content.temperature) || content.temperature < temperatureMin || content.temperature > temperatureMax) {
    invalid('temperature', `must be a number from ${temperatureMin} to ${temperatureMax}`);
  }
  if (content.max_tokens !== null) assertIntegerIn('max_tokens', content.max_tokens, 1, TEMPLATE_LIMITS.maxTokensMax);
  assertIntegerIn('max_validation_retries', content.max_validation_retries, 0, TEMPLATE_LIMITS.maxValidationRetriesMax);
}
