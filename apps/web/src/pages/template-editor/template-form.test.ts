import { describe, expect, it } from 'vitest';
import {
  changedFields,
  createBody,
  draftRunBody,
  formFromTemplate,
  NEW_TEMPLATE_FORM,
  parseSchemaText,
  readForm,
  settingChanges,
  splitChanges,
  type Template,
  type TemplateForm,
} from './template-form';

const base: Template = {
  id: '7e3abe0c-3f7f-451c-b1d8-a502c0d46f45',
  name: 'Greeter',
  category: 'chat',
  description: 'Says hello',
  tags: ['greetings'],
  system_prompt: 'You greet people.',
  user_prompt_template: 'Greet {{ user.name }}.',
  model: '',
  provider: 'auto',
  temperature: 0.7,
  max_tokens: null,
  max_validation_retries: 2,
  version_number: 3,
  parent_version: 2,
  source_template_id: null,
  is_active: true,
  resolved: true,
  usage_count: 0,
  last_used_at: null,
  created_at: '2025-01-31T12:00:00.000Z',
  updated_at: '2025-01-31T12:00:00.000Z',
  input_schema: null,
  // As PostgreSQL's jsonb returns it: keys reordered.
  output_schema: { type: 'object', required: ['greeting'], properties: { greeting: { type: 'string' } } },
};

function valuesOf(form: TemplateForm, requireName = false) {
  const read = readForm(form, { requireName });
  if (!read.ok) throw new Error(`form did not read: ${JSON.stringify(read.errors)}`);
  return read.values;
}

