import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import type { Hono } from 'hono';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Bull Board over every queue the platform uses, served under QUEUE_DASHBOARD_PATH. */
export function queueDashboard(queues: Queue[]): Hono {
  const serverAdapter = new HonoAdapter(serveStatic);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'PromptOps queues' } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  return serverAdapter.registerPlugin();
}
