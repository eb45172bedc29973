/**
 * Template categories and tags are short slugs (the API's SLUG_PATTERN, checked in slug.test.ts):
 * lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export const SLUG_RULE = 'Lowercase letters, digits, - and _, starting with a letter or digit, up to 40 characters';

export const MAX_TEMPLATE_TAGS = 20;

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/** What a person typed, as the slug they meant: "Code Review!" → "code-review"; '' when nothing is left. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s.]+/g, '-')
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[-_]+/, '')
    .slice(0, 40);
}

/** Adds the slugs of comma-separated `text` to `tags`, keeping order and dropping repeats and blanks. */
export function addSlugs(tags: readonly string[], text: string): string[] {
  const added = text
    .split(',')
    .map(toSlug)
    .filter((tag) => tag !== '');
  return [...new Set([...tags, ...added])];
}
