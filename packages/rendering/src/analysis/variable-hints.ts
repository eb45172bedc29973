import type { TypeHint } from './variable-extraction';

/** What a filter says about the value it is applied to (not about its result). */
export const FILTER_INPUT_HINTS = new Map<string, TypeHint>([
  ...(
    ['upper', 'lower', 'title', 'capitalize', 'trim', 'truncate', 'replace', 'wordcount', 'striptags', 'center', 'indent', 'wordwrap', 'format'] as const
  ).map((name) => [name, 'string'] as [string, TypeHint]),
  ...(['int', 'float', 'round', 'abs', 'filesizeformat'] as const).map((name) => [name, 'number'] as [string, TypeHint]),
  ...(
    [
      'join',
      'first',
      'last',
      'sort',
      'map',
      'select',
      'reject',
      'selectattr',
      'rejectattr',
      'sum',
      'batch',
      'slice',
      'unique',
      'min',
      'max',
      'groupby',
    ] as const
  ).map((name) => [name, 'array'] as [string, TypeHint]),
  ...(['dictsort', 'items', 'xmlattr'] as const).map((name) => [name, 'object'] as [string, TypeHint]),
]);

/** What a Python-method call says about its receiver. */
export const METHOD_RECEIVER_HINTS = new Map<string, TypeHint>([
  ...[
    'upper',
    'lower',
    'strip',
    'lstrip',
    'rstrip',
    'split',
    'splitlines',
    'startswith',
    'endswith',
    'title',
    'capitalize',
    'format',
    'find',
    'rfind',
    'zfill',
    'ljust',
    'rjust',
    'isdigit',
    'isalpha',
    'swapcase',
    'casefold',
  ].map((name) => [name, 'string'] as [string, TypeHint]),
  ...['items', 'keys', 'values', 'get'].map((name) => [name, 'object'] as [string, TypeHint]),
]);

/** What a test says about its subject. */
export const TEST_SUBJECT_HINTS = new Map<string, TypeHint>([
  ['string', 'string'],
  ['lower', 'string'],
  ['upper', 'string'],
  ['number', 'number'],
  ['integer', 'number'],
  ['float', 'number'],
  ['odd', 'number'],
  ['even', 'number'],
  ['divisibleby', 'number'],
  ['boolean', 'boolean'],
  ['true', 'boolean'],
  ['false', 'boolean'],
  ['mapping', 'object'],
]);

/** Tests that are false for an absent variable, so passing one proves the variable present. */
export const DEFINING_TESTS = new Set(['defined', 'none', 'boolean', 'true', 'false', 'integer', 'float', 'number', 'string', 'mapping', 'sequence']);

export function literalHint(value: unknown): TypeHint {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || (typeof value === 'object' && value !== null && 'value' in value)) return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'unknown';
}
