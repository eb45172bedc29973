export { QUEUE_NAMES, type QueueName } from './queue-names';
export { ExecutionJobSchema, EvaluationRunJobSchema, WebhookJobSchema, type ExecutionJob, type EvaluationRunJob, type WebhookJob } from './job-payloads';
export { createRedisConnection } from './redis-connection';
export { DEFAULT_RETRY_POLICY, WEBHOOK_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff';
export { createQueues, enqueueExecutions, enqueueRun, enqueueWebhookDelivery, isInHand, type QueueSet, type QueueSetOptions } from './queues';
export { ProviderRateLimiter, type ProviderRateLimiterOptions } from './provider-rate-limiter';
export { removeKeysWithPrefix } from './remove-keys';
export { countInWindow, type WindowCount } from './fixed-window';
