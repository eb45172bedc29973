export { idempotencyClaim, type IdempotencyClaim } from './idempotency-claim';
export { IdempotencyKeys, type IdempotentTarget } from './idempotency-keys';
