import { describe, expect, it } from 'vitest';
import { defaultModelFor, EMPTY_FORM, toGenerateBody } from './generate-form';

const description = 'Summarise a support ticket into title, severity and next steps';

describe('generate form', () => {
  it('sends only the description when nothing else is given', () => {
    expect(toGenerateBody({ ...EMPTY_FORM, description: `  ${description}\n` })).toEqual({ body: { description } });
  });

  it('sends every field that was filled in, trimmed', () => {
    const form = {
      description,
      name: ' Ticket Summariser ',
      category: 'other' as const,
      inputContext: ' {"ticket": "Login fails"} ',
      provider: 'mock',
      model: ' mock-1 ',
    };
    expect(toGenerateBody(form)).toEqual({
      body: { description, name: 'Ticket Summariser', category: 'other', input_context: '{"ticket": "Login fails"}', provider: 'mock', model: 'mock-1' },
    });
  });

  it('requires a description of at least 10 characters', () => {
    expect(toGenerateBody({ ...EMPTY_FORM, description: ' too short ' }).errors).toEqual({ description: 'Describe the prompt in at least 10 characters' });
    expect(toGenerateBody(EMPTY_FORM).errors?.description).toBeDefined();
  });

  it('refuses an input context that is not JSON, naming the problem', () => {
    const { errors } = toGenerateBody({ ...EMPTY_FORM, description, inputContext: '{"ticket": ' });
    expect(errors?.inputContext).toMatch(/^Not valid JSON: /);
  });

  it('enforces the API length limits', () => {
    const { errors } = toGenerateBody({
      ...EMPTY_FORM,
      description: 'x'.repeat(10_001),
      name: 'n'.repeat(201),
      inputContext: `"${'c'.repeat(20_000)}"`,
      model: 'm'.repeat(201),
    });
    expect(Object.keys(errors ?? {}).sort()).toEqual(['description', 'inputContext', 'model', 'name']);
  });
});

describe('default model placeholder', () => {
  const catalog = {
    items: [
      { name: 'openai', default_model: 'gpt-4o-mini' },
      { name: 'mock', default_model: 'mock-1' },
    ],
    auto: 'openai',
  };

  it('follows auto to the provider it stands for', () => {
    expect(defaultModelFor(catalog, '')).toBe('gpt-4o-mini');
    expect(defaultModelFor(catalog, 'auto')).toBe('gpt-4o-mini');
    expect(defaultModelFor(catalog, 'mock')).toBe('mock-1');
  });

  it('is empty for unknown providers or before the catalog loads', () => {
    expect(defaultModelFor(catalog, 'ollama')).toBe('');
    expect(defaultModelFor(undefined, 'mock')).toBe('');
  });
});
