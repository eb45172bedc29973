import { TEMPLATE_CATEGORIES, type TemplateCategory } from '@promptops/db';
import { InvalidRequestError, PromptRenderError } from '@promptops/errors';
import { checkTemplateSyntax } from '@promptops/rendering';
import { BUILTIN_PROVIDERS, TEMPLATE_LIMITS, TEMPLATE_NAME_PATTERN } from './template-limits';
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

export function assertValidCategory(category: string): asserts category is TemplateCategory {
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category)) {
    invalid('category', `must be one of ${TEMPLATE_CATEGORIES.join(', ')}`, { allowed: TEMPLATE_CATEGORIES });
  }
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
export function assertPromptSyntax(field: string, source: string): void {
  try {
    checkTemplateSyntax(source);
  } catch (error) {
    if (!(error instanceof PromptRenderError)) throw error;
    const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
    throw new PromptRenderError(`${field}: ${error.message}`, { field, ...details }, { cause: error });
  }
}

/** Every rule a version's content must satisfy before it is written. */
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
  assertPromptSyntax('system_prompt', content.system_prompt);
  assertPromptSyntax('user_prompt_template', content.user_prompt_template);
}
