import { describe, expect, it } from 'vitest';
import { createPriceTable, createProviderRegistry } from '@promptops/providers';
import { instrumentProviders } from './provider-instrumentation';
import { createTelemetry } from './telemetry';

/** Value of one sample line, e.g. `promptops_tokens_total{provider="mock",...} 12`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const never = () => new Promise<never>(() => {});

describe('createTelemetry', () => {
  it('records job durations, provider calls, tokens, cost and finished executions with bounded labels', async () => {
    const telemetry = createTelemetry({ maxModels: 2 });
    telemetry.jobFinished('executions', 'completed', 0.2);
    telemetry.providerCall({ provider: 'openai', model: 'gpt-4o-mini', seconds: 0.5, promptTokens: 100, completionTokens: 20, costUsd: 0.001 });
    telemetry.providerCall({ provider: 'openai', model: 'gpt-4o', seconds: 1.5, errorKind: 'timeout' });
    telemetry.providerCall({ provider: 'openai', model: 'made-up-model', seconds: 0.1, errorKind: 'bad_request' });
    telemetry.executionFinished({ kind: 'template', status: 'failed', failureKind: 'provider' });
    telemetry.executionFinished({ kind: 'raw', status: 'succeeded', failureKind: null });
    const text = await telemetry.metrics();
    expect(sample(text, 'promptops_job_duration_seconds_count{queue="executions",outcome="completed"}')).toBe(1);
    expect(sample(text, 'promptops_provider_request_duration_seconds_count{provider="openai",model="gpt-4o-mini",outcome="success"}')).toBe(1);
    expect(sample(text, 'promptops_provider_errors_total{provider="openai",model="gpt-4o",kind="timeout"}')).toBe(1);
    // The third distinct model exceeds maxModels and is counted as "other", never as its own series.
    expect(sample(text, 'promptops_provider_errors_total{provider="openai",model="other",kind="bad_request"}')).toBe(1);
    expect(text).not.toContain('made-up-model');
    expect(sample(text, 'promptops_tokens_total{provider="openai",model="gpt-4o-mini",type="prompt"}')).toBe(100);
    expect(sample(text, 'promptops_tokens_total{provider="openai",model="gpt-4o-mini",type="completion"}')).toBe(20);
    expect(sample(text, 'promptops_cost_usd_total{provider="openai",model="gpt-4o-mini"}')).toBeCloseTo(0.001);
    expect(sample(text, 'promptops_executions_finished_total{kind="template",status="failed",failure_kind="provider"}')).toBe(1);
    expect(sample(text, 'promptops_executions_finished_total{kind="raw",status="succeeded",failure_kind="none"}')).toBe(1);
    expect(text).not.toContain('process_cpu_seconds_total');
    expect(await createTelemetry({ processMetrics: true }).metrics()).toContain('process_cpu_seconds_total');
  });

  it('reads queue and status gauges at scrape time and reports a hanging source as down instead of hanging', async () => {
    const telemetry = createTelemetry();
    let redisUp = true;
    telemetry.watchState({
      queues: [{ name: 'executions', getJobCounts: async () => (redisUp ? { waiting: 3, active: 1 } : never()) }],
      statusCounts: never,
      timeoutMs: 100,
    });
    const started = Date.now();
    const text = await telemetry.metrics();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sample(text, 'promptops_queue_jobs{queue="executions",state="waiting"}')).toBe(3);
    expect(sample(text, 'promptops_queue_jobs{queue="executions",state="active"}')).toBe(1);
    expect(sample(text, 'promptops_metrics_source_up{source="redis"}')).toBe(1);
    expect(sample(text, 'promptops_metrics_source_up{source="postgres"}')).toBe(0);
    expect(text).not.toMatch(/^promptops_executions\{/m);
    redisUp = false;
    const down = await telemetry.metrics();
    expect(sample(down, 'promptops_metrics_source_up{source="redis"}')).toBe(0);
    expect(down).not.toMatch(/^promptops_queue_jobs\{/m);
    expect(() => telemetry.watchState({ queues: [], statusCounts: never })).toThrow(/once/);
  });

  it('times provider calls made through an instrumented registry, whatever the outcome', async () => {
    const telemetry = createTelemetry();
    const registry = instrumentProviders(createProviderRegistry([], { timeoutMs: 1000 }), telemetry, createPriceTable({ 'mock-1': { input: 1, output: 2 } }));
    expect(registry.get('auto')).toBe(registry.get('mock'));
    const result = await registry.get('auto').complete({ model: '', messages: [{ role: 'user', content: 'hello there' }] });
    await expect(registry.get('mock').complete({ model: 'mock-1', messages: [], signal: AbortSignal.abort() })).rejects.toThrow();
    const text = await telemetry.metrics();
    expect(sample(text, 'promptops_provider_request_duration_seconds_count{provider="mock",model="mock-1",outcome="success"}')).toBe(1);
    expect(sample(text, 'promptops_tokens_total{provider="mock",model="mock-1",type="prompt"}')).toBe(result.promptTokens);
    expect(sample(text, 'promptops_cost_usd_total{provider="mock",model="mock-1"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^promptops_provider_errors_total\{provider="mock",model="mock-1",kind="\w+"\} 1$/m);
  });
});
