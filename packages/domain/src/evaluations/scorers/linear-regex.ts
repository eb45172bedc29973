import { RE2JS } from 're2js';

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * A pattern compiled for RE2's linear-time engine (re2js, pure JavaScript): matching time grows
 * with the input, never exponentially, so a user's pattern cannot stall a worker however the
 * machine is loaded. RE2 has no backreferences or lookaround; `u` is accepted and changes nothing,
 * since RE2 always matches Unicode. Throws with the engine's message on a pattern it rejects.
 */
export function compileLinearRegex(pattern: string, flags = ''): { test(input: string): boolean } {
  const bits = [...flags].reduce((sum, flag) => sum | (FLAG_BITS[flag] ?? 0), 0);
  return RE2JS.compile(pattern, bits);
}
