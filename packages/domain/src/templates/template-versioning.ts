import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptSchema, PromptTemplate, SCHEMA_TYPES } from '@promptops/db';
import { PromptConflictError } from '@promptops/errors';
import type { VersionDraft } from './template-draft';
import { saveNameMetadata } from './template-names';
import type { TemplateVersion } from './template-resolver';

/** Arbitrary class id for `pg_advisory_xact_lock(class, key)`, so name locks cannot collide with other lock users. */
const TEMPLATE_NAME_LOCK_CLASS = 7_301;

/**
 * Serialises every version-number allocation for one name until the transaction ends. Row locks
 * cannot do this: the row that would conflict (version N+1) does not exist yet.
 */
export async function lockName(em: EntityManager, name: string): Promise<void> {
  // Raw: a function call, not a query on an entity.
  await em.execute(`select pg_advisory_xact_lock(${TEMPLATE_NAME_LOCK_CLASS}, hashtext(?))`, [name]);
}

async function highestVersionNumber(em: EntityManager, name: string): Promise<number> {
  // Deleted versions count: their numbers stay taken so `name@N` never changes meaning.
  const highest = await em.findOne(PromptTemplate, { name }, { orderBy: { version_number: 'desc' }, fields: ['version_number'] });
  return highest?.version_number ?? 0;
}

/**
 * Inserts the draft as the next version of its name. `mode: 'lineage'` starts a name (create,
 * duplicate) and refuses names that already have visible versions; `'next'` appends to one. The
 * draft's description, category and tags become the name's, so every version shows them.
 * Must run inside a transaction: the advisory lock is released at commit.
 */
export async function insertVersion(em: EntityManager, draft: VersionDraft, mode: 'lineage' | 'next'): Promise<TemplateVersion> {
  await lockName(em, draft.name);
  if (mode === 'lineage' && (await em.count(PromptTemplate, { name: draft.name, deleted_at: null })) > 0) {
    throw new PromptConflictError(`A template named "${draft.name}" already exists; create a new version with POST /v1/templates/{id}/versions instead`, {
      name: draft.name,
      action: 'create_version',
    });
  }
  await saveNameMetadata(em, draft.name, { description: draft.description, category: draft.category, tags: draft.tags });
  const template = em.create(PromptTemplate, {
    // Assigned here rather than at flush because the schema rows below need it now.
    id: crypto.randomUUID(),
    name: draft.name,
    is_active: draft.is_active,
    ...draft.content,
    version_number: (await highestVersionNumber(em, draft.name)) + 1,
    parent_version: draft.parent_version,
    source_template_id: draft.source_template_id,
  });
  const schemas: TemplateVersion['schemas'] = {};
  for (const type of SCHEMA_TYPES) {
    const schema = draft.schemas[type];
    if (schema) schemas[type] = em.create(PromptSchema, { ...schema, schema_type: type, template: template.id });
  }
  await em.flush();
  return { template, schemas };
}
