import type { PromptTemplate } from '@promptops/db';
import type { RenderedPrompts, TemplateVariable } from '@promptops/rendering';
import type { JsonSchema } from '@promptops/schemas';
import type { PageRequest } from '../pagination';

/**
 * The fields that make up a version's content. They are written once, when the version is
 * created, and never change afterwards; changing any of them means creating a new version.
 */
export interface TemplateContent {
  system_prompt: string;
  user_prompt_template: string;
  model: string;
  provider: string;
  temperature: number;
  max_tokens: number | null;
  max_validation_retries: number;
}

/**
 * What belongs to a template name rather than to one version: every version shows it, a new
 * version inherits it, and changing it (PATCH, or a new version carrying it) changes it for all.
 */
export interface NameMetadata {
  description: string;
  /** A slug; TEMPLATE_CATEGORIES are suggestions, not a closed list. */
  category: string;
  /** Slugs, at most TEMPLATE_LIMITS.maxTagsPerTemplate, without duplicates. */
  tags: string[];
}

/** Metadata may change without creating a new version: the name's, and each version's activation. */
export interface TemplateMetadata extends NameMetadata {
  is_active: boolean;
}

/** Schemas given inline: an object sets the schema, null removes it, absent keeps the base's. */
export interface InlineSchemas {
  input_schema?: JsonSchema | null;
  output_schema?: JsonSchema | null;
}

export type CreateTemplateInput = Partial<TemplateContent> & Partial<TemplateMetadata> & InlineSchemas & { name: string; user_prompt_template: string };

/** Changes applied on top of the base version when deriving a new version. */
export type NewVersionInput = Partial<TemplateContent> & Partial<TemplateMetadata> & InlineSchemas;

/** A new lineage copied from an existing version, with optional changes. */
export type DuplicateInput = NewVersionInput & { name: string };

/** Fields a PATCH may carry; everything except metadata is rejected with a conflict. */
export type TemplateUpdate = Partial<TemplateMetadata> & Record<string, unknown>;

/** List orders: a field ascending, or descending with a leading `-`. */
export const TEMPLATE_SORTS = [
  'name',
  '-name',
  'updated_at',
  '-updated_at',
  'created_at',
  '-created_at',
  'usage_count',
  '-usage_count',
  'last_used_at',
  '-last_used_at',
] as const;
export type TemplateSort = (typeof TEMPLATE_SORTS)[number];

export interface ListTemplatesQuery extends Partial<PageRequest> {
  category?: string;
  /** Names carrying every one of these tags. */
  tags?: string[];
  is_active?: boolean;
  provider?: string;
  /** Exact name. */
  name?: string;
  /** Case-insensitive substring of name or description. */
  q?: string;
  /** Only the version each name resolves to. */
  latest_only?: boolean;
  /**
   * One row per name: the version it resolves to, else (no active version) its highest visible
   * one. The other filters apply to that row; `total` counts names.
   */
  per_name?: boolean;
  /** Default `name`; ties go to name, then the newest version; nulls last. */
  sort?: TemplateSort;
  /** Attach each row's execution counts over the last 24 hours (every version of the name with per_name). */
  include_stats?: boolean;
}

/** Unsaved editor text to render and analyse. */
export interface DraftPreviewInput {
  system_prompt?: string;
  user_prompt_template: string;
  context?: Record<string, unknown>;
  /** When given, the context must satisfy it (and it must be a valid JSON Schema). */
  input_schema?: JsonSchema | null;
}

export interface DraftPreview extends RenderedPrompts, TemplateVariables {}

/**
 * An answer already serialised as JSON, to be sent as it is: a large template's variables run to
 * hundreds of KB, which the API's thread should neither parse nor serialise again per request.
 */
export interface JsonText {
  json: string;
}

/** What other services (the execution pipeline, datasets) get when they look a template up. */
export interface ResolvedTemplate {
  template: PromptTemplate;
  input_schema: JsonSchema | null;
  output_schema: JsonSchema | null;
}

export type { RenderedPrompts, TemplateVariable };

export interface TemplateVariables {
  variables: TemplateVariable[];
  suggested_input_schema: JsonSchema;
}

export type { DeletedVersion, DeleteOutcome, FacetCount, TemplateFacets, TemplateListItem, TemplateStats } from '@promptops/validators';
