import { describeViolations, type SchemaViolation } from '@promptops/schemas';

/**
 * The message sent back to the model after an answer that is not valid JSON or breaks the output
 * schema: it quotes the exact errors so the next attempt can fix them instead of guessing.
 */
export function buildOutputFeedback(problem: { parseError: string } | { violations: SchemaViolation[] }, schema: object): string {
  const what =
    'parseError' in problem
      ? `Your previous answer was not valid JSON (${problem.parseError}).`
      : `Your previous answer did not match the required JSON Schema: ${describeViolations(problem.violations)}.`;
  return [what, 'Answer again with only a JSON value that satisfies this schema, with no prose and no code fences:', JSON.stringify(schema)].join('\n');
}
