/** Every queue the platform uses; producers and consumers take names only from here. */
export const QUEUE_NAMES = {
  executions: 'executions',
  generations: 'generations',
  evaluationRuns: 'evaluation-runs',
  webhooks: 'webhooks',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
