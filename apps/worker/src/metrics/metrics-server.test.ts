import { createTelemetry } from '@promptops/telemetry';
import { describe, expect, it } from 'vitest';
import { startMetricsServer } from './metrics-server';

const TOKEN = 'metrics-token-0123456789';

describe('startMetricsServer', () => {
  it('serves /metrics only with the token when one is set', async () => {
    const telemetry = createTelemetry();
    telemetry.jobFinished('executions', 'completed', 0.1);
    const server = await startMetricsServer(telemetry, { host: '127.0.0.1', port: 0, token: TOKEN });
    try {
      const missing = await fetch(server.url);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await missing.text()).not.toContain('promptops_');
      expect((await fetch(server.url, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      expect((await fetch(server.url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
      const ok = await fetch(server.url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      expect(await ok.text()).toContain('promptops_job_duration_seconds_count{queue="executions",outcome="completed"} 1');
      expect((await fetch(server.url.replace('/metrics', '/other'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('serves /metrics without a token on a loopback address and refuses a network address without one', async () => {
    const telemetry = createTelemetry();
    telemetry.jobFinished('generations', 'failed', 0.1);
    const server = await startMetricsServer(telemetry, { host: '127.0.0.1', port: 0 });
    try {
      const ok = await fetch(server.url);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('promptops_job_duration_seconds_count{queue="generations",outcome="failed"} 1');
    } finally {
      await server.close();
    }
    await expect(startMetricsServer(telemetry, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/METRICS_TOKEN/);
    await expect(startMetricsServer(telemetry, { host: '::', port: 0 })).rejects.toThrow(/METRICS_TOKEN/);
  });

  it('answers /healthz without the token, for a container health check, and shows no metrics there', async () => {
    const telemetry = createTelemetry();
    telemetry.jobFinished('executions', 'completed', 0.1);
    const server = await startMetricsServer(telemetry, { host: '127.0.0.1', port: 0, token: TOKEN });
    try {
      const health = await fetch(server.url.replace('/metrics', '/healthz'));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect((await fetch(server.url)).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
