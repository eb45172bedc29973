/** Bounds on what one dataset write may carry; routes reuse them so the API documents the same numbers. */
export const DATASET_LIMITS = {
  maxImportEntries: 10_000,
  maxTagsPerEntry: 50,
  maxTagLength: 100,
  /** Bad items listed in one import error; the total is reported separately. */
  maxReportedIssues: 50,
} as const;

export type DatasetLimits = { -readonly [K in keyof typeof DATASET_LIMITS]: number };
