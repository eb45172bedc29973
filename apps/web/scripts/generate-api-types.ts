import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { apiTypesFrom, readOpenApiDocument } from './api-types';

const target = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));
await writeFile(target, await apiTypesFrom(await readOpenApiDocument()));
process.stdout.write(`wrote ${target}\n`);
process.exit(0);
