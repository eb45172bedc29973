import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, path } from './template-test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Row {
  id: string;
  name: string;
  version_number: number;
  description: string;
  category: string;
  tags: string[];
  updated_at: string;
}

async function versionsOf(name: string): Promise<Row[]> {
  const { status, body } = await t.call('GET', path(name, '/versions'));
  if (status !== 200) throw new Error(`versions of ${name}: ${status} ${JSON.stringify(body)}`);
  return body.items;
}

async function newVersion(ref: string, changes: Record<string, unknown> = {}): Promise<Row> {
  const { status, body } = await t.call('POST', path(ref, '/versions'), changes);
  if (status !== 201) throw new Error(`new version of ${ref}: ${status} ${JSON.stringify(body)}`);
  return body;
}

const names = async (query: string) => {
  const { status, body } = await t.call('GET', `/v1/templates?per_name=true&${query}`);
  if (status !== 200) throw new Error(`list ${query}: ${status} ${JSON.stringify(body)}`);
  return body.items.map((row: Row) => row.name);
};

describe('description, category and tags belong to the name', () => {
  it('a PATCH by name changes them for every version, not only v1', async () => {
    await createTemplate(t, 'Meta', { description: 'first', category: 'chat' });
    await newVersion('Meta@1');
    await newVersion('Meta@2');
    const { status, body } = await t.call('PATCH', path('Meta'), { description: 'shared', category: 'support', tags: ['billing', 'refunds'] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ version_number: 3, description: 'shared', category: 'support', tags: ['billing', 'refunds'] });
    const versions = await versionsOf('Meta');
    expect(versions.map((v) => [v.version_number, v.description, v.category, v.tags])).toEqual([
      [3, 'shared', 'support', ['billing', 'refunds']],
      [2, 'shared', 'support', ['billing', 'refunds']],
      [1, 'shared', 'support', ['billing', 'refunds']],
    ]);
  });

  it('a PATCH of one version (name@N or id) changes the name too, while is_active stays that version’s', async () => {
    await createTemplate(t, 'Meta two');
    const v2 = await newVersion('Meta two@1');
    const { body } = await t.call('PATCH', path('Meta two@1'), { description: 'from v1', is_active: false });
    expect(body).toMatchObject({ version_number: 1, description: 'from v1', is_active: false });
    expect((await t.call('GET', path(v2.id))).body).toMatchObject({ description: 'from v1', is_active: true });
  });

  it('a new version inherits them, and one that carries them changes them for the whole name', async () => {
    await createTemplate(t, 'Inherit', { description: 'kept', category: 'docs', tags: ['a'] });
    expect(await newVersion('Inherit@1', { system_prompt: 'v2' })).toMatchObject({ description: 'kept', category: 'docs', tags: ['a'] });
    await newVersion('Inherit@2', { tags: ['b'] });
    expect((await versionsOf('Inherit')).map((v) => v.tags)).toEqual([['b'], ['b'], ['b']]);
  });

  it('works on a name none of whose versions is active, answering with its highest version', async () => {
    await createTemplate(t, 'Dormant', { is_active: false });
    const { status, body } = await t.call('PATCH', path('Dormant'), { tags: ['parked'] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ version_number: 1, is_active: false, tags: ['parked'] });
    // Activation still needs a version the name resolves to.
    expect((await t.call('PATCH', path('Dormant'), { is_active: true })).status).toBe(404);
  });

  it('marks every version updated when they change, and not when a PATCH changes nothing', async () => {
    await createTemplate(t, 'Touched');
    const before = (await versionsOf('Touched'))[0]?.updated_at;
    await t.call('PATCH', path('Touched'), { description: 'Touched description' });
    expect((await versionsOf('Touched'))[0]?.updated_at).toBe(before);
    await t.call('PATCH', path('Touched'), { description: 'changed' });
    expect(Date.parse((await versionsOf('Touched'))[0]?.updated_at ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  });

  it('duplicates carry them to the new name, which then has its own', async () => {
    await createTemplate(t, 'Original', { category: 'sales', tags: ['outbound'] });
    const copy = await t.call('POST', path('Original', '/duplicate'), { name: 'Copy of original', tags: ['inbound'] });
    expect(copy.body).toMatchObject({ category: 'sales', tags: ['inbound'] });
    expect((await t.call('GET', path('Original'))).body.tags).toEqual(['outbound']);
  });
});

describe('free categories and tags', () => {
  it('accepts any short slug as a category, and tags as slugs without duplicates', async () => {
    const created = await createTemplate(t, 'Slugs', { category: 'code-review_2', tags: ['b', 'a', 'b'] });
    expect(created).toMatchObject({ category: 'code-review_2', tags: ['b', 'a'] });
    const forty = 'x'.repeat(40);
    expect((await t.call('PATCH', path('Slugs'), { category: forty, tags: Array.from({ length: 20 }, (_, i) => `t${i}`) })).status).toBe(200);
  });

  it.each([
    ['upper case', { category: 'Chat' }],
    ['a space', { category: 'code review' }],
    ['a leading dash', { category: '-chat' }],
    ['41 characters', { category: 'x'.repeat(41) }],
    ['an empty category', { category: '' }],
    ['a tag with a dot', { tags: ['v1.2'] }],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['a tag that is not a string', { tags: [1] }],
  ])('refuses %s with 400 and changes nothing', async (_label, patch) => {
    await createTemplate(t, `Strict ${_label}`, { category: 'chat', tags: ['kept'] });
    const { status, body } = await t.call('PATCH', path(`Strict ${_label}`), patch);
    expect(status).toBe(400);
    expect(body.error.type).toBe('invalid_request');
    expect((await t.call('GET', path(`Strict ${_label}`))).body).toMatchObject({ category: 'chat', tags: ['kept'] });
  });

  it('lists by category and by tags (every tag given), per name and per version', async () => {
    await createTemplate(t, 'Flt one', { category: 'flt-cat', tags: ['red', 'blue'] });
    await newVersion('Flt one@1');
    await createTemplate(t, 'Flt two', { category: 'flt-cat', tags: ['red'] });
    await createTemplate(t, 'Flt three', { category: 'flt-other', tags: ['blue'] });
    expect(await names('category=flt-cat')).toEqual(['Flt one', 'Flt two']);
    expect(await names('q=Flt&tag=red')).toEqual(['Flt one', 'Flt two']);
    expect(await names('q=Flt&tag=red&tag=blue')).toEqual(['Flt one']);
    expect(await names('q=Flt&tag=green')).toEqual([]);
    expect(await names('category=flt-cat&tag=blue')).toEqual(['Flt one']);
    const versions = await t.call('GET', '/v1/templates?category=flt-cat&tag=blue');
    expect(versions.body.items.map((row: Row) => `${row.name}@${row.version_number}`)).toEqual(['Flt one@2', 'Flt one@1']);
  });

  it('searches the name’s description', async () => {
    await createTemplate(t, 'Searchable', { description: 'Finds the needle-in-haystack phrase' });
    await newVersion('Searchable@1');
    expect(await names('q=needle-in-haystack')).toEqual(['Searchable']);
  });
});

describe('GET /v1/templates/facets', () => {
  it('counts names (not versions) per category and tag, most used first, and offers the suggestions', async () => {
    const own = await createTestApp();
    try {
      const create = async (name: string, body: Record<string, unknown>) => {
        expect((await own.call('POST', '/v1/templates', { name, user_prompt_template: 'Hi', ...body })).status).toBe(201);
      };
      await create('F1', { category: 'support', tags: ['billing', 'vip'] });
      await own.call('POST', path('F1', '/versions'), {});
      await create('F2', { category: 'support', tags: ['billing'] });
      await create('F3', { category: 'chat' });
      await create('F4', { category: 'gone', tags: ['gone-tag'] });
      await own.call('DELETE', path('F4'));
      const { status, body } = await own.call('GET', '/v1/templates/facets');
      expect(status).toBe(200);
      expect(body).toEqual({
        categories: [
          { name: 'support', count: 2 },
          { name: 'chat', count: 1 },
        ],
        tags: [
          { name: 'billing', count: 2 },
          { name: 'vip', count: 1 },
        ],
        suggested_categories: ['chat', 'auto_issue', 'feedback_issue', 'documentation', 'readme_update', 'sub_issue', 'generation', 'evaluation', 'other'],
      });
    } finally {
      await own.close();
    }
  });

  it('is documented, with the tag filter and the free category, in /openapi.json', async () => {
    const { body } = await t.call('GET', '/openapi.json');
    expect(body.paths['/v1/templates/facets'].get.responses['200']).toBeDefined();
    const parameters = body.paths['/v1/templates'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining(['category', 'tag']));
    expect(body.components.schemas.Template.properties.tags).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(body.components.schemas.Template.properties.category).toMatchObject({ type: 'string' });
    expect(body.components.schemas.Template.properties.category.enum).toBeUndefined();
    expect(body.components.schemas.CreateTemplate.properties.category.pattern).toBe('^[a-z0-9][a-z0-9_-]{0,39}$');
  });
});
