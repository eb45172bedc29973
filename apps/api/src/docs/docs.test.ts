import { SCORER_LIMITS, SCORER_TYPES } from '@promptops/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  // With a key in place, anything not public would answer 401 to the anonymous requests below.
  await t.services.apiKeys.create({ name: 'docs admin', scopes: ['admin'] });
});

afterAll(async () => {
  await t?.close();
});

describe('API reference', () => {
  it('serves Swagger UI from this origin, without credentials', async () => {
    const page = await t.app.request('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/(?:https?:)?\/\/[a-z]/i);
    expect(html).not.toMatch(/<script>/);
    const referenced = [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) => match[1]);
    expect(referenced).toEqual(['/docs/swagger-ui.css', '/', '/docs/swagger-ui-bundle.js', '/docs/init.js']);

    const expected: Record<string, [string, string]> = {
      '/docs/swagger-ui.css': ['text/css', '.swagger-ui'],
      '/docs/swagger-ui-bundle.js': ['text/javascript', 'SwaggerUIBundle'],
      '/docs/init.js': ['text/javascript', 'validatorUrl: null'],
    };
    for (const [path, [contentType, content]] of Object.entries(expected)) {
      const response = await t.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(contentType);
      expect(await response.text(), path).toContain(content);
    }
    const init = await (await t.app.request('/docs/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('persistAuthorization: true');
    expect(init).toContain('tryItOutEnabled: true');
  });

  it('describes bearer keys, and documents the probes as public and the metrics as text', async () => {
    const { status, body } = await t.call('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(body.security).toEqual([{ bearerAuth: [] }]);
    expect(body.paths['/healthz'].get.security).toEqual([]);
    expect(body.paths['/readyz'].get.security).toEqual([]);
    expect(Object.keys(body.paths['/readyz'].get.responses)).toEqual(['200', '503']);
    expect(body.paths['/metrics'].get.security).toBeUndefined();
    expect(Object.keys(body.paths['/metrics'].get.responses['200'].content)).toEqual(['text/plain']);
    expect(body.paths['/v1/executions/{id}/rerun'].post.responses['202']).toBeDefined();
    expect((await t.call('GET', '/v1/templates')).status).toBe(401);
  });

  it('documents each scorer type as a component of the scorer union, with its options and their limits', async () => {
    const { components } = (await t.call('GET', '/openapi.json')).body;
    const union = components.schemas.ScorerConfig;
    expect(union.discriminator.propertyName).toBe('type');
    expect(Object.keys(union.discriminator.mapping)).toEqual([...SCORER_TYPES]);
    expect(union.oneOf).toHaveLength(SCORER_TYPES.length);
    const regex = components.schemas.RegexScorer;
    expect(regex).toMatchObject({ required: ['type', 'pattern'], additionalProperties: false });
    expect(regex.properties.pattern).toMatchObject({ type: 'string', minLength: 1, maxLength: SCORER_LIMITS.patternMaxChars });
    expect(components.schemas.LlmJudgeScorer.properties.threshold).toMatchObject({ minimum: 0, maximum: 1 });
    expect(components.schemas.SubmitRun.properties.scorers).toMatchObject({ minItems: 1, maxItems: SCORER_LIMITS.maxScorers });
    expect(components.schemas.Run.properties.scorers.items).toEqual({ $ref: '#/components/schemas/ScorerConfig' });
  });

  it('answers the metrics in the Prometheus text format', async () => {
    const key = await t.services.apiKeys.create({ name: 'metrics reader', scopes: ['admin'] });
    const response = await t.app.request('/metrics', { headers: { authorization: `Bearer ${key.key}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^# HELP /m);
  });
});
