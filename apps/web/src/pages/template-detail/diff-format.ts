import type { Schemas } from '../../api/client';
import { stableJson } from '../../components/diff/side-by-side-rows';

export type TemplateDiff = Schemas['TemplateDiff'];
type FieldChange = TemplateDiff['changed_fields'][number];

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  category: 'Category',
  model: 'Model',
  provider: 'Provider',
  temperature: 'Temperature',
  max_tokens: 'Max tokens',
  max_validation_retries: 'Max validation retries',
  is_active: 'Active',
  system_prompt: 'System prompt',
  user_prompt_template: 'User prompt template',
  input_schema: 'Input schema',
  output_schema: 'Output schema',
};

/** Prompts and schemas get side-by-side sections of their own, so the settings table leaves them out. */
const OWN_SECTION_FIELDS = new Set(['system_prompt', 'user_prompt_template', 'input_schema', 'output_schema']);

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
}

/** A setting's value as a table cell; what "no value" means depends on the field. */
export function formatSettingValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return field === 'max_tokens' ? 'provider default' : 'none';
  if (typeof value === 'boolean') return field === 'is_active' ? (value ? 'active' : 'inactive') : value ? 'yes' : 'no';
  if (typeof value === 'string') return value === '' ? (field === 'model' ? 'provider default' : '(empty)') : value;
  if (typeof value === 'number') return String(value);
  return stableJson(value);
}

export interface SettingChangeRow {
  field: string;
  label: string;
  old: string;
  new: string;
}

/** The changed settings of a diff as rows of field, old value and new value. */
export function settingChanges(diff: Pick<TemplateDiff, 'changed_fields'>): SettingChangeRow[] {
  return diff.changed_fields
    .filter((change) => !OWN_SECTION_FIELDS.has(change.field))
    .map((change: FieldChange) => ({
      field: change.field,
      label: fieldLabel(change.field),
      old: formatSettingValue(change.field, change.old),
      new: formatSettingValue(change.field, change.new),
    }));
}

/**
 * What a version changed in its content, as labels ("System prompt", "Temperature"). Whether a
 * version is active is state, not content (and shows as a badge), so it is not listed.
 */
export function contentChangeLabels(diff: Pick<TemplateDiff, 'changed_fields'>): string[] {
  return diff.changed_fields.filter((change) => change.field !== 'is_active').map((change) => fieldLabel(change.field));
}

/** Whether the two versions differ in content; two versions differing only in being active are the same prompt. */
export function hasContentDifferences(diff: Pick<TemplateDiff, 'changed_fields'>): boolean {
  return diff.changed_fields.some((change) => change.field !== 'is_active');
}
