import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

// The README's Greeter: `langs` is read only under `{% if langs %}`, `user` is printed.
const GREETER = {
  name: 'Greeter',
  system_prompt: 'You greet people warmly.',
  user_prompt_template: 'Greet {{ user.name | title }}{% if langs %} in {{ langs | join(", ") }}{% endif %}.',
  provider: 'mock',
};

let t: TestApp;
const executionCount = async () =>
  Number((await t.db.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from prompt_executions'))[0]?.n);

beforeAll(async () => {
  t = await createTestApp();
  expect((await t.call('POST', '/v1/templates', GREETER)).status).toBe(201);
});

afterAll(async () => {
  await t?.close();
});

describe('one rule for undefined variables', () => {
  it('reports langs optional and user required, and renders the Greeter without langs', async () => {
    const { body } = await t.call('GET', '/v1/templates/Greeter/variables');
    const optional = Object.fromEntries(body.variables.map((variable: { path: string; optional: boolean }) => [variable.path, variable.optional]));
    expect(optional).toMatchObject({ user: false, 'user.name': false, langs: true });
    expect(body.suggested_input_schema.required).toEqual(['user']);

    const rendered = await t.call('POST', '/v1/templates/Greeter/render', { context: { user: { name: 'ada' } } });
    expect(rendered.status, JSON.stringify(rendered.body)).toBe(200);
    expect(rendered.body.user_prompt).toBe('Greet Ada.');
    const withLangs = await t.call('POST', '/v1/templates/Greeter/render', { context: { user: { name: 'ada' }, langs: ['en', 'fr'] } });
    expect(withLangs.body.user_prompt).toBe('Greet Ada in en, fr.');
  });

  it('queues an execution whose context lacks only optional variables', async () => {
    const submitted = await t.call('POST', '/v1/executions', { template: 'Greeter', context: { user: { name: 'ada' } } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  });

  it('refuses at once, with 422 naming it, a context that lacks a required variable', async () => {
    const before = await executionCount();
    const refused = await t.call('POST', '/v1/executions', { template: 'Greeter', context: { langs: ['en'] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      type: 'validation_error',
      details: { missing_variables: ['user'], violations: [{ path: '/', keyword: 'required', params: { missingProperty: 'user' } }] },
    });
    expect(refused.body.error.message).toContain("lacks variable 'user'");
    expect(await executionCount()).toBe(before);
  });

  it('leaves the decision to the input schema when the template has one', async () => {
    const schema = { type: 'object', properties: { user: { type: 'object' } } };
    const created = await t.call('POST', '/v1/templates', { ...GREETER, name: 'Schema Greeter', input_schema: schema });
    expect(created.status).toBe(201);
    // The schema does not require `user`, so the context passes; rendering will fail in the worker.
    expect((await t.call('POST', '/v1/executions', { template: 'Schema Greeter', context: {} })).status).toBe(202);
  });

  it('fails the run items whose input lacks a required variable when the run is created', async () => {
    const dataset = await t.call('POST', '/v1/datasets', { name: 'greetings', template: 'Greeter' });
    const entries = [
      { input_data: { user: { name: 'ada' } }, expected_output: 'x' },
      { input_data: { langs: ['fr'] }, expected_output: 'y' },
    ];
    expect((await t.call('POST', `/v1/datasets/${dataset.body.id}/entries/import`, entries)).status).toBe(201);
    const run = await t.call('POST', `/v1/datasets/${dataset.body.id}/runs`, { scorers: [{ type: 'exact_match' }] });
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    const results = await t.call('GET', `/v1/runs/${run.body.id}/results`);
    const byStatus = Object.fromEntries(results.body.items.map((item: { status: string; error_message: string | null }) => [item.status, item.error_message]));
    expect(byStatus).toEqual({ pending: null, failed: expect.stringContaining("input_data lacks variable 'user'") });
  });
});
