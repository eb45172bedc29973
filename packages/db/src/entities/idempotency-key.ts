import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EvaluationRun } from './evaluation-run';
import { PromptExecution } from './prompt-execution';

/**
 * An Idempotency-Key a client sent with a submission, and what it created: an execution or a run.
 * A key belongs to the route and resource it was sent to (`scope`: method, route pattern and path
 * parameters), so the same key elsewhere is another key, and is bound to a fingerprint of the
 * request body, so it cannot stand for a different request. It lapses at `expires_at`. The row is
 * written in the transaction that creates its target, before it; the foreign keys are therefore
 * checked at commit, and deleting the target deletes the key.
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  properties: {
    scope: p.text().primary(),
    key: p.string().length(255).primary(),
    /** SHA-256 (hex) of the request body's canonical JSON. */
    fingerprint: p.string().length(64),
    execution: () => p.manyToOne(PromptExecution).mapToPk().nullable().deleteRule('cascade').deferMode('deferred'),
    run: () => p.manyToOne(EvaluationRun).mapToPk().nullable().deleteRule('cascade').deferMode('deferred'),
    created_at: p.datetime(),
    expires_at: p.datetime(),
  },
  indexes: [
    { name: 'idempotency_keys_expires_idx', properties: ['expires_at'] },
    { name: 'idempotency_keys_execution_idx', properties: ['execution'] },
    { name: 'idempotency_keys_run_idx', properties: ['run'] },
  ],
});
export type IdempotencyKey = InferEntity<typeof IdempotencyKey>;
