import { z } from '@hono/zod-openapi';

const ENTRY_CHANGES = ['improved', 'regressed', 'unchanged'] as const;
export type EntryChange = (typeof ENTRY_CHANGES)[number];

const COMPARISON_VERDICTS = ['better', 'worse', 'no_significant_difference'] as const;
export type ComparisonVerdict = (typeof COMPARISON_VERDICTS)[number];

const SideSchema = z.object({ passed: z.boolean(), score: z.number() });
const RatesSchema = z.object({ pass_rate: z.number().nullable(), mean_score: z.number().nullable() });

const EntryComparisonSchema = z.object({
  dataset_entry_id: z.string(),
  repetition: z.number().int(),
  base: SideSchema,
  candidate: SideSchema,
  change: z.enum(ENTRY_CHANGES),
});

export type EntryComparison = z.infer<typeof EntryComparisonSchema>;

/** Two finished runs over the same dataset, paired item by item, with significance tests. */
export const RunComparisonSchema = z
  .object({
    base_run_id: z.string(),
    candidate_run_id: z.string(),
    dataset_id: z.string(),
    pairs: z.number().int().openapi({ description: '(entry, repetition) items finished in both runs' }),
    counts: z.object({ improved: z.number().int(), regressed: z.number().int(), unchanged: z.number().int() }),
    base: RatesSchema,
    candidate: RatesSchema,
    deltas: z.object({
      pass_rate: z.number().nullable(),
      mean_score: z.number().nullable(),
      scorers: z.record(z.string(), z.number()),
      latency_p50_ms: z.number().nullable(),
      cost_usd: z.number().nullable(),
    }),
    mcnemar: z
      .object({ b: z.number().int(), c: z.number().int(), p_value: z.number() })
      .openapi({ description: 'Exact McNemar test on paired pass/fail (b: base only, c: candidate only)' }),
    bootstrap: z
      .object({
        mean_difference: z.number(),
        lower: z.number(),
        upper: z.number(),
        confidence: z.number(),
        resamples: z.number().int(),
        seed: z.number().int(),
      })
      .openapi({ description: 'Seeded paired bootstrap interval of the mean score difference (candidate − base)' }),
    alpha: z.number(),
    verdict: z.enum(COMPARISON_VERDICTS),
    entries: z.array(EntryComparisonSchema),
  })
  .openapi('RunComparison');

export type RunComparison = z.infer<typeof RunComparisonSchema>;
