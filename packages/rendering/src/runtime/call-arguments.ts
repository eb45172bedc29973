import { type CallArguments, ensureDefined } from '../python/python-values';

/** A Python method shim: its receiver and the template's arguments. */
export type Method<Self> = (self: Self, call: CallArguments) => unknown;

/**
 * Reads parameter `index` by position or by keyword `name`, or `fallback`, as given: a value the
 * callee only stores or returns (`xs.append(x)`, `d.get(k, x)`) may be undefined, as in Jinja2.
 */
export function storedArgument(call: CallArguments, index: number, name: string, fallback: unknown): unknown {
  return index < call.positional.length ? call.positional[index] : call.keywords.has(name) ? call.keywords.get(name) : fallback;
}

/** Like storedArgument, for a value the callee uses: an undefined one fails, naming itself. */
export function argument(call: CallArguments, index: number, name: string, fallback: unknown): unknown {
  return ensureDefined(storedArgument(call, index, name, fallback));
}
