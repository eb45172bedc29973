import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';

export type Budget = Schemas['Budget'];
export type AlertRule = Schemas['AlertRule'];
export type Alert = Schemas['Alert'];
export type Webhook = Schemas['Webhook'];
export type Delivery = Schemas['WebhookDelivery'];

/** Spend moves as executions finish, so the alerting views refresh on their own. */
const REFRESH_MS = 5000;

export const budgetsQuery = queryOptions({ queryKey: ['budgets'], queryFn: () => unwrap(api.GET('/v1/budgets')), refetchInterval: REFRESH_MS });
export const alertRulesQuery = queryOptions({ queryKey: ['alert-rules'], queryFn: () => unwrap(api.GET('/v1/alert-rules')) });
export const alertsQuery = (onlyOpen: boolean) =>
  queryOptions({
    queryKey: ['alerts', { onlyOpen }],
    queryFn: () => unwrap(api.GET('/v1/alerts', { params: { query: { limit: 100, ...(onlyOpen ? { acknowledged: 'false' as const } : {}) } } })),
    refetchInterval: REFRESH_MS,
  });
export const webhooksQuery = queryOptions({ queryKey: ['webhooks'], queryFn: () => unwrap(api.GET('/v1/webhooks')) });
export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: ['webhooks', id, 'deliveries'],
    queryFn: () => unwrap(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } })),
    refetchInterval: REFRESH_MS,
  });

export function formatBudgetAmount(metric: Budget['metric'], value: number): string {
  if (metric === 'tokens') return `${Math.round(value).toLocaleString('en-US')} tokens`;
  // Cents, with up to four decimals below a dollar so that small spends do not show as $0.00.
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: value < 1 ? 4 : 2 })}`;
}

export const scopeLabel = (scope: Budget['scope']) =>
  scope.kind === 'global' ? 'All executions' : `${scope.kind === 'template' ? 'Template' : 'Provider'} ${scope.value}`;
