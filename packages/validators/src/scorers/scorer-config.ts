import { z } from '@hono/zod-openapi';
import { expecting, flag, text, unitInterval } from '../messages';

/** Every limit of a scorer configuration, stated once: the parser and the OpenAPI document use these. */
export const SCORER_LIMITS = {
  maxScorers: 20,
  nameMaxChars: 100,
  fieldMaxChars: 200,
  needleMaxChars: 10_000,
  maxNeedles: 100,
  patternMaxChars: 500,
  maxFields: 100,
  rubricMaxChars: 10_000,
  judgeTemplateMaxChars: 250,
  providerMaxChars: 40,
  modelMaxChars: 200,
} as const;

/** An unknown option is named as one the scorer type does not have (`ignore_case` on json_equal). */
function variant<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject(
    {
      type: z.literal(type),
      name: text(SCORER_LIMITS.nameMaxChars)
        .optional()
        .openapi({ description: 'Label in results and summaries; default the type. Required when a type appears twice in a run' }),
      field: text(SCORER_LIMITS.fieldMaxChars).optional().openapi({
        description: 'Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object',
      }),
      ...shape,
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `is not an option of ${type} scorers` : undefined) },
  );
}

const ignoreCase = flag.optional().openapi({ description: 'Compare case-insensitively' });
const needle = text(SCORER_LIMITS.needleMaxChars);
const needles = z
  .array(needle, expecting('a list of strings'))
  .min(1, 'must hold at least one value')
  .max(SCORER_LIMITS.maxNeedles, `must hold at most ${SCORER_LIMITS.maxNeedles} values`);
const threshold = (fallback: number) => unitInterval.optional().openapi({ description: `Passes at or above this score (default ${fallback})` });
const jsonObject = z.record(z.string(), z.unknown(), expecting('a JSON object'));

const ExactMatchScorerSchema = variant('exact_match', {
  ignore_case: ignoreCase,
  normalize_whitespace: flag.optional().openapi({ description: 'Collapse runs of whitespace and trim before comparing' }),
}).openapi('ExactMatchScorer', { description: 'Passes when the output equals the expected output', example: { type: 'exact_match', ignore_case: true } });

const ContainsScorerSchema = variant('contains', {
  value: needle.optional().openapi({ description: 'One value to look for; without `value` or `values`, the expected output' }),
  values: needles.optional().openapi({ description: 'Several values to look for' }),
  match: z.enum(['all', 'any'], expecting('"all" or "any"')).optional().openapi({ description: 'Whether every value (default) or any one must appear' }),
  ignore_case: ignoreCase,
}).openapi('ContainsScorer', {
  description: 'Passes when the output holds the values',
  example: { type: 'contains', values: ['Paris', 'France'], match: 'any' },
});

const NotContainsScorerSchema = variant('not_contains', {
  value: needle.optional().openapi({ description: 'One value that must not appear; without `value` or `values`, the expected output' }),
  values: needles.optional().openapi({ description: 'Several values none of which may appear' }),
  ignore_case: ignoreCase,
}).openapi('NotContainsScorer', { description: 'Passes when the output holds none of the values', example: { type: 'not_contains', value: 'sorry' } });

const RegexScorerSchema = variant('regex', {
  pattern: text(SCORER_LIMITS.patternMaxChars).openapi({
    description: 'RE2 syntax: linear time whatever the pattern, so no backreferences or lookaround',
    example: '^\\d{4}-\\d{2}-\\d{2}$',
  }),
  flags: z
    .string(expecting('a string'))
    .regex(/^(?!.*(.).*\1)[imsu]*$/, 'must be i, m, s or u, each at most once')
    .optional()
    .openapi({ description: '`i`, `m`, `s` and `u`, each at most once', example: 'i' }),
}).openapi('RegexScorer', { description: 'Passes when the output matches the pattern', example: { type: 'regex', pattern: '^\\d+$' } });

const JsonEqualScorerSchema = variant('json_equal', {}).openapi('JsonEqualScorer', {
  description: 'Passes when the output equals the expected output as JSON, key order ignored',
  example: { type: 'json_equal' },
});

