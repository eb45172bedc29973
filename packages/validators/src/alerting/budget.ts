import { z } from '@hono/zod-openapi';
import { BUDGET_METRICS, BUDGET_PERIODS } from '@promptops/db';
import { timestamp } from '../json';
import { AlertScopeSchema, alertingName } from './alerting-common';

const thresholds = z
  .array(z.number().int().min(1).max(1000))
  .min(1)
  .max(10)
  .openapi({ description: 'Percent of `amount`; each fires one alert per period. Default [50, 80, 100].', example: [50, 80, 100] });

export const CreateBudgetSchema = z
  .strictObject({
    name: alertingName,
    scope: AlertScopeSchema,
    period: z.enum(BUDGET_PERIODS).openapi({ description: 'UTC day or UTC calendar month' }),
    metric: z.enum(BUDGET_METRICS).openapi({ description: '`usd` (cost) or `tokens` (prompt + completion)' }),
    amount: z.number().positive().max(1e12),
    thresholds: thresholds.optional(),
    hard_limit: z.boolean().optional().openapi({ description: 'Refuse new submissions in scope (429 budget_exceeded) once 100 % is spent' }),
  })
  .openapi('CreateBudget');

export const UpdateBudgetSchema = CreateBudgetSchema.partial().strict().openapi('UpdateBudget');

/** A budget with its spend so far in the current UTC period. */
export const BudgetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scope: AlertScopeSchema,
    period: z.enum(BUDGET_PERIODS),
    metric: z.enum(BUDGET_METRICS),
    amount: z.number(),
    thresholds: z.array(z.number().int()),
    hard_limit: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
    current: z.object({ period_start: timestamp, period_end: timestamp, spent: z.number(), ratio: z.number().openapi({ description: 'spent / amount' }) }),
  })
  .openapi('Budget');

export const BudgetListSchema = z.object({ items: z.array(BudgetSchema) }).openapi('BudgetList');

export type BudgetInput = z.infer<typeof CreateBudgetSchema>;
export type BudgetView = z.infer<typeof BudgetSchema>;
