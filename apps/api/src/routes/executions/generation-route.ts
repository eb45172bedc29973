import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { idempotencyOf } from '../../http/idempotency';
import { errorResponses } from '../../http/common-schemas';
import { category } from '../templates/template-schemas';
import { answerSubmission } from './submission-response';
import { ExecutionAcceptedSchema, ExecutionSchema } from '@promptops/validators';
import { IdempotencyHeaderSchema, ModelOverridesSchema, SubmitQuerySchema } from './execution-schemas';

const GenerateBodySchema = z
  .strictObject({
    description: z
      .string()
      .min(10)
      .max(10_000)
      .openapi({ description: 'What the new prompt should do', example: 'Summarise a support ticket into a title, severity and next steps' }),
    input_context: z.string().max(20_000).optional().openapi({ description: 'Example input or background the prompt will receive' }),
    name: z.string().min(1).max(200).optional().openapi({ description: 'Name for the draft template (made unique if taken)' }),
    category: category.optional(),
    ...ModelOverridesSchema,
  })
  .openapi('GenerateTemplate');

const generateRoute = createRoute({
  method: 'post',
  path: '/templates/generate',
  tags: ['Templates'],
  summary: 'Have an LLM write a new prompt template from a description',
  description:
    'Runs the built-in "Prompt Generator" template through the execution pipeline. When it succeeds, the execution\'s `generated_template_id` names a new, inactive draft template with its input schema.',
  request: {
    body: { required: true, content: { 'application/json': { schema: GenerateBodySchema } } },
    query: SubmitQuerySchema,
    headers: IdempotencyHeaderSchema,
  },
  responses: {
    200: { description: 'Finished within `wait`', content: { 'application/json': { schema: ExecutionSchema } } },
    202: { description: 'Accepted and queued', content: { 'application/json': { schema: ExecutionAcceptedSchema } } },
    ...errorResponses(400, 404, 422),
  },
});

export function generationRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(generateRoute, async (c) => {
    const body = c.req.valid('json');
    const idempotency = idempotencyOf(c, c.req.valid('header')['idempotency-key'], body);
    const submitted = await services.generations.submit(body, {
      ...(idempotency ? { idempotency } : {}),
      request_id: c.get('requestId'),
    });
    return answerSubmission(c, services, submitted, c.req.valid('query').wait);
  });
  return router;
}