describe('template form', () => {
  it('takes any slug as the category and slugs as tags, and says what a slug is', () => {
    const form = { ...NEW_TEMPLATE_FORM, user_prompt_template: 'Hi', category: 'code-review_2', tags: ['a', 'b-c'] };
    expect(valuesOf(form)).toMatchObject({ category: 'code-review_2', tags: ['a', 'b-c'] });
    const bad = readForm({ ...form, category: 'Code Review', tags: ['ok', 'Not OK'] }, { requireName: false });
    expect(bad.ok ? null : bad.errors).toEqual({
      category: 'Lowercase letters, digits, - and _, starting with a letter or digit, up to 40 characters',
      tags: 'Each tag: lowercase letters, digits, - and _, starting with a letter or digit, up to 40 characters',
    });
    const empty = readForm({ ...form, category: '', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, { requireName: false });
    expect(empty.ok ? null : empty.errors).toEqual({ category: 'Give the template a category', tags: 'At most 20 tags' });
  });

  it('reads a version into text fields and back without changes', () => {
    const form = formFromTemplate(base);
    expect(form.temperature).toBe('0.7');
    expect(form.max_tokens).toBe('');
    expect(JSON.parse(form.output_schema)).toEqual(base.output_schema);
    expect(changedFields(base, valuesOf(form))).toEqual({});
  });

  it('reports every invalid field at once, in the words a user can act on', () => {
    const read = readForm(
      { ...NEW_TEMPLATE_FORM, name: ' x', temperature: '3', max_tokens: '1.5', max_validation_retries: '', input_schema: '{"type":', output_schema: '[]' },
      { requireName: true },
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.errors).sort()).toEqual([
      'input_schema',
      'max_tokens',
      'max_validation_retries',
      'name',
      'output_schema',
      'temperature',
      'user_prompt_template',
    ]);
    expect(read.errors.temperature).toBe('Must be a number from 0 to 2');
    expect(read.errors.max_tokens).toBe('Must be a whole number from 1 to 1000000');
    expect(read.errors.output_schema).toBe('A schema must be a JSON object');
    expect(read.errors.input_schema).toMatch(/^Not valid JSON/);
  });

  it('does not ask for a name when editing, and refuses names the API cannot address', () => {
    const form = { ...NEW_TEMPLATE_FORM, user_prompt_template: 'Hi' };
    expect(readForm(form, { requireName: false }).ok).toBe(true);
    const named = readForm({ ...form, name: 'a/b' }, { requireName: true });
    expect(named.ok ? null : named.errors.name).toBe('A name cannot contain "@" or "/"');
  });

  it('treats an empty schema editor as no schema', () => {
    expect(parseSchemaText('  ')).toEqual({ ok: true, schema: null });
    expect(parseSchemaText('{"type":"object"}')).toEqual({ ok: true, schema: { type: 'object' } });
  });

  it('creates with every field, leaving out schemas that are not set', () => {
    const values = valuesOf(
      { ...NEW_TEMPLATE_FORM, name: 'Greeter', user_prompt_template: 'Hi {{ name }}', max_tokens: '256', output_schema: '{"type":"object"}' },
      true,
    );
    expect(createBody(values)).toEqual({
      name: 'Greeter',
      description: '',
      category: 'other',
      tags: [],
      provider: 'auto',
      model: '',
      temperature: 0.7,
      max_tokens: 256,
      max_validation_retries: 2,
      system_prompt: '',
      user_prompt_template: 'Hi {{ name }}',
      output_schema: { type: 'object' },
    });
  });

  it('sends only the changed fields for a new version, ignoring schema key order', () => {
    const form = formFromTemplate(base);
    const edited = {
      ...form,
      temperature: '0.2',
      user_prompt_template: 'Greet {{ user.name | title }}.',
      output_schema: '{"properties":{"greeting":{"type":"string"}},"type":"object","required":["greeting"]}',
      input_schema: '{"type":"object"}',
    };
    expect(changedFields(base, valuesOf(edited))).toEqual({
      temperature: 0.2,
      user_prompt_template: 'Greet {{ user.name | title }}.',
      input_schema: { type: 'object' },
    });
  });

  it('removes a schema with null when its editor is emptied, and clears max tokens with null', () => {
    const withTokens = { ...base, max_tokens: 100 };
    const changes = changedFields(withTokens, valuesOf({ ...formFromTemplate(withTokens), output_schema: '', max_tokens: '' }));
    expect(changes).toEqual({ output_schema: null, max_tokens: null });
  });

  it('splits the name’s details (saved on the name, for every version) from the version’s content', () => {
    const changes = changedFields(base, valuesOf({ ...formFromTemplate(base), description: 'Waves', tags: ['greetings', 'polite'], temperature: '0.1' }));
    expect(changes).toEqual({ description: 'Waves', tags: ['greetings', 'polite'], temperature: 0.1 });
    expect(splitChanges(changes)).toEqual({ details: { description: 'Waves', tags: ['greetings', 'polite'] }, content: { temperature: 0.1 } });
    expect(splitChanges(changedFields(base, valuesOf({ ...formFromTemplate(base), category: 'support' })))).toEqual({
      details: { category: 'support' },
      content: {},
    });
    // The same tags in the same order are no change.
    expect(changedFields(base, valuesOf({ ...formFromTemplate(base), tags: ['greetings'] }))).toEqual({});
  });

  it('lists changed settings as table rows, in form order', () => {
    const changes = changedFields(base, valuesOf({ ...formFromTemplate(base), max_tokens: '64', model: 'gpt-4o-mini', system_prompt: 'New' }));
    expect(settingChanges(changes, base)).toEqual([
      { field: 'model', label: 'Model', before: '—', after: 'gpt-4o-mini' },
      { field: 'max_tokens', label: 'Max tokens', before: '—', after: '64' },
    ]);
    const tags = changedFields(base, valuesOf({ ...formFromTemplate(base), tags: [] }));
    expect(settingChanges(tags, base)).toEqual([{ field: 'tags', label: 'Tags', before: 'greetings', after: '—' }]);
  });

  it('runs a draft as a raw execution of the rendered prompts with the draft settings', () => {
    const values = valuesOf({ ...formFromTemplate(base), max_tokens: '50', provider: 'mock' });
    expect(draftRunBody(values, { system_prompt: 'You greet people.', user_prompt: 'Greet Ada.' })).toEqual({
      system_prompt: 'You greet people.',
      user_prompt: 'Greet Ada.',
      provider: 'mock',
      temperature: 0.7,
      max_tokens: 50,
      max_validation_retries: 2,
      output_schema: base.output_schema,
    });
  });
});
