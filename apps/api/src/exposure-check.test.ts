import { describe, expect, it } from 'vitest';
import { checkExposure } from './exposure-check';

const keys = (exist: boolean) => ({ hasActiveKeys: async () => exist });

describe('checkExposure', () => {
  it('serves loopback hosts without keys, locally only', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
      expect(await checkExposure(host, keys(false), 'npx promptops')).toEqual({ ok: true, localOnly: true });
    }
  });

  it('refuses any other address without keys, and allows it with keys', async () => {
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'api.example.com']) {
      const refused = await checkExposure(host, keys(false), 'npx promptops');
      expect(refused.ok).toBe(false);
      expect(refused.ok ? '' : refused.message).toContain('npx promptops keys create --name admin --scope admin');
      expect(await checkExposure(host, keys(true), 'npx promptops')).toEqual({ ok: true, localOnly: false });
    }
  });

  it('spells the first-key command the way this deployment runs the CLI', async () => {
    const refused = await checkExposure('0.0.0.0', keys(false), 'docker compose run --rm api');
    expect(refused.ok ? '' : refused.message).toContain('\n    docker compose run --rm api keys create --name admin --scope admin\n');
  });
});
