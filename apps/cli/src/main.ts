#!/usr/bin/env node
import { Command } from 'commander';
import { PromptTemplateError } from '@promptops/errors';
import { ApiError } from './api-client';
import { registerDbCommands } from './commands/db';
import { registerEvaluationCommands } from './commands/evaluations';
import { registerExecutionCommands } from './commands/executions';
import { registerKeyCommands } from './commands/keys';
import { registerServeCommands } from './commands/serve';
import { registerTemplateCommands } from './commands/templates';
import { USAGE_EXIT_CODE, UsageError } from './usage-error';

const program = new Command()
  .name('promptops')
  .description('Prompt operations platform: serve the API and workers, manage templates, run prompts')
  .showHelpAfterError();

registerServeCommands(program);
registerDbCommands(program);
registerTemplateCommands(program);
registerExecutionCommands(program);
registerEvaluationCommands(program);
registerKeyCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // Expected failures (bad input, not found, API errors) get one clear line, not a stack trace.
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (error.details && typeof error.details === 'object') process.stderr.write(`${JSON.stringify(error.details, null, 2)}\n`);
    process.exit(USAGE_EXIT_CODE);
  }
  if (error instanceof PromptTemplateError || error instanceof ApiError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (error.details && typeof error.details === 'object') process.stderr.write(`${JSON.stringify(error.details, null, 2)}\n`);
  } else {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