const JsonSchemaScorerSchema = variant('json_schema', {
  schema: jsonObject.openapi({ description: 'A JSON Schema (draft 2020-12) the output must satisfy' }),
}).openapi('JsonSchemaScorer', {
  description: 'Passes when the output is valid against the schema',
  example: { type: 'json_schema', schema: { type: 'object', required: ['answer'] } },
});

const JsonFieldMatchScorerSchema = variant('json_field_match', {
  fields: jsonObject
    .refine(
      (fields) => Object.keys(fields).length >= 1 && Object.keys(fields).length <= SCORER_LIMITS.maxFields,
      `must name 1 to ${SCORER_LIMITS.maxFields} fields`,
    )
    .openapi({ description: 'Dotted path → expected value', minProperties: 1, maxProperties: SCORER_LIMITS.maxFields, example: { 'answer.city': 'Paris' } }),
}).openapi('JsonFieldMatchScorer', {
  description: 'Passes when every dotted path of the output holds its value',
  example: { type: 'json_field_match', fields: { severity: 'high' } },
});

const NumericScorerSchema = variant('numeric', {
  tolerance: z.number(expecting('a number')).min(0, 'must be >= 0').openapi({ description: 'Largest accepted |output − expected|' }),
  relative: flag.optional().openapi({ description: 'Tolerance as a fraction of the expected value' }),
}).openapi('NumericScorer', {
  description: 'Passes when the output is a number within the tolerance of the expected one',
  example: { type: 'numeric', tolerance: 0.01, relative: true },
});

const SimilarityScorerSchema = variant('similarity', {
  metric: z.enum(['levenshtein', 'token_f1'], expecting('"levenshtein" or "token_f1"')),
  threshold: threshold(0.8),
  ignore_case: ignoreCase,
}).openapi('SimilarityScorer', {
  description: 'Passes when the text similarity reaches the threshold',
  example: { type: 'similarity', metric: 'token_f1', threshold: 0.5 },
});

const LlmJudgeScorerSchema = variant('llm_judge', {
  rubric: text(SCORER_LIMITS.rubricMaxChars).openapi({ description: 'What a good output is, for the judge model' }),
  threshold: threshold(0.5),
  template: text(SCORER_LIMITS.judgeTemplateMaxChars).optional().openapi({
    description: 'Judge template: id, `name` or `name@N` (default the built-in LLM Judge); a run stores the exact version id it resolved to',
  }),
  provider: text(SCORER_LIMITS.providerMaxChars).optional().openapi({ description: "The judge's provider; default the judge template's" }),
  model: text(SCORER_LIMITS.modelMaxChars).optional().openapi({ description: "The judge's model; default the judge template's" }),
}).openapi('LlmJudgeScorer', {
  description: 'Passes when a judge model scores the output against the rubric at or above the threshold',
  example: { type: 'llm_judge', rubric: 'Polite and correct?' },
});

const VARIANTS = [
  ExactMatchScorerSchema,
  ContainsScorerSchema,
  NotContainsScorerSchema,
  RegexScorerSchema,
  JsonEqualScorerSchema,
  JsonSchemaScorerSchema,
  JsonFieldMatchScorerSchema,
  NumericScorerSchema,
  SimilarityScorerSchema,
  LlmJudgeScorerSchema,
] as const;

export const SCORER_TYPES = VARIANTS.map((schema) => schema.shape.type.value);

/** One scorer and its options, by `type`; each gives a score in [0, 1], pass/fail and a reason. */
export const ScorerConfigSchema = z
  .discriminatedUnion('type', VARIANTS, {
    error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${SCORER_TYPES.join(', ')}` : 'must be a scorer: an object with a `type`'),
  })
  .openapi('ScorerConfig', {
    description:
      'A scorer and its options, by `type`; each gives a score in [0, 1], pass/fail and a reason. `name` labels it in results (required when a type appears twice); `field` scores a dotted path of the output',
    example: { type: 'exact_match', ignore_case: true, normalize_whitespace: true },
  });

export const ScorerConfigListSchema = z
  .array(ScorerConfigSchema, expecting('a list of scorers'))
  .min(1, 'must hold at least one scorer')
  .max(SCORER_LIMITS.maxScorers, `must hold at most ${SCORER_LIMITS.maxScorers} scorers`);

export type ScorerConfig = z.infer<typeof ScorerConfigSchema>;
export type ScorerType = ScorerConfig['type'];
