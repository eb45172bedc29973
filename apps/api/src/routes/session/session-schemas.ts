import { z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '@promptops/db';

export const SESSION_TAGS = ['Session'];

const scopes = z.array(z.enum(API_KEY_SCOPES));

export const SignInBodySchema = z
  .strictObject({
    key: z.string().trim().min(1).max(200).openapi({ description: 'An API key; exchanged for a session cookie, never stored', example: 'po_0b5f1c7e…' }),
  })
  .openapi('SignIn');

const ApiKeyPrincipalSchema = z
  .object({ kind: z.literal('api_key'), key_id: z.uuid(), name: z.string(), scopes })
  .openapi('ApiKeyPrincipal', { description: 'Signed in with an API key, by session cookie or Authorization header' });

const LocalPrincipalSchema = z
  .object({ kind: z.literal('local'), scopes })
  .openapi('LocalPrincipal', { description: 'No API key exists yet and the client is on this machine: every scope' });

export const SignedInSchema = z.object({ principal: ApiKeyPrincipalSchema }).openapi('SignedIn');

export const SessionSchema = z.object({ principal: z.discriminatedUnion('kind', [ApiKeyPrincipalSchema, LocalPrincipalSchema]) }).openapi('Session');

export const SessionCookieHeaderSchema = z.object({
  'Set-Cookie': z.string().openapi({
    description: 'promptops_session=<token>; Path=/; HttpOnly; SameSite=Strict (and Secure over HTTPS)',
    example: 'promptops_session=3q2-7w…; Path=/; HttpOnly; SameSite=Strict',
  }),
});
