import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { InvalidRequestError } from '@promptops/errors';
import type { AppEnv } from './app-env';

export interface RequestIssue {
  path: string;
  message: string;
  code: string;
}

const TARGET_LABELS: Record<string, string> = { json: 'body', query: 'query string', param: 'path', header: 'headers' };

function toIssues(error: z.ZodError, target: string): RequestIssue[] {
  return error.issues.flatMap((issue): RequestIssue[] => {
    const path = issue.path.map(String);
    // One issue per unknown name, naming it, so a misspelt `?stauts=` says which parameter is wrong.
    if (issue.code === 'unrecognized_keys') {
      const message = target === 'query' ? 'unknown query parameter' : 'unknown field';
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message, code: issue.code }));
    }
    return [{ path: path.length > 0 ? path.join('.') : '(root)', message: issue.message, code: issue.code }];
  });
}

/**
 * Every route's query schema refuses names it does not declare (a route without one takes none):
 * a misspelt filter would otherwise be ignored and the answer would silently list everything.
 */
function withStrictQuery<R extends RouteConfig>(route: R): R {
  const query = route.request?.query ?? z.object({});
  if (!(query instanceof z.ZodObject)) throw new Error(`The query schema of ${route.method.toUpperCase()} ${route.path} must be an object schema`);
  return { ...route, request: { ...route.request, query: query.strict() } };
}

/**
 * A router whose request validation failures become InvalidRequestError, so they reach the single
 * error handler and come out as `{error: {type: 'invalid_request', ...}}` like every other error,
 * and whose routes refuse unknown query parameters.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issues = toIssues(result.error as z.ZodError, result.target);
      const where = TARGET_LABELS[result.target] ?? result.target;
      const summary = issues
        .slice(0, 5)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ');
      throw new InvalidRequestError(`Invalid request ${where}: ${summary}`, { issues });
    },
  });
  const register = router.openapi;
  router.openapi = ((route, handler, hook) => register(withStrictQuery(route), handler, hook)) as typeof router.openapi;
  return router;
}
