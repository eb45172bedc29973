/** Label value used once a label has seen its maximum number of distinct values. */
export const OVERFLOW_LABEL = 'other';

const MAX_LABEL_LENGTH = 100;

/**
 * Caps the distinct values one label may take. Model names come from API requests, so a client
 * sending many made-up models must not create unbounded series in Prometheus; the first `max`
 * values are kept as they are and every later one is counted under "other".
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  value(raw: string): string {
    const value = raw.length > MAX_LABEL_LENGTH ? raw.slice(0, MAX_LABEL_LENGTH) : raw || 'default';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return OVERFLOW_LABEL;
    this.seen.add(value);
    return value;
  }
}
