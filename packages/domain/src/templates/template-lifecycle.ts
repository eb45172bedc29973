import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptTemplate } from '@promptops/db';
import { InvalidRequestError, PromptConflictError, PromptTemplateNotFoundError } from '@promptops/errors';
import { IMMUTABLE_FIELDS, METADATA_FIELDS } from './template-draft';
import { removeNameIfUnused, saveNameMetadata } from './template-names';
import { parseTemplateRef } from './template-ref';
import { findTemplate, requireLineageName, requireTemplate } from './template-resolver';
import type { DeletedVersion, DeleteOutcome, NameMetadata, TemplateUpdate } from './template-types';
import { assertValidCategory, assertValidDescription, assertValidTags, normaliseTags } from './template-validation';
import { lockName } from './template-versioning';

/** The version a metadata change answers with: the one the ref addresses, else the name's highest visible one. */
async function representative(em: EntityManager, ref: string, name: string): Promise<PromptTemplate> {
  const addressed = await findTemplate(em, ref);
  if (addressed) return addressed;
  const highest = await em.findOne(PromptTemplate, { name, deleted_at: null }, { orderBy: { version_number: 'desc' } });
  if (!highest) throw new PromptTemplateNotFoundError(ref);
  return highest;
}

function nameMetadataPatch(patch: TemplateUpdate): Partial<NameMetadata> {
  const changes: Partial<NameMetadata> = {};
  if (patch.description !== undefined) {
    assertValidDescription(patch.description);
    changes.description = patch.description;
  }
  if (patch.category !== undefined) {
    assertValidCategory(patch.category);
    changes.category = patch.category;
  }
  if (patch.tags !== undefined) {
    const tags = Array.isArray(patch.tags) ? normaliseTags(patch.tags) : patch.tags;
    assertValidTags(tags);
    changes.tags = tags;
  }
  return changes;
}

/**
 * Changes metadata only; content belongs to the version forever, so naming a content field is a
 * conflict. Description, category and tags belong to the name, so they change for every version
 * of it, whichever version the ref addresses; `is_active` changes the addressed version.
 */
export async function updateMetadata(em: EntityManager, ref: string, patch: TemplateUpdate): Promise<PromptTemplate> {
  const keys = Object.keys(patch).filter((key) => patch[key] !== undefined);
  const immutable = keys.filter((key) => IMMUTABLE_FIELDS.includes(key));
  if (immutable.length > 0) {
    throw new PromptConflictError(`Versions are immutable: ${immutable.join(', ')} cannot change; create a new version with POST /v1/templates/{id}/versions`, {
      fields: immutable,
      action: 'create_version',
    });
  }
  const unknown = keys.filter((key) => !METADATA_FIELDS.includes(key));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`Unknown or read-only fields: ${unknown.join(', ')}`, { fields: unknown, allowed: METADATA_FIELDS });
  }
  const changes = nameMetadataPatch(patch);
  // Activation needs a version; metadata alone also works on a name none of whose versions is active.
  const template = patch.is_active !== undefined ? await requireTemplate(em, ref) : null;
  const name = template?.name ?? (await requireLineageName(em, ref));
  // Serialised with new versions and deletions of the name, which write or remove the same row.
  await lockName(em, name);
  if (await saveNameMetadata(em, name, changes)) {
    // Every version shows the name's metadata, so every version was just updated as far as lists can tell.
    await em.nativeUpdate(PromptTemplate, { name }, { updated_at: new Date() });
  }
  if (template && patch.is_active !== undefined) {
    template.is_active = patch.is_active;
    await em.flush();
  }
  const answer = template ?? (await representative(em, ref, name));
  await em.refresh(answer);
  return answer;
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
  if (!target) throw new PromptTemplateNotFoundError(`${name}@${version}`);
  target.is_active = true;
  await em.flush();
  await em.nativeUpdate(
    PromptTemplate,
    { name, version_number: { $gt: version }, is_active: true, deleted_at: null },
    { is_active: false, updated_at: new Date() },
  );
  return target;
}

/** Version ids among `ids` that executions or evaluation runs refer to, in one round trip. */
async function versionsWithHistory(em: EntityManager, ids: string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await em
    .createQueryBuilder(PromptTemplate, 't')
    .select('t.id')
    .where({ id: { $in: ids } })
    .andWhere('(exists (select 1 from prompt_executions e where e.template_id = t.id) or exists (select 1 from evaluation_runs r where r.template_id = t.id))')
    .execute('all', false);
  return new Set(rows.map((row) => row.id));
}

/**
 * Deletes one version (`name@N` or an id) or, for a bare name, every visible version of it. Each
 * version that ran keeps its row (soft delete) because executions and evaluation runs reference it
 * and their history must stay readable; one that never ran is deleted with its schemas. The name's
 * own row goes once no version row is left. The answer says what the name resolves to afterwards.
 */
export async function deleteTemplate(em: EntityManager, ref: string): Promise<DeleteOutcome> {
  const wholeName = parseTemplateRef(ref).kind === 'name';
  const name = wholeName ? await requireLineageName(em, ref) : (await requireTemplate(em, ref)).name;
  await lockName(em, name);
  // Re-read under the name lock; row locks then conflict with the key-share lock an execution or
  // run insert takes on its template, so neither can appear between the check and the delete.
  const targets = wholeName
    ? await em.find(PromptTemplate, { name, deleted_at: null }, { orderBy: { version_number: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE })
    : [await requireTemplate(em, ref)];
  if (targets.length === 0) throw new PromptTemplateNotFoundError(ref);
  if (!wholeName) await em.lock(targets[0] as PromptTemplate, LockMode.PESSIMISTIC_WRITE);
  const kept = await versionsWithHistory(
    em,
    targets.map((template) => template.id),
  );
  const deletedAt = new Date();
  const versions: DeletedVersion[] = targets.map((template) => {
    const soft = kept.has(template.id);
    if (soft) em.assign(template, { deleted_at: deletedAt, is_active: false });
    else em.remove(template);
    return { id: template.id, version_number: template.version_number, deleted: soft ? 'soft' : 'hard' };
  });
  await em.flush();
  await removeNameIfUnused(em, name);
  const resolved = await findTemplate(em, name);
  return {
    name,
    deleted: versions.some((version) => version.deleted === 'soft') ? 'soft' : 'hard',
    versions,
    resolves_to: resolved ? { id: resolved.id, version_number: resolved.version_number } : null,
  };
}
