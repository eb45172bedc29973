import { describe, expect, it } from 'vitest';
import { contentChangeLabels, formatSettingValue, hasContentDifferences, settingChanges } from './diff-format';

const diff = {
  changed_fields: [
    { field: 'temperature', old: 0.7, new: 0.2 },
    { field: 'max_tokens', old: null, new: 512 },
    { field: 'model', old: '', new: 'gpt-4o-mini' },
    { field: 'is_active', old: true, new: false },
    { field: 'system_prompt', old: 'a', new: 'b' },
    { field: 'output_schema', old: null, new: { type: 'object' } },
  ],
};

describe('settingChanges', () => {
  it('lists changed settings with readable values and leaves prompts and schemas to their own sections', () => {
    expect(settingChanges(diff)).toEqual([
      { field: 'temperature', label: 'Temperature', old: '0.7', new: '0.2' },
      { field: 'max_tokens', label: 'Max tokens', old: 'provider default', new: '512' },
      { field: 'model', label: 'Model', old: 'provider default', new: 'gpt-4o-mini' },
      { field: 'is_active', label: 'Active', old: 'active', new: 'inactive' },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(settingChanges({ changed_fields: [] })).toEqual([]);
    expect(hasContentDifferences({ changed_fields: [] })).toBe(false);
    expect(hasContentDifferences(diff)).toBe(true);
  });

  it('does not count a different active state as a content difference', () => {
    expect(hasContentDifferences({ changed_fields: [{ field: 'is_active', old: false, new: true }] })).toBe(false);
  });
});

describe('formatSettingValue', () => {
  it('shows empty and missing values in words', () => {
    expect(formatSettingValue('description', '')).toBe('(empty)');
    expect(formatSettingValue('description', null)).toBe('none');
    expect(formatSettingValue('category', 'code_review')).toBe('code_review');
    expect(formatSettingValue('custom_flag', { b: 1, a: 2 })).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});

describe('contentChangeLabels', () => {
  it('names every content change, schemas and prompts included, but not the active state', () => {
    expect(contentChangeLabels(diff)).toEqual(['Temperature', 'Max tokens', 'Model', 'System prompt', 'Output schema']);
  });
});
