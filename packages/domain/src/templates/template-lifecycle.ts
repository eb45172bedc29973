import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationRun, PromptExecution, PromptTemplate } from '@promptops/db';
import { InvalidRequestError, PromptConflictError, PromptTemplateNotFoundError } from '@promptops/errors';
import { IMMUTABLE_FIELDS, METADATA_FIELDS } from './template-draft';
import { requireLineageName, requireTemplate } from './template-resolver';
import type { DeleteOutcome, TemplateUpdate } from './template-types';
import { assertValidCategory, assertValidDescription } from './template-validation';
import { lockName } from './template-versioning';

/** Changes metadata only; content belongs to the version forever, so naming a content field is a conflict. */
export async function updateMetadata(em: EntityManager, ref: string, patch: TemplateUpdate): Promise<PromptTemplate> {
  const template = await requireTemplate(em, ref);
  const keys = Object.keys(patch).filter((key) => patch[key] !== undefined);
  const immutable = keys.filter((key) => IMMUTABLE_FIELDS.includes(key));
  if (immutable.length > 0) {
    throw new PromptConflictError(
      `Versions are immutable: ${immutable.join(', ')} cannot change; create a new version with POST /v1/templates/{id}/versions`,
      { fields: immutable, action: 'create_version' },
    );
  }
  const unknown = keys.filter((key) => !METADATA_FIELDS.includes(key));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`Unknown or read-only fields: ${unknown.join(', ')}`, { fields: unknown, allowed: METADATA_FIELDS });
  }
  if (patch.category !== undefined) assertValidCategory(patch.category);
  if (patch.description !== undefined) assertValidDescription(patch.description);
  em.assign(template, {
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.category !== undefined && { category: patch.category }),
    ...(patch.is_active !== undefined && { is_active: patch.is_active }),
  });
  await em.flush();
  return template;
}

export async function setActive(em: EntityManager, ref: string, isActive: boolean): Promise<PromptTemplate> {
  const template = await requireTemplate(em, ref);
  template.is_active = isActive;
  await em.flush();
  return template;
}

/**
 * Makes version `version` the one its name resolves to: activates it and deactivates every higher
 * version. Lower versions keep their state, so deactivating the rolled-back-to version later falls
 * back to the next lower active version, as it would without the rollback.
 */
export async function rollback(em: EntityManager, ref: string, version: number): Promise<PromptTemplate> {
  const name = await requireLineageName(em, ref);
  await lockName(em, name);
  const target = await em.findOne(PromptTemplate, { name, version_number: version, deleted_at: null });
  if (!target) throw new PromptTemplateNotFoundError(`Template "${name}@${version}" not found`, { ref: `${name}@${version}` });
  target.is_active = true;
  await em.flush();
  await em.nativeUpdate(
    PromptTemplate,
    { name, version_number: { $gt: version }, is_active: true, deleted_at: null },
    { is_active: false, updated_at: new Date() },
  );
  return target;
}

/**
 * Removes a version. A version that ran keeps its row (soft delete) because executions and
 * evaluation runs reference it and their history must stay readable; one that never ran is deleted
 * with its schemas.
 */
export async function deleteVersion(em: EntityManager, ref: string): Promise<DeleteOutcome> {
  const template = await requireTemplate(em, ref);
  // The row lock conflicts with the key-share lock an execution or run insert takes on its
  // template, so neither can appear between the counts and the delete.
  await em.lock(template, LockMode.PESSIMISTIC_WRITE);
  const executions = await em.count(PromptExecution, { template: template.id });
  const runs = executions > 0 ? 0 : await em.count(EvaluationRun, { template: template.id });
  if (executions > 0 || runs > 0) {
    em.assign(template, { deleted_at: new Date(), is_active: false });
    await em.flush();
    return { id: template.id, deleted: 'soft' };
  }
  em.remove(template);
  await em.flush();
  return { id: template.id, deleted: 'hard' };
}
