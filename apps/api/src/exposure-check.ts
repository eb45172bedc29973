import type { ApiKeyService } from '@promptops/domain';
import { isLoopbackHost } from './http/client-address';

export type Exposure = { ok: true; localOnly: boolean } | { ok: false; message: string };

/**
 * Start-up rule for the listening address: without any active API key the API may only listen on
 * loopback, where it serves local clients unauthenticated; anywhere else it must not start.
 * `promptopsCommand` is how the operator runs the CLI here (PROMPTOPS_COMMAND), so the command the
 * refusal suggests works as printed, in a container too.
 */
export async function checkExposure(host: string, apiKeys: Pick<ApiKeyService, 'hasActiveKeys'>, promptopsCommand: string): Promise<Exposure> {
  if (await apiKeys.hasActiveKeys()) return { ok: true, localOnly: false };
  if (isLoopbackHost(host)) return { ok: true, localOnly: true };
  return {
    ok: false,
    message:
      `Refusing to listen on ${host}: no API key exists, so the API would be open to the network.\n` +
      `Create one first (it is printed once) with:\n\n    ${promptopsCommand} keys create --name admin --scope admin\n\n` +
      'or set HOST=127.0.0.1 to serve this machine only.',
  };
}
