import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;
const sql = <T>(query: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  t = await createTestApp();
  const created = await t.call('POST', '/v1/templates', { name: 'Echo', user_prompt_template: 'Say {{ word }}.', provider: 'mock' });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await t?.close();
});

describe('submissions by group commit', () => {
  it('answers each of many concurrent submissions with its own durable, queued execution', async () => {
    const words = Array.from({ length: 80 }, (_, index) => `w${index}`);
    const answers = await Promise.all(words.map((word) => t.call('POST', '/v1/executions', { template: 'Echo', context: { word } })));
    expect(answers.map((answer) => answer.status)).toEqual(words.map(() => 202));
    const ids = answers.map((answer) => answer.body.id as string);
    expect(new Set(ids).size).toBe(words.length);

    const rows = await sql<{ id: string; word: string; status: string }>(
      `select id, input_context->>'word' as word, status from prompt_executions where id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [JSON.stringify(ids)],
    );
    // Each answer names the row its own request asked for, not a neighbour's from the same statement.
    expect(new Map(rows.map((row) => [row.id, row.word]))).toEqual(new Map(ids.map((id, index) => [id, words[index]])));
    expect(rows.every((row) => row.status === 'queued')).toBe(true);
    const jobs = await Promise.all(ids.map((id) => t.queues.executions.getJob(id)));
    expect(jobs.map((job) => job?.data.execution_id)).toEqual(ids);
  });

  it('fails only the submission PostgreSQL refuses, not the ones inserted beside it', async () => {
    const missingEntry = crypto.randomUUID();
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((word) =>
        t.services.executions.submit({ template: 'Echo', context: { word }, ...(word === 'c' ? { dataset_entry_id: missingEntry } : {}) }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('prompt_executions_dataset_entry_id_foreign');
    const [{ n }] = (await sql<{ n: string }>(`select count(*) as n from prompt_executions where input_context->>'word' in ('a', 'b', 'c', 'd')`)) as [
      { n: string },
    ];
    expect(Number(n)).toBe(3);
  });
});
