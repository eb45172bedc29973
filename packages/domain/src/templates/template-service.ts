import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptTemplate, SCHEMA_TYPES, type SchemaType } from '@promptops/db';
import type { JsonSchema } from '@promptops/schemas';
import type { SchemaChangeResult } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import type { Page } from '../pagination';
import { diffVersions, type TemplateDiff } from './template-diff';
import { applyChanges, assertValidDraft, draftFromInput, draftFromVersion, renameDraft, setDraftSchema, type VersionDraft } from './template-draft';
import { describeTemplate, describeTemplates, describeVersion, type SchemaDto, type TemplateDto, toSchemaDto } from './template-dto';
import { deleteTemplate, rollback, setActive, updateMetadata } from './template-lifecycle';
import { listTemplates } from './template-listing';
import { nameMetadata, templateFacets } from './template-names';
import { previewDraft, promptVariablesJson, renderPreview } from './template-preview';
import { requireLineageName, requireTemplate, requireVersion, resolvedIdsByRef, type TemplateVersion, toResolvedTemplate } from './template-resolver';
import { parseTemplateRef } from './template-ref';
import { requireSchema } from './template-schema-lookup';
import type {
  CreateTemplateInput,
  DeleteOutcome,
  DraftPreviewInput,
  DuplicateInput,
  ListTemplatesQuery,
  NewVersionInput,
  RenderedPrompts,
  ResolvedTemplate,
  TemplateFacets,
  TemplateListItem,
  JsonText,
  TemplateUpdate,
} from './template-types';
import { allowedProviders, assertContentSyntax } from './template-validation';
import { TemplateVariablesCache } from './template-variables-cache';
import { insertVersion } from './template-versioning';

/** Variables kept per version, in characters of JSON (see TemplateVariablesCache). */
const VARIABLES_CACHE_CHARS = 16_000_000;

/** The part of DomainDeps templates need, so tests and tools can build the service without queues. */
export type TemplateDeps = Pick<DomainDeps, 'orm' | 'renderer' | 'validator' | 'config'>;

export type { SchemaChangeResult };

/**
 * Prompt templates with immutable versions. Refs are a version id, a name (its highest active
 * version) or `name@N` (exactly that version). Every method works on its own EntityManager fork;
 * multi-row writes run in one transaction.
 */
export class TemplateService {
  private readonly variablesByVersion = new TemplateVariablesCache(VARIABLES_CACHE_CHARS);

  constructor(private readonly deps: TemplateDeps) {}

