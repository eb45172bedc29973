import { z } from '@hono/zod-openapi';
import { SCHEMA_TYPES, TEMPLATE_CATEGORIES } from '@promptops/db';
import { IMMUTABLE_FIELDS, SLUG_PATTERN, TEMPLATE_LIMITS } from '@promptops/domain';
import { JsonObjectSchema, JsonSchemaObject, PromptSchemaSchema, TemplateSchema } from '@promptops/validators';

export const TEMPLATE_TAGS = ['Templates'];
export const SCHEMA_TAGS = ['Schemas'];

export const RefParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(TEMPLATE_LIMITS.nameMaxLength + 12)
    .openapi({
      param: { name: 'id', in: 'path' },
      description: 'Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names',
      example: 'Chat%20Assistant@2',
    }),
});

const SLUG_RULE = 'lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters';

export const category = z
  .string()
  .regex(SLUG_PATTERN, `must be a short slug: ${SLUG_RULE}`)
  .openapi({
    description: `A short slug (${SLUG_RULE}); shared by every version of the name. Suggested: ${TEMPLATE_CATEGORIES.join(', ')}`,
    example: 'chat',
  });

export const tag = z.string().regex(SLUG_PATTERN, `must be a short slug: ${SLUG_RULE}`).openapi({ example: 'support' });

const tags = z
  .array(tag)
  .max(TEMPLATE_LIMITS.maxTagsPerTemplate)
  .openapi({ description: `Free tags (short slugs, at most ${TEMPLATE_LIMITS.maxTagsPerTemplate}, duplicates dropped); shared by every version of the name` });

/** Fields shared by create, new-version and duplicate bodies; each is optional here. */
const versionFields = {
  description: z.string().max(TEMPLATE_LIMITS.descriptionMaxLength).openapi({ description: 'Shared by every version of the name' }),
  category,
  tags,
  is_active: z.boolean(),
  system_prompt: z.string().max(TEMPLATE_LIMITS.promptMaxLength),
  user_prompt_template: z.string().min(1).max(TEMPLATE_LIMITS.promptMaxLength),
  model: z.string().max(TEMPLATE_LIMITS.modelMaxLength),
  provider: z
    .string()
    .min(1)
    .max(TEMPLATE_LIMITS.providerMaxLength)
    .openapi({ description: 'openai, xai, auto, mock or a configured custom provider', example: 'auto' }),
  temperature: z.number().min(TEMPLATE_LIMITS.temperatureMin).max(TEMPLATE_LIMITS.temperatureMax),
  max_tokens: z.number().int().min(1).max(TEMPLATE_LIMITS.maxTokensMax).nullable(),
  max_validation_retries: z.number().int().min(0).max(TEMPLATE_LIMITS.maxValidationRetriesMax),
  input_schema: JsonSchemaObject.nullable().openapi({ description: 'Object sets the schema; null removes it' }),
  output_schema: JsonSchemaObject.nullable().openapi({ description: 'Object sets the schema; null removes it' }),
};

const templateName = z.string().min(1).max(TEMPLATE_LIMITS.nameMaxLength).openapi({ example: 'Support Reply' });

const optionalVersionFields = z.strictObject(versionFields).partial();

export const CreateTemplateBodySchema = optionalVersionFields
  .extend({ name: templateName, user_prompt_template: versionFields.user_prompt_template })
  .openapi('CreateTemplate');

export const NewVersionBodySchema = optionalVersionFields.openapi('NewTemplateVersion');

export const DuplicateBodySchema = optionalVersionFields.extend({ name: templateName }).openapi('DuplicateTemplate');

/** Content fields are accepted by the parser only so the service can answer 409 "create a new version". */
export const UpdateTemplateBodySchema = z
  .strictObject({
    description: versionFields.description.optional(),
    category: category.optional(),
    tags: tags.optional(),
    is_active: z.boolean().optional().openapi({ description: 'Activates or deactivates the version the ref addresses' }),
    ...Object.fromEntries(IMMUTABLE_FIELDS.map((field) => [field, z.unknown().optional().openapi({ description: 'Immutable: 409' })])),
  })
  .openapi('UpdateTemplate');

export const RollbackBodySchema = z
  .strictObject({ version: z.number().int().min(1).max(999_999_999).openapi({ description: 'Version number to make the resolved one' }) })
  .openapi('RollbackTemplate');

export const RenderBodySchema = z.strictObject({ context: JsonObjectSchema.default({}) }).openapi('RenderTemplate');

export const DiffQuerySchema = z.strictObject({
  against: z
    .string()
    .min(1)
    .max(TEMPLATE_LIMITS.nameMaxLength + 12)
    .openapi({ description: 'Base to compare with: a version number of the same name, an id, a name or `name@N`' }),
});

export const TemplateListSchema = z.object({ items: z.array(TemplateSchema) }).openapi('TemplateVersionList');

export const TemplateVariablesSchema = z
  .object({
    variables: z.array(z.object({ path: z.string(), type_hint: z.string().openapi({ example: 'string' }), optional: z.boolean() })),
    suggested_input_schema: JsonSchemaObject,
  })
  .openapi('TemplateVariables');

export const RenderedPromptsSchema = z.object({ system_prompt: z.string(), user_prompt: z.string() }).openapi('RenderedPrompts');

export const DraftPreviewBodySchema = z
  .strictObject({
    system_prompt: versionFields.system_prompt.optional().openapi({ description: 'Unsaved system prompt (Jinja2); default empty' }),
    user_prompt_template: z
      .string()
      .max(TEMPLATE_LIMITS.promptMaxLength)
      .openapi({ description: 'Unsaved user prompt template (Jinja2)', example: 'Hello {{ user.name }}' }),
    context: JsonObjectSchema.default({}).openapi({ description: 'Variables to render with; default {}' }),
    input_schema: JsonSchemaObject.nullable()
      .optional()
      .openapi({ description: 'Unsaved input schema; when an object, it must be valid and the context must satisfy it' }),
  })
  .openapi('TemplateDraftPreviewRequest');

export const DraftPreviewSchema = RenderedPromptsSchema.extend(TemplateVariablesSchema.shape).openapi('TemplateDraftPreview');

/** How 422 render errors of the preview routes place themselves, for editors to highlight. */
export const RENDER_ERROR_DETAILS =
  'A render or syntax error answers 422 `render_error` with `details.field` (`system_prompt` or `user_prompt_template`) ' +
  'and `details.line`/`details.column` (1-based; null when the renderer cannot place it, e.g. a timeout); a context ' +
  'failing the input schema answers 422 `validation_error` with `details.violations`.';

const schemaType = z.enum(SCHEMA_TYPES);
const schemaName = z.string().min(1).max(TEMPLATE_LIMITS.schemaNameMaxLength);

export const SchemaListSchema = z.object({ items: z.array(PromptSchemaSchema) }).openapi('PromptSchemaList');

export const AddSchemaBodySchema = z
  .strictObject({ schema_type: schemaType, schema_json: JsonSchemaObject, name: schemaName.optional() })
  .openapi('AddPromptSchema');

export const ReplaceSchemaBodySchema = z.strictObject({ schema_json: JsonSchemaObject, name: schemaName.optional() }).openapi('ReplacePromptSchema');

export const ValidateSchemaBodySchema = z.strictObject({ schema_json: z.unknown() }).openapi('ValidatePromptSchema');

export const SchemaValidResultSchema = z.object({ valid: z.literal(true) }).openapi('PromptSchemaValid');
