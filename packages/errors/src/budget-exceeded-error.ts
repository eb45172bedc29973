import { PlatformError } from './platform-error';

/** A hard-limit budget covering the submission is spent for its period (HTTP 429); details carry the budget. */
export class BudgetExceededError extends PlatformError {
  override readonly type = 'budget_exceeded';
}
