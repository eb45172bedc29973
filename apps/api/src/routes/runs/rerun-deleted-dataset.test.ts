import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

// Issue 11: a soft-deleted dataset takes no new runs, and a re-run of one of its runs is a new run.
// No worker runs here: a cancelled run's items are what a re-run takes (include: cancelled).
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  expect((await t.call('POST', '/v1/templates', { name: 'Echo', user_prompt_template: 'Say {{ word }}' })).status).toBe(201);
});

afterAll(async () => {
  await t.close();
});

/** A dataset with one cancelled run of two items, ready to be re-run. */
async function cancelledRun(name: string): Promise<{ datasetId: string; runId: string }> {
  const datasetId = (await t.call('POST', '/v1/datasets', { name, template: 'Echo' })).body.id;
  expect((await t.call('POST', `/v1/datasets/${datasetId}/entries/import`, [{ input_data: { word: 'a' } }, { input_data: { word: 'b' } }])).status).toBe(201);
  const run = await t.call('POST', `/v1/datasets/${datasetId}/runs`, { scorers: [{ type: 'exact_match' }] });
  expect(run.status).toBe(202);
  expect((await t.call('POST', `/v1/runs/${run.body.id}/cancel`)).status).toBe(200);
  return { datasetId, runId: run.body.id };
}

/** Rows a refused re-run must not have written. */
async function writtenRows(): Promise<Record<string, number>> {
  const [counts] = await t.db.orm.em.getConnection().execute<Record<string, number>[]>(
    `select (select count(*)::int from evaluation_runs) as runs, (select count(*)::int from evaluation_results) as results,
            (select count(*)::int from idempotency_keys) as keys`,
  );
  return counts!;
}

describe('POST /v1/runs/{id}/rerun-failed when the dataset was deleted', () => {
  it('answers 409 naming the dataset and writes nothing', async () => {
    const { datasetId, runId } = await cancelledRun('deleted-before-rerun');
    expect((await t.call('DELETE', `/v1/datasets/${datasetId}`)).body).toEqual({ id: datasetId, deleted: 'soft' });
    const before = await writtenRows();

    const refused = await t.call('POST', `/v1/runs/${runId}/rerun-failed`, { include: ['cancelled'] }, { 'idempotency-key': 'rerun-deleted-1' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ type: 'conflict', details: { id: runId, dataset_id: datasetId } });
    expect(refused.body.error.message).toMatch(/dataset .* was deleted/);
    expect(await writtenRows()).toEqual(before);
    // The run itself stays readable.
    expect((await t.call('GET', `/v1/runs/${runId}`)).body).toMatchObject({ id: runId, status: 'cancelled' });
  });

  it('answers 409 too when the dataset is deleted while the re-run is being written', async () => {
    const { datasetId, runId } = await cancelledRun('deleted-during-rerun');
    const before = await writtenRows();
    const connection = t.db.orm.em.getConnection();
    // A delete in progress holds the dataset's row; the re-run passes its first check meanwhile and
    // must wait for the delete at its insert, then see the dataset gone.
    const { pending } = await t.db.orm.em.fork().transactional(async (tx) => {
      const ctx = tx.getTransactionContext();
      await tx.getConnection().execute('select id from prompt_datasets where id = ? for update', [datasetId], 'all', ctx);
      const pending = t.call('POST', `/v1/runs/${runId}/rerun-failed`, { include: ['cancelled'] });
      const deadline = Date.now() + 30_000;
      for (;;) {
        const waiting = await connection.execute<{ n: number }[]>(
          `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%prompt_datasets%for key share%'`,
        );
        if (waiting[0]!.n > 0) break;
        if (Date.now() > deadline) throw new Error('the re-run never waited for the dataset lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await tx.getConnection().execute('update prompt_datasets set deleted_at = now() where id = ?', [datasetId], 'run', ctx);
      // Wrapped, so the transaction commits rather than waiting for the answer that waits for it.
      return { pending };
    });
    const rerun = await pending;

    expect(rerun.status).toBe(409);
    expect(rerun.body.error).toMatchObject({ type: 'conflict', details: { id: runId, dataset_id: datasetId } });
    expect(await writtenRows()).toEqual(before);
  });

  it('still re-runs the runs of a live dataset', async () => {
    const { runId } = await cancelledRun('live');
    const rerun = await t.call('POST', `/v1/runs/${runId}/rerun-failed`, { include: ['cancelled'] });
    expect(rerun.status).toBe(202);
    expect(rerun.body).toMatchObject({ parent_run_id: runId, progress: { total: 2 } });
  });
});
