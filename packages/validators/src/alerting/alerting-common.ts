import { z } from '@hono/zod-openapi';
import { ALERT_SCOPE_KINDS } from '@promptops/db';

/** A budget's or rule's name, as submitted. */
export const alertingName = z.string().trim().min(1).max(100);

/** What a budget or rule watches: `{kind: 'global'}`, `{kind: 'template', value: name}`, `{kind: 'provider', value}`. */
export const AlertScopeSchema = z
  .strictObject({
    kind: z.enum(ALERT_SCOPE_KINDS),
    value: z.string().trim().min(1).max(200).optional().openapi({ description: 'The template name or provider; none for `global`' }),
  })
  .openapi('AlertScope', { example: { kind: 'template', value: 'Greeter' } });

/** The answer to deleting a budget, an alert rule or a webhook. */
export const DeletedSchema = z.object({ id: z.uuid(), deleted: z.literal(true) }).openapi('Deleted');

export type AlertScope = z.infer<typeof AlertScopeSchema>;
export type Deleted = z.infer<typeof DeletedSchema>;
