/** Values middleware puts on the Hono context for handlers to read. */
export type AppEnv = { Variables: { requestId: string } };
