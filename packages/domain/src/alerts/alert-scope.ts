import type { AlertScopeKind } from '@promptops/db';
import { InvalidRequestError } from '@promptops/errors';
import type { AlertScope } from '@promptops/validators';

/** What a submission would spend on: its template name ('' for raw prompts) and resolved provider. */
export interface SpendTarget {
  template: string;
  provider: string;
}

export function scopeColumns(scope: AlertScope): { scope_kind: AlertScopeKind; scope_value: string } {
  const value = scope.value?.trim() ?? '';
  if (scope.kind === 'global') {
    if (value) throw new InvalidRequestError('A global scope takes no value', { scope });
    return { scope_kind: 'global', scope_value: '' };
  }
  if (!value)
    throw new InvalidRequestError(`A ${scope.kind} scope needs a value (the ${scope.kind === 'template' ? 'template name' : 'provider name'})`, { scope });
  return { scope_kind: scope.kind, scope_value: value };
}

export function scopeOf(row: { scope_kind: AlertScopeKind; scope_value: string }): AlertScope {
  return row.scope_kind === 'global' ? { kind: 'global' } : { kind: row.scope_kind, value: row.scope_value };
}

export function scopeCovers(row: { scope_kind: AlertScopeKind; scope_value: string }, target: SpendTarget): boolean {
  if (row.scope_kind === 'global') return true;
  return row.scope_kind === 'template' ? row.scope_value === target.template : row.scope_value === target.provider;
}

export function describeScope(row: { scope_kind: AlertScopeKind; scope_value: string }): string {
  return row.scope_kind === 'global' ? 'all executions' : `${row.scope_kind} "${row.scope_value}"`;
}
