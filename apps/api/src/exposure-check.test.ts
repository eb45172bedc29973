import { describe, expect, it } from 'vitest';
import { checkExposure } from './exposure-check';

const keys = (exist: boolean) => ({ hasActiveKeys: async () => exist });

describe('checkExposure', () => {
  it('serves loopback hosts without keys, locally only', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
      expect(await checkExposure(host, keys(false))).toEqual({ ok: true, localOnly: true });
    }
  });

  it('refuses any other address without keys, and allows it with keys', async () => {
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'api.example.com']) {
      const refused = await checkExposure(host, keys(false));
      expect(refused.ok).toBe(false);
      expect(refused.ok ? '' : refused.message).toContain('promptops keys create');
      expect(await checkExposure(host, keys(true))).toEqual({ ok: true, localOnly: false });
    }
  });
});
