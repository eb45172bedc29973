import type { Random } from './seeded-random';

const WORDS = ['alpha', 'bravo', 'delta', 'echo', 'harbor', 'lumen', 'maple', 'nova', 'orbit', 'quartz', 'river', 'summit'];

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4'; // version 4
  hex[16] = (8 + random.int(0, 3)).toString(16); // RFC 4122 variant
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function isoDate(random: Random): string {
  // A fixed window keeps outputs reproducible (no Date.now()).
  const day = new Date(Date.UTC(2024, 0, 1) + random.int(0, 364) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function time(random: Random): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(random.int(8, 18))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
}

/** A deterministic value for the JSON-Schema `format`s ajv-formats knows; undefined for unknown formats. */
export function sampleFormat(format: string, random: Random): string | undefined {
  const word = random.pick(WORDS);
  const n = random.int(1, 254);
  switch (format) {
    case 'email':
    case 'idn-email':
      return `${word}.${n}@example.com`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/${word}/${n}`;
    case 'uri-reference':
    case 'iri-reference':
      return `/${word}/${n}`;
    case 'uri-template':
      return `https://example.com/${word}/{id}`;
    case 'hostname':
    case 'idn-hostname':
      return `${word}.example.com`;
    case 'ipv4':
      return `192.0.2.${n}`;
    case 'ipv6':
      return `2001:db8::${n.toString(16)}`;
    case 'date':
      return isoDate(random);
    case 'time':
      return `${time(random)}Z`;
    case 'date-time':
      return `${isoDate(random)}T${time(random)}Z`;
    case 'iso-time':
      return `${time(random)}Z`;
    case 'iso-date-time':
      return `${isoDate(random)}T${time(random)}Z`;
    case 'duration':
      return `P${random.int(1, 30)}D`;
    case 'uuid':
      return uuid(random);
    case 'json-pointer':
      return `/${word}/0`;
    case 'relative-json-pointer':
      return `0/${word}`;
    case 'regex':
      return '^[a-z]+$';
    case 'byte':
      return Buffer.from(`${word}-${n}`).toString('base64');
    case 'password':
    case 'binary':
      return `${word}-${n}`;
    default:
      return undefined;
  }
}

export function sampleWord(random: Random): string {
  return random.pick(WORDS);
}
