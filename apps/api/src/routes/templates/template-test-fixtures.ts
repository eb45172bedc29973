import { PromptExecution, PromptSchema, PromptTemplate } from '@promptops/db';
import type { TestApp } from '../../testing/create-test-app';

/** A minimal valid create body; tests override what they exercise. */
export function templateBody(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    category: 'chat',
    description: `${name} description`,
    system_prompt: 'You are helpful.',
    user_prompt_template: 'Hello {{ user }}',
    ...overrides,
  };
}

export async function createTemplate(t: TestApp, name: string, overrides: Record<string, unknown> = {}) {
  const response = await t.call('POST', '/v1/templates', templateBody(name, overrides));
  if (response.status !== 201) throw new Error(`create ${name} failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function path(ref: string, suffix = ''): string {
  return `/v1/templates/${encodeURIComponent(ref)}${suffix}`;
}

/** Row counts that must not move when a request is rejected. */
export async function rowCounts(t: TestApp) {
  const em = t.db.orm.em.fork();
  return { templates: await em.count(PromptTemplate, {}), schemas: await em.count(PromptSchema, {}) };
}

type ExecutionOverrides = Partial<Pick<PromptExecution, 'status' | 'failure_kind' | 'executed_at'>>;

/** Stands in for the execution pipeline: one execution of the version, by default succeeded just now. */
export async function insertExecution(t: TestApp, templateId: string, overrides: ExecutionOverrides = {}): Promise<string> {
  const em = t.db.orm.em.fork();
  const row = em.create(PromptExecution, { template: templateId, input_context: {}, provider: 'mock', model: 'mock', status: 'succeeded', ...overrides });
  await em.flush();
  return row.id;
}
