export { AlertEvaluator, type EvaluationReport } from './alert-evaluator';
export { BudgetService, type BudgetInput, type BudgetView } from './budget-service';
export { AlertRuleService, type AlertRuleInput, type AlertRuleView } from './alert-rule-service';
export { AlertService, type AlertFilter, type AlertView } from './alert-service';
export { WebhookService, type WebhookInput, type WebhookView } from './webhook-service';
export type { DeliveryStep, DeliveryView } from './webhook-deliverer';
export type { AlertScope } from './alert-scope';
