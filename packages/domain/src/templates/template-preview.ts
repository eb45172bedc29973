import { PromptRenderError } from '@promptops/errors';
import type { PromptPair, PromptRenderer } from '@promptops/rendering';
import type { JsonSchema, JsonSchemaValidator } from '@promptops/schemas';
import { type TemplateVersion, toResolvedTemplate } from './template-resolver';
import type { DraftPreviewInput, JsonText, RenderedPrompts, TemplateVariables } from './template-types';
import { assertSchemaDepth } from './template-validation';

/**
 * Variables of both prompts, merged by path (see the renderer's analyse). Parsed in the render
 * pool: a large template takes long enough to parse that the API's event loop must not.
 */
export async function promptVariables(prompts: PromptPair, renderer: PromptRenderer): Promise<TemplateVariables> {
  const { variables, suggested_input_schema } = await renderer.analyse([prompts.system_prompt, prompts.user_prompt_template]);
  // The renderer's schema type is a narrow view of the same JSON; widen it to the generic shape.
  return { variables, suggested_input_schema: suggested_input_schema as JsonSchema };
}

/** The same as JSON text (see the renderer's analyseJson), for answers that pass it on as it is. */
export function promptVariablesJson(prompts: PromptPair, renderer: PromptRenderer): Promise<string> {
  return renderer.analyseJson([prompts.system_prompt, prompts.user_prompt_template]);
}

/**
 * One JSON object with `head`'s members, then those of `objectJson` (a JSON object's text), which
 * is spliced in rather than parsed: the variables of a large draft run to hundreds of KB.
 */
function withMembersOf(head: object, objectJson: string): string {
  const headJson = JSON.stringify(head);
  if (objectJson === '{}') return headJson;
  return headJson === '{}' ? objectJson : `${headJson.slice(0, -1)},${objectJson.slice(1)}`;
}

type PromptField = keyof PromptPair;

/**
 * The renderer's error, naming the prompt it came from; `line`/`column` (1-based) are always
 * present, null when the renderer could not place the error (a timeout, a crashed worker).
 */
function fieldError(field: PromptField, error: unknown): unknown {
  if (!(error instanceof PromptRenderError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  const position = (key: 'line' | 'column') => (typeof details[key] === 'number' ? details[key] : null);
  return new PromptRenderError(`${field}: ${error.message}`, { ...details, field, line: position('line'), column: position('column') }, { cause: error });
}

/**
 * Renders each prompt as its own task of the sandboxed render pool (time and size limits apply to
 * each), so a failure says which prompt failed; the system prompt's error wins when both fail.
 */
async function renderEachPrompt(renderer: PromptRenderer, prompts: PromptPair, context: Record<string, unknown>): Promise<RenderedPrompts> {
  const render = async (field: PromptField) => {
    // An empty system prompt (the common case) renders to itself without a thread hop.
    if (prompts[field] === '') return '';
    try {
      return await renderer.render(prompts[field], context);
    } catch (error) {
      throw fieldError(field, error);
    }
  };
  const [system, user] = await Promise.allSettled([render('system_prompt'), render('user_prompt_template')]);
  if (system.status === 'rejected') throw system.reason;
  if (user.status === 'rejected') throw user.reason;
  return { system_prompt: system.value, user_prompt: user.value };
}

/** Checks the context against the input schema first, so users see schema paths before render errors. */
export async function renderPreview(
  version: TemplateVersion,
  context: Record<string, unknown>,
  renderer: PromptRenderer,
  validator: JsonSchemaValidator,
): Promise<RenderedPrompts> {
  const { template, input_schema } = toResolvedTemplate(version);
  if (input_schema) validator.assertValid(input_schema, context, 'context');
  return renderEachPrompt(renderer, template, context);
}

/**
 * What the editor shows for unsaved text (a DraftPreview, as JSON): both prompts rendered as a
 * saved version would be, and the variables they use. The draft schema must itself be valid
 * before it may judge the context.
 */
export async function previewDraft(input: DraftPreviewInput, renderer: PromptRenderer, validator: JsonSchemaValidator): Promise<JsonText> {
  const context = input.context ?? {};
  const prompts = { system_prompt: input.system_prompt ?? '', user_prompt_template: input.user_prompt_template };
  if (input.input_schema) {
    assertSchemaDepth('input_schema', input.input_schema);
    validator.assertValidSchema(input.input_schema, 'input_schema');
    validator.assertValid(input.input_schema, context, 'context');
  }
  let rendered: RenderedPrompts;
  try {
    rendered = await renderEachPrompt(renderer, prompts, context);
  } catch (error) {
    throw await withDraftVariables(error, prompts, renderer);
  }
  return { json: withMembersOf(rendered, await promptVariablesJson(prompts, renderer)) };
}

/**
 * A draft that parses but does not render with this context (a variable the context lacks, say)
 * still tells the editor what it needs: the render error carries the variables and the suggested
 * input schema, so one request can fill a context. A draft that does not parse has none to give.
 */
async function withDraftVariables(error: unknown, prompts: PromptPair, renderer: PromptRenderer): Promise<unknown> {
  if (!(error instanceof PromptRenderError)) return error;
  const variables = await promptVariables(prompts, renderer).catch(() => null);
  if (!variables) return error;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new PromptRenderError(error.message, { ...details, ...variables }, { cause: error });
}
