import { guardNesting, parseTemplate } from '../parse/parse-template';
import { type TemplateVariable, type TypeHint, collectTemplateVariables } from './variable-extraction';

export interface JsonSchema {
  $schema?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  additionalProperties?: boolean;
}

const JSON_TYPES: Record<TypeHint, string | undefined> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
  unknown: undefined,
};

/** Splits `a.b[].c` into `['a', 'b', '[]', 'c']`. */
function segmentsOf(path: string): string[] {
  return path.split('.').flatMap((part) => {
    const name = part.replace(/(\[\])+$/, '');
    const depth = (part.length - name.length) / 2;
    return [name, ...Array.from({ length: depth }, () => '[]')];
  });
}

function ensureObject(schema: JsonSchema): Record<string, JsonSchema> {
  if (schema.type === undefined || schema.type === 'object') {
    schema.type = 'object';
    schema.additionalProperties = true;
    schema.properties ??= {};
    return schema.properties;
  }
  return {};
}

function ensureArray(schema: JsonSchema): JsonSchema {
  if (schema.type === undefined || schema.type === 'array') {
    schema.type = 'array';
    schema.items ??= {};
    return schema.items;
  }
  return {};
}

function place(root: JsonSchema, variable: TemplateVariable, segments: string[]): void {
  let node = root;
  for (const segment of segments) {
    if (segment === '[]') node = ensureArray(node);
    else {
      const properties = ensureObject(node);
      properties[segment] ??= {};
      node = properties[segment];
    }
  }
  const type = JSON_TYPES[variable.type_hint];
  if (type && node.type === undefined) {
    node.type = type;
    if (type === 'object') ensureObject(node);
    if (type === 'array') ensureArray(node);
  }
}

/**
 * A draft 2020-12 JSON Schema for the context of one or more templates: nested objects for
 * dotted paths, `items` for iterated arrays, `required` for top-level variables read unguarded
 * in any template, and `additionalProperties: true` everywhere.
 */
export function suggestInputSchema(source: string | string[]): JsonSchema {
  const sources = Array.isArray(source) ? source : [source];
  return inputSchemaFor(sources.flatMap((text) => guardNesting(() => collectTemplateVariables(parseTemplate(text)))));
}

/** The schema suggestInputSchema describes, from already collected variables (element paths included). */
export function inputSchemaFor(variables: TemplateVariable[]): JsonSchema {
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {},
    required: [],
    additionalProperties: true,
  };
  // Structural paths first so `user.name` makes `user` an object even if `user` was also printed.
  // Each path is split once: splitting inside the comparator made large templates slow to analyse.
  const ordered = variables.map((variable) => ({ variable, segments: segmentsOf(variable.path) }));
  ordered.sort((a, b) => b.segments.length - a.segments.length);
  for (const { variable, segments } of ordered) place(schema, variable, segments);
  const required = new Set<string>();
  for (const variable of variables) {
    if (!variable.optional && !variable.path.includes('.') && !variable.path.includes('[]')) required.add(variable.path);
  }
  schema.required = [...required].sort();
  return schema;
}
