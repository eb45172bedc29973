import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptSchema, PromptTemplate } from '@promptops/db';
import { NotFoundError } from '@promptops/errors';
import { loadVersion, type TemplateVersion } from './template-resolver';

/** A schema row whose version is visible (not deleted); schemas of deleted versions are gone for clients. */
export async function requireSchema(em: EntityManager, id: string): Promise<{ schema: PromptSchema; version: TemplateVersion }> {
  const schema = await em.findOne(PromptSchema, { id });
  const template = schema && (await em.findOne(PromptTemplate, { id: schema.template, deleted_at: null }));
  if (!schema || !template) throw new NotFoundError('schema', id);
  return { schema, version: await loadVersion(em, template) };
}
