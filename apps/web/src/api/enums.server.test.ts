import {
  API_KEY_SCOPES as DB_SCOPES,
  EVALUATION_RESULT_STATUSES as DB_RESULT_STATUSES,
  EVALUATION_RUN_STATUSES as DB_RUN_STATUSES,
  EXECUTION_KINDS as DB_KINDS,
  EXECUTION_STATUSES as DB_STATUSES,
  FAILURE_KINDS as DB_FAILURES,
  TEMPLATE_CATEGORIES as DB_CATEGORIES,
} from '@promptops/db';
import { TEMPLATE_SORTS as API_SORTS } from '@promptops/domain';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_SCOPES,
  EXECUTION_KINDS,
  EXECUTION_STATUSES,
  FAILURE_KINDS,
  RUN_RESULT_STATUSES,
  RUN_STATUSES,
  TEMPLATE_CATEGORIES,
  TEMPLATE_SORTS,
} from './enums';

describe("the console's copies of the API's enumerations", () => {
  it("match the server's constants exactly", () => {
    expect([...TEMPLATE_CATEGORIES]).toEqual([...DB_CATEGORIES]);
    expect([...TEMPLATE_SORTS].sort()).toEqual([...API_SORTS].sort());
    expect([...EXECUTION_STATUSES]).toEqual([...DB_STATUSES]);
    expect([...FAILURE_KINDS]).toEqual([...DB_FAILURES]);
    expect([...EXECUTION_KINDS]).toEqual([...DB_KINDS]);
    expect([...API_KEY_SCOPES]).toEqual([...DB_SCOPES]);
    expect([...RUN_STATUSES]).toEqual([...DB_RUN_STATUSES]);
    expect([...RUN_RESULT_STATUSES]).toEqual([...DB_RESULT_STATUSES]);
  });
});
