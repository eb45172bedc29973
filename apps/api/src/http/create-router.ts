import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { InvalidRequestError } from '@promptops/errors';
import type { AppEnv } from './app-env';

export interface RequestIssue {
  path: string;
  message: string;
  code: string;
}

function toIssues(error: z.ZodError): RequestIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
    code: issue.code,
  }));
}

const TARGET_LABELS: Record<string, string> = { json: 'body', query: 'query string', param: 'path', header: 'headers' };

/**
 * A router whose request validation failures become InvalidRequestError, so they reach the single
 * error handler and come out as `{error: {type: 'invalid_request', ...}}` like every other error.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issues = toIssues(result.error as z.ZodError);
      const where = TARGET_LABELS[result.target] ?? result.target;
      const summary = issues
        .slice(0, 5)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ');
      throw new InvalidRequestError(`Invalid request ${where}: ${summary}`, { issues });
    },
  });
}
