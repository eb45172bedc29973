import type { EntityManager } from '@mikro-orm/postgresql';
import type { PromptSchema, PromptTemplate } from '@promptops/db';
import type { SchemaDto, TemplateDto } from '@promptops/validators';
import { defaultMetadata, loadNameMetadata } from './template-names';
import { loadSchemas, resolvedVersionNumbers, type TemplateVersion } from './template-resolver';
import type { NameMetadata } from './template-types';

export type { SchemaDto, TemplateDto };

function isoOrNull(date: Date | null | undefined): string | null {
  return date ? new Date(date).toISOString() : null;
}

export function toTemplateDto({ template, schemas }: TemplateVersion, metadata: NameMetadata, resolved: boolean): TemplateDto {
  return {
    id: template.id,
    name: template.name,
    category: metadata.category,
    description: metadata.description,
    tags: metadata.tags,
    system_prompt: template.system_prompt,
    user_prompt_template: template.user_prompt_template,
    model: template.model,
    provider: template.provider,
    temperature: template.temperature,
    max_tokens: template.max_tokens ?? null,
    max_validation_retries: template.max_validation_retries,
    version_number: template.version_number,
    parent_version: template.parent_version ?? null,
    source_template_id: template.source_template_id ?? null,
    is_active: template.is_active,
    resolved,
    usage_count: template.usage_count,
    last_used_at: isoOrNull(template.last_used_at),
    created_at: new Date(template.created_at).toISOString(),
    updated_at: new Date(template.updated_at).toISOString(),
    input_schema: schemas.input?.schema_json ?? null,
    output_schema: schemas.output?.schema_json ?? null,
  };
}

export function toSchemaDto(schema: PromptSchema): SchemaDto {
  return {
    id: schema.id,
    name: schema.name,
    schema_type: schema.schema_type,
    schema_json: schema.schema_json,
    template_id: schema.template,
    created_at: new Date(schema.created_at).toISOString(),
  };
}

/** DTOs for many versions with three extra queries in total (schemas, name metadata, resolution), whatever the count. */
export async function describeTemplates(em: EntityManager, templates: PromptTemplate[]): Promise<TemplateDto[]> {
  const schemas = await loadSchemas(
    em,
    templates.map((t) => t.id),
  );
  return describeVersions(
    em,
    templates.map((template) => ({ template, schemas: schemas.get(template.id) ?? {} })),
  );
}

/**
 * DTOs for versions loaded with their schemas: two queries (name metadata, resolution), or one when
 * the caller already knows each version is the one its name resolves to (it was found by name).
 */
export async function describeVersions(em: EntityManager, versions: TemplateVersion[], resolvedByName = false): Promise<TemplateDto[]> {
  // Sequential on purpose: inside a transaction they share one connection anyway.
  const names = versions.map(({ template }) => template.name);
  const metadata = await loadNameMetadata(em, names);
  const resolved = resolvedByName ? null : await resolvedVersionNumbers(em, names);
  return versions.map((version) =>
    toTemplateDto(
      version,
      // The foreign key guarantees a row for every version's name.
      metadata.get(version.template.name) ?? defaultMetadata(),
      resolved === null || resolved.get(version.template.name) === version.template.version_number,
    ),
  );
}

function only(dtos: TemplateDto[]): TemplateDto {
  const [dto] = dtos;
  if (!dto) throw new Error('describing one version returned nothing');
  return dto;
}

export async function describeTemplate(em: EntityManager, template: PromptTemplate): Promise<TemplateDto> {
  return only(await describeTemplates(em, [template]));
}

export async function describeVersion(em: EntityManager, version: TemplateVersion, resolvedByName = false): Promise<TemplateDto> {
  return only(await describeVersions(em, [version], resolvedByName));
}
