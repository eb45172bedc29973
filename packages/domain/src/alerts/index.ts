export { AlertEvaluator, type EvaluationReport } from './alert-evaluator';
export { BudgetService } from './budget-service';
export { AlertRuleService } from './alert-rule-service';
export { AlertService, type AlertFilter } from './alert-service';
export { WebhookService } from './webhook-service';
export type { DeliveryStep } from './webhook-deliverer';
export type {
  AlertPage,
  AlertRuleInput,
  AlertRuleView,
  AlertScope,
  AlertView,
  BudgetInput,
  BudgetView,
  CreatedWebhook,
  DeliveryView,
  WebhookInput,
  WebhookView,
} from '@promptops/validators';
