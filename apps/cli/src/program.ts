import { Command } from 'commander';
import { registerAlertingCommands } from './commands/alerting';
import { registerAnalyticsCommands } from './commands/analytics';
import { registerDbCommands } from './commands/db';
import { registerEvaluationCommands } from './commands/evaluations';
import { registerExecutionCommands } from './commands/executions';
import { registerKeyCommands } from './commands/keys';
import { registerServeCommands } from './commands/serve';
import { registerTemplateCommands } from './commands/templates';
import { oneLine } from './errors/cli-errors';

const EXIT_CODES_HELP = `
Exit codes: 0 done; 1 the operation failed, or the database or the API could not be used;
2 usage error (a bad option, argument or value, or a name or id that does not exist).`;

/**
 * Every `promptops` command. Commander reports its own usage errors (unknown option, missing
 * argument) in one line and throws instead of exiting, so they end with the same exit code as
 * ours (see exitWithError); subcommands inherit both settings.
 */
export function createProgram(): Command {
  const program = new Command()
    .name('promptops')
    .description('Prompt operations platform: serve the API and workers, manage templates, run prompts')
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`${oneLine(message)}\n`) })
    .addHelpText('after', EXIT_CODES_HELP);
  registerServeCommands(program);
  registerDbCommands(program);
  registerTemplateCommands(program);
  registerExecutionCommands(program);
  registerEvaluationCommands(program);
  registerAnalyticsCommands(program);
  registerAlertingCommands(program);
  registerKeyCommands(program);
  return program;
}
