import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { AnalyticsSeriesSchema, TopTemplatesSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { ANALYTICS_TAGS, SeriesQuerySchema, TopQuerySchema } from './analytics-schemas';

const series = createRoute({
  method: 'get',
  path: '/analytics/series',
  tags: ANALYTICS_TAGS,
  summary: 'Executions, success rate, tokens, cost and latency over time, for everything or a template, version, provider or model',
  description:
    'Read from rollups PostgreSQL keeps as executions end (UTC hours), so it costs the same whatever the number of executions. ' +
    '400 when `from` is not before `to`, or the range holds too many buckets; 404 for a template (or version) that does not exist.',
  request: { query: SeriesQuerySchema },
  responses: { 200: jsonResponse(AnalyticsSeriesSchema, 'The series, its totals and, for a template, each version'), ...errorResponses(400, 404) },
});

const top = createRoute({
  method: 'get',
  path: '/analytics/top',
  tags: ANALYTICS_TAGS,
  summary: 'Template names ranked by cost or by failures over a range',
  request: { query: TopQuerySchema },
  responses: { 200: jsonResponse(TopTemplatesSchema, 'The ranking, highest first'), ...errorResponses(400) },
});

/** Analytics under `/v1` (read scope). */
export function analyticsRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(series, async (c) => {
    const { from, to, ...scope } = c.req.valid('query');
    const range = { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
    return c.json(await services.analytics.series({ ...scope, ...range }), 200);
  });
  router.openapi(top, async (c) => {
    const { from, to, ...rest } = c.req.valid('query');
    const range = { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
    return c.json(await services.analytics.top({ ...rest, ...range }), 200);
  });
  return router;
}