  private read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return work(this.deps.orm.em.fork());
  }

  private write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.deps.orm.em.fork().transactional(work);
  }

  private async save(em: EntityManager, draft: VersionDraft, mode: 'lineage' | 'next'): Promise<TemplateVersion> {
    const providers = allowedProviders(this.deps.config.providers.map((provider) => provider.name));
    assertValidDraft(draft, this.deps.validator, providers);
    await assertContentSyntax(draft.content, this.deps.renderer);
    return insertVersion(em, draft, mode);
  }

  /** Version 1 of a new name; 409 when the name already has versions. */
  create(input: CreateTemplateInput): Promise<TemplateDto> {
    return this.write(async (em) => describeTemplate(em, (await this.save(em, draftFromInput(input), 'lineage')).template));
  }

  /**
   * Version N+1 of the base's name (N = the highest number ever used for it), copying the base's
   * content and schemas and applying `changes`; `parent_version` records the base.
   */
  createVersion(fromRef: string, changes: NewVersionInput): Promise<TemplateDto> {
    return this.deriveVersion(fromRef, (draft) => applyChanges(draft, changes)).then(({ template }) => template);
  }

  /** A new lineage (version 1 of `input.name`) copied from `ref`, remembering where it came from. */
  duplicate(ref: string, input: DuplicateInput): Promise<TemplateDto> {
    return this.write(async (em) => {
      const base = await requireVersion(em, ref);
      const draft = draftFromVersion(base, await nameMetadata(em, base.template.name));
      renameDraft(draft, input.name);
      Object.assign(draft, { parent_version: null, source_template_id: base.template.id });
      const { name: _name, ...changes } = input;
      applyChanges(draft, changes);
      return describeTemplate(em, (await this.save(em, draft, 'lineage')).template);
    });
  }

  /** For other services: the version a ref addresses with its schemas, or PromptTemplateNotFoundError. */
  resolve(ref: string): Promise<ResolvedTemplate> {
    return this.read(async (em) => toResolvedTemplate(await requireVersion(em, ref)));
  }

  /** For each ref, the id of the version it addresses now; refs that address nothing are absent. */
  resolvedIds(refs: readonly string[]): Promise<Map<string, string>> {
    return this.read((em) => resolvedIdsByRef(em, refs));
  }

  get(ref: string): Promise<TemplateDto> {
    return this.read(async (em) => {
      const version = await requireVersion(em, ref);
      // A bare name found the version it resolves to; its schemas are loaded already.
      return describeVersion(em, version, parseTemplateRef(ref).kind === 'name');
    });
  }

  list(query: ListTemplatesQuery = {}): Promise<Page<TemplateListItem>> {
    return this.read((em) => listTemplates(em, query));
  }

  /** Categories and tags in use (per visible name), for filters and suggestions. */
  facets(): Promise<TemplateFacets> {
    return this.read((em) => templateFacets(em));
  }

  /** Every visible version of the ref's name, newest first. */
  versions(ref: string): Promise<TemplateDto[]> {
    return this.read(async (em) => {
      const name = await requireLineageName(em, ref);
      const templates = await em.find(PromptTemplate, { name, deleted_at: null }, { orderBy: { version_number: 'desc' } });
      return describeTemplates(em, templates);
    });
  }

  update(ref: string, patch: TemplateUpdate): Promise<TemplateDto> {
    return this.write(async (em) => describeTemplate(em, await updateMetadata(em, ref, patch)));
  }

  activate(ref: string): Promise<TemplateDto> {
    return this.write(async (em) => describeTemplate(em, await setActive(em, ref, true)));
  }

  deactivate(ref: string): Promise<TemplateDto> {
    return this.write(async (em) => describeTemplate(em, await setActive(em, ref, false)));
  }

  /** Makes `version` of the ref's name the resolved one by deactivating every higher version. */
  rollback(ref: string, version: number): Promise<TemplateDto> {
    return this.write(async (em) => describeTemplate(em, await rollback(em, ref, version)));
  }

  /**
   * A bare name deletes every version of it; `name@N` or an id deletes that version. Each is hard
   * deleted when it never ran, soft deleted (hidden, kept for history) otherwise.
   */
  delete(ref: string): Promise<DeleteOutcome> {
    return this.write((em) => deleteTemplate(em, ref));
  }

  /** What changed from `against` (old) to `ref` (new); a bare number in `against` is a version of the same name. */
  diff(ref: string, against: string): Promise<TemplateDiff> {
    return this.read(async (em) => {
      const to = await requireVersion(em, ref);
      const fromRef = /^\d{1,9}$/.test(against) ? `${to.template.name}@${against}` : against;
      return diffVersions(await requireVersion(em, fromRef), to);
    });
  }

  /** The TemplateVariables of the version `ref` addresses, as JSON. */
  variables(ref: string): Promise<JsonText> {
    return this.read(async (em) => {
      // The ref's version id is one light query; the version's text is loaded only when its
      // variables are not remembered. A ref that addresses nothing fails as requireTemplate says why.
      const versionId = (await resolvedIdsByRef(em, [ref])).get(ref) ?? (await requireTemplate(em, ref)).id;
      return this.variablesByVersion.get(versionId, async () => promptVariablesJson(await requireTemplate(em, versionId), this.deps.renderer));
    });
  }

  renderPreview(ref: string, context: Record<string, unknown>): Promise<RenderedPrompts> {
    return this.read(async (em) => renderPreview(await requireVersion(em, ref), context, this.deps.renderer, this.deps.validator));
  }

  /** Renders and analyses unsaved prompts through the same sandboxed pool as saved ones; nothing is stored. */
  previewDraft(input: DraftPreviewInput): Promise<JsonText> {
    return previewDraft(input, this.deps.renderer, this.deps.validator);
  }

  listSchemas(ref: string): Promise<SchemaDto[]> {
    return this.read(async (em) => {
      const { schemas } = await requireVersion(em, ref);
      return SCHEMA_TYPES.flatMap((type) => schemas[type] ?? []).map(toSchemaDto);
    });
  }

  getSchema(id: string): Promise<SchemaDto> {
    return this.read(async (em) => toSchemaDto((await requireSchema(em, id)).schema));
  }

  /** New version of `ref` whose `type` schema is `schemaJson`. */
  setSchema(ref: string, type: SchemaType, schemaJson: JsonSchema, name?: string): Promise<SchemaChangeResult> {
    return this.deriveVersion(ref, (draft) => setDraftSchema(draft, type, schemaJson, name), type);
  }

  /** New version of the schema's template with this schema replaced. */
  async replaceSchema(schemaId: string, schemaJson: JsonSchema, name?: string): Promise<SchemaChangeResult> {
    const { schema, version } = await this.read((em) => requireSchema(em, schemaId));
    return this.deriveVersion(version.template.id, (draft) => setDraftSchema(draft, schema.schema_type, schemaJson, name), schema.schema_type);
  }

  /** New version of the schema's template without this schema. */
  async removeSchema(schemaId: string): Promise<SchemaChangeResult> {
    const { schema, version } = await this.read((em) => requireSchema(em, schemaId));
    return this.deriveVersion(version.template.id, (draft) => setDraftSchema(draft, schema.schema_type, null), schema.schema_type);
  }

  /** Meta-schema check without saving anything; throws PromptSchemaError listing violations. */
  validateSchema(schemaJson: unknown): { valid: true } {
    this.deps.validator.assertValidSchema(schemaJson, 'schema_json');
    return { valid: true };
  }

  /** Whether any version exists at all, deleted ones included (start-up seeding only fills an empty table). */
  hasAnyVersion(): Promise<boolean> {
    return this.read(async (em) => (await em.count(PromptTemplate, {})) > 0);
  }

  private deriveVersion(fromRef: string, edit: (draft: VersionDraft) => void, schemaType?: SchemaType): Promise<SchemaChangeResult> {
    return this.write(async (em) => {
      const base = await requireVersion(em, fromRef);
      const draft = draftFromVersion(base, await nameMetadata(em, base.template.name));
      edit(draft);
      const saved = await this.save(em, draft, 'next');
      const schema = schemaType && saved.schemas[schemaType];
      return { template: await describeTemplate(em, saved.template), schema: schema ? toSchemaDto(schema) : null };
    });
  }
}
