import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@promptops/config';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import { InvalidRequestError, PromptConflictError, PromptRenderError, PromptTemplateNotFoundError } from '@promptops/errors';
import { ApiError } from '../api-client';
import { UsageError } from '../usage-error';
import { errorLine, exitCodeFor, oneLine } from './cli-errors';
import { DatabaseUnavailableError, unavailableReason } from './database-errors';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** What PostgreSQL really throws for `sql`, through the ORM the commands use. */
async function databaseError(sql: string, params: unknown[] = []): Promise<Error> {
  try {
    await db.orm.em.fork().getConnection().execute(sql, params);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${sql} to fail`);
}

describe('exitCodeFor', () => {
  it('is 2 for calling a command wrongly and 1 for everything that failed', () => {
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
    for (const usage of [
      new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"),
      new UsageError('bad'),
      new ConfigError('Invalid configuration:\n  PORT: too big'),
      new InvalidRequestError('bad value'),
      new PromptTemplateNotFoundError('x'),
      new PromptRenderError("'x' is undefined"),
      new ApiError(404, 'not_found', 'Run x not found', null),
      new ApiError(422, 'validation_error', 'context does not match', null),
    ]) {
      expect(exitCodeFor(usage), usage.message).toBe(2);
    }
    for (const failure of [
      new PromptConflictError('Run x is still running'),
      new ApiError(401, 'unauthorized', 'Missing API key', null),
      new ApiError(503, 'service_unavailable', 'Database unavailable', null),
      new DatabaseUnavailableError('postgresql://u:secret@db:5433/app', 'connection refused, ECONNREFUSED'),
      new Error('something unexpected'),
    ]) {
      expect(exitCodeFor(failure), failure.message).toBe(1);
    }
  });
});

describe('errorLine', () => {
  it('never repeats the statement a database error quotes, and tells a bad value (2) from a conflict (1)', async () => {
    const badValue = await databaseError(`select * from api_keys where id = ?`, ['ci']);
    expect(badValue.message).toContain('select');
    expect(errorLine(badValue)).toBe('error: the database refused the request (SQLSTATE 22P02)');
    expect(exitCodeFor(badValue)).toBe(2);
    await db.orm.em.fork().getConnection().execute(`create table unique_things (name text primary key)`);
    await db.orm.em.fork().getConnection().execute(`insert into unique_things values ('a')`);
    const duplicate = await databaseError(`insert into unique_things values ('a')`);
    expect(errorLine(duplicate)).toBe('error: the database refused the request (SQLSTATE 23505)');
    expect(exitCodeFor(duplicate)).toBe(1);
    expect(unavailableReason(duplicate)).toBeUndefined();
  });

  it('puts several lines on one', () => {
    expect(errorLine(new ConfigError('Invalid configuration:\n  PORT: too big\n  HOST: empty'))).toBe(
      'error: Invalid configuration: PORT: too big; HOST: empty',
    );
    expect(oneLine("error: unknown command 'lst'\n(Did you mean list?)\n")).toBe("error: unknown command 'lst' (Did you mean list?)");
  });

  it('names the database by address, never by its credentials', () => {
    const error = new DatabaseUnavailableError('postgresql://admin:secret@db.internal:6543/app', 'timed out, ETIMEDOUT');
    expect(errorLine(error)).toBe('error: cannot use PostgreSQL at db.internal:6543/app (timed out, ETIMEDOUT); is it running, and is DATABASE_URL right?');
  });
});
