export { EXECUTIONS, type ExecutionTransition } from './execution-transitions';
export { DEFAULT_STALE_AFTER_MS, ExecutionLifecycle, type FinishTarget, type StrandedExecution } from './execution-lifecycle';
export {
  FINISH_RECORD_TYPE,
  adoptRunExecutions,
  countTemplateUses,
  dispatchFrom,
  finishFrom,
  type ClaimedExecution,
  type ExecutionResult,
  type FinishedExecution,
} from './execution-sql';
export { defineStateMachine, type StateMachine, type Transition } from './state-machine';
