#!/usr/bin/env node
import { exitWithError } from './errors/cli-errors';
import { createProgram } from './program';

createProgram().parseAsync(process.argv).catch(exitWithError);
