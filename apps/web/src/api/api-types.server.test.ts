import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesFrom, readOpenApiDocument } from '../../scripts/api-types';

describe("the console's API types", () => {
  it("match the API's current /openapi.json (run `npm run api:generate -w @promptops/web` after changing a route)", async () => {
    const generated = await apiTypesFrom(await readOpenApiDocument());
    const checkedIn = await readFile(new URL('./schema.d.ts', import.meta.url), 'utf8');
    expect(checkedIn === generated, 'src/api/schema.d.ts is stale').toBe(true);
  });
});
