import { JsonSchemaValidator } from '@promptops/schemas';
const v = new JsonSchemaValidator();
for (const depth of [100, 1000, 3000]) {
  try { v.assertValidSchema({ a: JSON.parse('['.repeat(depth) + ']'.repeat(depth)) }, 'x'); console.log(depth, 'ok'); } catch (e) { console.log(depth, (e as Error).constructor.name, (e as Error).message.slice(0, 100)); }
}
