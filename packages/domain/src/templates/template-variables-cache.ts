import { LRUCache } from 'lru-cache';
import type { JsonText } from './template-types';

/**
 * Each version's variables (as JSON) by version id: a version's prompts never change, so neither
 * does its analysis, and a hit skips loading the version's text too. Bounded by the total length
 * kept, since one large template's analysis runs to hundreds of KB; concurrent callers for the
 * same version share one load, and a failed load is not remembered.
 */
export class TemplateVariablesCache {
  readonly #settled: LRUCache<string, JsonText>;
  readonly #pending = new Map<string, Promise<JsonText>>();

  constructor(private readonly maxChars: number) {
    this.#settled = new LRUCache({ maxSize: maxChars, sizeCalculation: (entry) => Math.max(1, entry.json.length) });
  }

  get(versionId: string, analyse: () => Promise<string>): Promise<JsonText> {
    const cached = this.#settled.get(versionId);
    if (cached) return Promise.resolve(cached);
    let loading = this.#pending.get(versionId);
    if (!loading) {
      loading = analyse().then((json) => {
        const entry = { json };
        // An analysis longer than the whole cache is not kept (lru-cache would refuse it anyway).
        if (json.length <= this.maxChars) this.#settled.set(versionId, entry);
        return entry;
      });
      const forget = () => this.#pending.delete(versionId);
      loading.then(forget, forget);
      this.#pending.set(versionId, loading);
    }
    return loading;
  }
}
