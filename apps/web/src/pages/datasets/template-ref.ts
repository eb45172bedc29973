/**
 * A template reference as the API takes it: `name` (the version the name resolves to, its highest
 * active one) or `name@N` (exactly version N). Names may themselves contain `@`, so only a final
 * `@<digits>` is read as a version.
 */
export interface TemplateRefParts {
  name: string;
  version?: number;
}

export function parseTemplateRef(ref: string): TemplateRefParts {
  const match = /^(.*)@(\d{1,9})$/.exec(ref);
  if (!match?.[1]) return { name: ref };
  return { name: match[1], version: Number(match[2]) };
}

export function formatTemplateRef({ name, version }: TemplateRefParts): string {
  return version === undefined ? name : `${name}@${version}`;
}

/** "Greeter v2" for a pinned version, "Greeter (active version)" for a bare name. */
export function describeTemplateRef(ref: string): string {
  const { name, version } = parseTemplateRef(ref);
  return version === undefined ? `${name} (active version)` : `${name} v${version}`;
}
