import { RANGE_PRESETS, type Bucket, type RangePreset } from '../../components/analytics/analytics-range';
import { compact, optionalOneOf, optionalString } from '../../lib/search-params';

/** The dashboard's range, bucket and scope, all in the URL so a view can be shared. */
export interface DashboardSearch {
  range?: RangePreset;
  /** First and last UTC day (YYYY-MM-DD) of a custom range. */
  from?: string;
  to?: string;
  bucket?: Bucket;
  template?: string;
  provider?: string;
  model?: string;
}

const day = (raw: Record<string, unknown>, key: string) => {
  const value = optionalString(raw, key, 10);
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
};

export function validateDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const range = optionalOneOf(raw, 'range', RANGE_PRESETS);
  return compact({
    range: range === '7d' ? undefined : range,
    from: day(raw, 'from'),
    to: day(raw, 'to'),
    bucket: optionalOneOf(raw, 'bucket', ['hour', 'day'] as const),
    template: optionalString(raw, 'template'),
    provider: optionalString(raw, 'provider', 40),
    model: optionalString(raw, 'model'),
  });
}
