import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema } from '@promptops/schemas';
import type { FieldChange, PromptDiff, SchemaDiff, TemplateDiff, VersionLabel } from '@promptops/validators';
import { createTwoFilesPatch, structuredPatch } from 'diff';
import { type TemplateVersion, toResolvedTemplate } from './template-resolver';

export type { DiffHunk, FieldChange, PromptDiff, SchemaDiff, TemplateDiff, VersionLabel } from '@promptops/validators';

/**
 * Fields compared value by value; prompts and schemas additionally get their own sections.
 * Description, category and tags belong to the name, not to a version, so they are not compared.
 */
const COMPARED_FIELDS = [
  'name',
  'model',
  'provider',
  'temperature',
  'max_tokens',
  'max_validation_retries',
  'is_active',
  'system_prompt',
  'user_prompt_template',
] as const;

function label({ template }: TemplateVersion): VersionLabel {
  return { id: template.id, name: template.name, version_number: template.version_number };
}

function diffPrompt(field: string, from: VersionLabel, to: VersionLabel, oldText: string, newText: string): PromptDiff {
  if (oldText === newText) return { changed: false, patch: '', hunks: [] };
  const oldName = `${from.name}@${from.version_number}/${field}`;
  const newName = `${to.name}@${to.version_number}/${field}`;
  const hunks = structuredPatch(oldName, newName, oldText, newText).hunks.map((hunk) => ({
    old_start: hunk.oldStart,
    old_lines: hunk.oldLines,
    new_start: hunk.newStart,
    new_lines: hunk.newLines,
    lines: hunk.lines,
  }));
  return { changed: true, patch: createTwoFilesPatch(oldName, newName, oldText, newText), hunks };
}

function diffSchema(oldSchema: JsonSchema | null, newSchema: JsonSchema | null): SchemaDiff {
  return { changed: !isDeepStrictEqual(oldSchema, newSchema), old: oldSchema, new: newSchema };
}

export function diffVersions(fromVersion: TemplateVersion, toVersion: TemplateVersion): TemplateDiff {
  const from = label(fromVersion);
  const to = label(toVersion);
  const oldT = fromVersion.template;
  const newT = toVersion.template;
  const oldResolved = toResolvedTemplate(fromVersion);
  const newResolved = toResolvedTemplate(toVersion);
  const schemas = {
    input_schema: diffSchema(oldResolved.input_schema, newResolved.input_schema),
    output_schema: diffSchema(oldResolved.output_schema, newResolved.output_schema),
  };
  const changedFields: FieldChange[] = COMPARED_FIELDS.filter((field) => oldT[field] !== newT[field]).map((field) => ({
    field,
    old: oldT[field],
    new: newT[field],
  }));
  for (const [field, change] of Object.entries(schemas)) {
    if (change.changed) changedFields.push({ field, old: change.old, new: change.new });
  }
  return {
    from,
    to,
    changed_fields: changedFields,
    prompts: {
      system_prompt: diffPrompt('system_prompt', from, to, oldT.system_prompt, newT.system_prompt),
      user_prompt_template: diffPrompt('user_prompt_template', from, to, oldT.user_prompt_template, newT.user_prompt_template),
    },
    schemas,
  };
}
