export { Budget, ALERT_SCOPE_KINDS, BUDGET_PERIODS, BUDGET_METRICS, type AlertScopeKind, type BudgetPeriod, type BudgetMetric } from './budget';
export { AlertRule, ALERT_RULE_METRICS, type AlertRuleMetric } from './alert-rule';
export { Alert, ALERT_KINDS, type AlertKind } from './alert';
export { Webhook } from './webhook';
export { WebhookDelivery, DELIVERY_OUTCOMES, type DeliveryOutcome } from './webhook-delivery';
