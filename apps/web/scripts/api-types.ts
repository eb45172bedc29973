import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp } from '@promptops/api/testing';

export const API_TYPES_HEADER = "// Generated from the API's /openapi.json by `npm run api:generate -w @promptops/web`; do not edit.\n\n";

/** The API's OpenAPI document, read from a throwaway instance of the app (its own database and queue prefix). */
export async function readOpenApiDocument(): Promise<Record<string, unknown>> {
  const testApp = await createTestApp();
  try {
    const response = await testApp.call('GET', '/openapi.json');
    if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
    return response.body as Record<string, unknown>;
  } finally {
    await testApp.close();
  }
}

/** TypeScript types for openapi-fetch from an OpenAPI 3.1 document. */
export async function apiTypesFrom(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return API_TYPES_HEADER + astToString(ast);
}
