import { EXECUTION_KINDS, EXECUTION_STATUSES, FAILURE_KINDS } from '../../api/enums';
import { compact, optionalDateTime, optionalOneOf, optionalString, pageParam } from '../../lib/search-params';

/** The executions list's filters, in the URL. `template` is a name (all versions) or `name@N`. */
export interface ExecutionsSearch {
  template?: string;
  status?: (typeof EXECUTION_STATUSES)[number];
  failure_kind?: (typeof FAILURE_KINDS)[number];
  kind?: (typeof EXECUTION_KINDS)[number];
  from?: string;
  to?: string;
  run?: string;
  page?: number;
}

export function validateExecutionsSearch(raw: Record<string, unknown>): ExecutionsSearch {
  return compact({
    template: optionalString(raw, 'template', 250),
    status: optionalOneOf(raw, 'status', EXECUTION_STATUSES),
    failure_kind: optionalOneOf(raw, 'failure_kind', FAILURE_KINDS),
    kind: optionalOneOf(raw, 'kind', EXECUTION_KINDS),
    from: optionalDateTime(raw, 'from'),
    to: optionalDateTime(raw, 'to'),
    run: optionalString(raw, 'run', 36),
    page: pageParam(raw),
  });
}
