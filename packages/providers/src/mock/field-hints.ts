import { sampleFormat, sampleWord } from './format-samples';
import type { Random } from './seeded-random';

const NAMES = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Katherine Johnson', 'Linus Pauling', 'Mae Jemison'];

/**
 * Friendlier strings for common property names, so mock output reads like plausible data in demos.
 * Purely cosmetic: the caller still enforces every schema constraint.
 */
export function hintedString(key: string | undefined, random: Random): string | undefined {
  if (!key) return undefined;
  const k = key.toLowerCase();
  if (k.includes('email')) return sampleFormat('email', random);
  if (/(^|_)(url|uri|link|website|href)$/.test(k)) return sampleFormat('uri', random);
  if (/(^|_)id$/.test(k) || key.endsWith('Id')) return `${sampleWord(random)}-${random.int(100, 999)}`;
  if (/(first|last|full|user|author|display)?_?name$/.test(k)) return random.pick(NAMES);
  if (/title|headline|subject/.test(k)) return `Mock ${sampleWord(random)} ${k}`;
  if (/(^|_)(lang|language|locale)$/.test(k)) return 'en';
  if (/country/.test(k)) return 'US';
  if (/currency/.test(k)) return 'USD';
  if (/date$|_at$|timestamp/.test(k)) return sampleFormat('date-time', random);
  if (/summary|description|reason|explanation|answer|text|content|body|message|comment|rationale/.test(k)) {
    return `Mock ${k.replace(/_/g, ' ')} about ${sampleWord(random)} and ${sampleWord(random)}.`;
  }
  return undefined;
}

/** Keys such as `confidence` usually mean a 0..1 fraction when the schema gives no bounds. */
export function isFractionKey(key: string | undefined): boolean {
  return key !== undefined && /confidence|probability|likelihood|ratio|^score$/i.test(key);
}
