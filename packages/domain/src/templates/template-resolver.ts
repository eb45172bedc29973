import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { PromptSchema, PromptTemplate, type SchemaType } from '@promptops/db';
import { PromptTemplateNotFoundError } from '@promptops/errors';
import { parseTemplateRef } from './template-ref';
import type { ResolvedTemplate } from './template-types';

/** One version with its schema rows; the unit most operations load and return. */
export interface TemplateVersion {
  template: PromptTemplate;
  schemas: Partial<Record<SchemaType, PromptSchema>>;
}

const VISIBLE = { deleted_at: null } as const;

/**
 * The version a ref addresses, or null. A bare name resolves to its highest active version;
 * an id or `name@N` addresses exactly one version, active or not. Deleted versions never match.
 */
export async function findTemplate(em: EntityManager, ref: string): Promise<PromptTemplate | null> {
  const parsed = parseTemplateRef(ref);
  if (parsed.kind === 'id') return em.findOne(PromptTemplate, { id: parsed.id, ...VISIBLE });
  if (parsed.kind === 'version') {
    return em.findOne(PromptTemplate, { name: parsed.name, version_number: parsed.version, ...VISIBLE });
  }
  return em.findOne(PromptTemplate, { name: parsed.name, is_active: true, ...VISIBLE }, { orderBy: { version_number: 'desc' } });
}

export async function requireTemplate(em: EntityManager, ref: string): Promise<PromptTemplate> {
  const template = await findTemplate(em, ref);
  if (template) return template;
  const parsed = parseTemplateRef(ref);
  if (parsed.kind === 'name' && (await countVisibleVersions(em, parsed.name)) > 0) {
    throw new PromptTemplateNotFoundError(ref, `Template "${ref}" has no active version; activate one or address it as "${ref}@<version>"`);
  }
  throw new PromptTemplateNotFoundError(ref);
}

/** The name a ref belongs to; unlike `requireTemplate`, a bare name matches even when no version is active. */
export async function requireLineageName(em: EntityManager, ref: string): Promise<string> {
  const parsed = parseTemplateRef(ref);
  if (parsed.kind === 'name' && (await countVisibleVersions(em, parsed.name)) > 0) return parsed.name;
  return (await requireTemplate(em, ref)).name;
}

function countVisibleVersions(em: EntityManager, name: string): Promise<number> {
  return em.count(PromptTemplate, { name, ...VISIBLE });
}

export async function loadSchemas(em: EntityManager, templateIds: string[]): Promise<Map<string, TemplateVersion['schemas']>> {
  const bySchema = new Map<string, TemplateVersion['schemas']>(templateIds.map((id) => [id, {}]));
  if (templateIds.length === 0) return bySchema;
  const rows = await em.find(PromptSchema, { template: { $in: templateIds } });
  for (const row of rows) {
    const schemas = bySchema.get(row.template);
    if (schemas) schemas[row.schema_type] = row;
  }
  return bySchema;
}

export async function loadVersion(em: EntityManager, template: PromptTemplate): Promise<TemplateVersion> {
  const schemas = await loadSchemas(em, [template.id]);
  return { template, schemas: schemas.get(template.id) ?? {} };
}

export async function requireVersion(em: EntityManager, ref: string): Promise<TemplateVersion> {
  const parsed = parseTemplateRef(ref);
  if (parsed.kind !== 'id') return loadVersion(em, await requireTemplate(em, ref));
  // An id names the version up front, so its schemas load alongside it: one round trip, not two.
  const [template, schemas] = await Promise.all([requireTemplate(em, ref), loadSchemas(em, [parsed.id])]);
  return { template, schemas: schemas.get(template.id) ?? {} };
}

export function toResolvedTemplate(version: TemplateVersion): ResolvedTemplate {
  return {
    template: version.template,
    input_schema: version.schemas.input?.schema_json ?? null,
    output_schema: version.schemas.output?.schema_json ?? null,
  };
}

/** For each name, the version number it currently resolves to (names with no active version are absent). */
export async function resolvedVersionNumbers(em: EntityManager, names: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows: { name: string; version_number: number }[] = await em
    .createQueryBuilder(PromptTemplate, 't')
    .select(['t.name', raw('max(t.version_number) as version_number')])
    .where({ name: { $in: unique }, is_active: true, deleted_at: null })
    .groupBy('t.name')
    .execute('all', false);
  return new Map(rows.map((row) => [row.name, Number(row.version_number)]));
}

/**
 * For each ref, the id of the version it addresses now (a name: its highest active version), in one
 * query; refs that address nothing are absent.
 */
export async function resolvedIdsByRef(em: EntityManager, refs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return new Map();
  const rows = unique.map((ref) => {
    const parsed = parseTemplateRef(ref);
    if (parsed.kind === 'id') return { ref, id: parsed.id, name: null, version: null };
    return { ref, id: null, name: parsed.name, version: parsed.kind === 'version' ? parsed.version : null };
  });
  // Raw: a lateral join over a JSON recordset, one query for every ref, which the QueryBuilder cannot express.
  const found = await em.execute<{ ref: string; id: string }[]>(
    `select r.ref, t.id from jsonb_to_recordset(?::jsonb) as r(ref text, id uuid, name text, version int)
       join lateral (
         select t.id from prompt_templates t
          where t.deleted_at is null
            and case when r.id is not null then t.id = r.id
                     when r.version is not null then t.name = r.name and t.version_number = r.version
                     else t.name = r.name and t.is_active end
          order by t.version_number desc limit 1) t on true`,
    [JSON.stringify(rows)],
  );
  return new Map(found.map((row) => [row.ref, row.id]));
}
