import { PromptTemplateName } from '@promptops/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, insertExecution, path } from './template-test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Version {
  id: string;
  version_number: number;
}

async function newVersion(ref: string, changes: Record<string, unknown> = {}): Promise<Version> {
  const { status, body } = await t.call('POST', path(ref, '/versions'), changes);
  if (status !== 201) throw new Error(`new version of ${ref}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function nameRowExists(name: string): Promise<boolean> {
  return (await t.db.orm.em.fork().count(PromptTemplateName, { name })) > 0;
}

describe('DELETE by bare name: the whole template', () => {
  it('deletes every version, not only the newest (which used to make the older one answer to the name)', async () => {
    const v1 = await createTemplate(t, 'Temp');
    const v2 = await newVersion('Temp@1');
    const { status, body } = await t.call('DELETE', path('Temp'));
    expect(status).toBe(200);
    expect(body).toEqual({
      name: 'Temp',
      deleted: 'hard',
      versions: [
        { id: v2.id, version_number: 2, deleted: 'hard' },
        { id: v1.id, version_number: 1, deleted: 'hard' },
      ],
      resolves_to: null,
    });
    expect((await t.call('GET', path('Temp'))).status).toBe(404);
    expect((await t.call('GET', path('Temp@1'))).status).toBe(404);
    expect((await t.call('GET', '/v1/templates?name=Temp')).body.total).toBe(0);
    expect(await nameRowExists('Temp')).toBe(false);
    // Nothing is left, so the name starts over at version 1.
    expect((await createTemplate(t, 'Temp')).version_number).toBe(1);
  });

  it('keeps the versions that ran (soft) and removes the others (hard), each reported', async () => {
    const v1 = await createTemplate(t, 'Mixed', { tags: ['history'] });
    const v2 = await newVersion('Mixed@1');
    const v3 = await newVersion('Mixed@2', { is_active: false });
    await insertExecution(t, v2.id);
    const { body } = await t.call('DELETE', path('Mixed'));
    expect(body).toEqual({
      name: 'Mixed',
      deleted: 'soft',
      versions: [
        { id: v3.id, version_number: 3, deleted: 'hard' },
        { id: v2.id, version_number: 2, deleted: 'soft' },
        { id: v1.id, version_number: 1, deleted: 'hard' },
      ],
      resolves_to: null,
    });
    expect((await t.call('GET', path('Mixed', '/versions'))).status).toBe(404);
    // The kept version still belongs to its name, metadata and all; numbering continues after it.
    expect(await nameRowExists('Mixed')).toBe(true);
    const again = await createTemplate(t, 'Mixed');
    expect(again).toMatchObject({ version_number: 3, tags: [] });
  });

  it('deletes a name none of whose versions is active', async () => {
    await createTemplate(t, 'Asleep', { is_active: false });
    const { status, body } = await t.call('DELETE', path('Asleep'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Asleep', deleted: 'hard', resolves_to: null });
  });

  it('answers 404 for a name with no visible version, deleting nothing twice', async () => {
    expect((await t.call('DELETE', path('Never existed'))).status).toBe(404);
    await createTemplate(t, 'Twice');
    expect((await t.call('DELETE', path('Twice'))).status).toBe(200);
    expect((await t.call('DELETE', path('Twice'))).status).toBe(404);
  });
});

describe('DELETE of one version: name@N or its id', () => {
  it('says which version the name resolves to afterwards', async () => {
    const v1 = await createTemplate(t, 'Ladder');
    const v2 = await newVersion('Ladder@1');
    const v3 = await newVersion('Ladder@2');
    const top = await t.call('DELETE', path('Ladder@3'));
    expect(top.body).toEqual({
      name: 'Ladder',
      deleted: 'hard',
      versions: [{ id: v3.id, version_number: 3, deleted: 'hard' }],
      resolves_to: { id: v2.id, version_number: 2 },
    });
    const byId = await t.call('DELETE', path(v1.id));
    expect(byId.body).toMatchObject({ versions: [{ id: v1.id, version_number: 1 }], resolves_to: { id: v2.id, version_number: 2 } });
    const last = await t.call('DELETE', path(v2.id));
    expect(last.body).toMatchObject({ deleted: 'hard', resolves_to: null });
    expect(await nameRowExists('Ladder')).toBe(false);
  });

  it('resolves to nothing when only inactive versions are left', async () => {
    await createTemplate(t, 'Shelved', { is_active: false });
    await newVersion('Shelved@1');
    const { body } = await t.call('DELETE', path('Shelved@2'));
    expect(body.resolves_to).toBeNull();
    expect((await t.call('GET', path('Shelved@1'))).status).toBe(200);
  });

  it('soft-deletes a version an evaluation run refers to', async () => {
    const version = await createTemplate(t, 'Evaluated', { user_prompt_template: 'Say {{ word }}' });
    const dataset = await t.call('POST', '/v1/datasets', { name: 'evaluated-set', template: 'Evaluated' });
    await t.call('POST', `/v1/datasets/${dataset.body.id}/entries`, { input_data: { word: 'hi' } });
    // No worker runs here: the queued run is all that refers to the version.
    const run = await t.call('POST', `/v1/datasets/${dataset.body.id}/runs`, { scorers: [{ type: 'exact_match' }] });
    expect(run.status).toBe(202);
    const { body } = await t.call('DELETE', path('Evaluated@1'));
    expect(body.versions).toEqual([{ id: version.id, version_number: 1, deleted: 'soft' }]);
    expect((await t.call('GET', `/v1/runs/${run.body.id}`)).status).toBe(200);
  });
});
