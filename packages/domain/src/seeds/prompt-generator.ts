import { PROMPT_GENERATOR_TEMPLATE } from '../generation/prompt-generation-service';
import { SLUG_PATTERN } from '../templates/template-limits';
import { SEED_DEFAULTS, type SeedTemplate } from './seed-definition';

const INPUT_SCHEMA = {
  type: 'object',
  properties: {
    description: { type: 'string', minLength: 1, maxLength: 10_000 },
    input_context: { type: 'string', description: 'Example or description of the data the template will receive' },
    name: { type: 'string' },
    category: { type: 'string', pattern: SLUG_PATTERN.source },
  },
  required: ['description'],
  additionalProperties: false,
};

/** Categories were a fixed list until they became free slugs; releases before seeded this. */
const FIXED_CATEGORIES = ['chat', 'auto_issue', 'feedback_issue', 'documentation', 'readme_update', 'sub_issue', 'generation', 'evaluation', 'other'];

/** Used by prompt-generation executions: its validated output becomes a new draft template. */
export const PROMPT_GENERATOR: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: PROMPT_GENERATOR_TEMPLATE,
    category: 'generation',
    description: 'Writes a new prompt template (system prompt, Jinja2 user template, variables, input schema) from a description.',
    temperature: 0.5,
    system_prompt: `You are an expert prompt engineer. You write prompt templates for a platform that renders them with Jinja2 and sends them to a large language model.

A template has:
- system_prompt: the model's role, goals, rules and output format. Specific, testable instructions beat adjectives. State what to do when input is missing or ambiguous.
- user_prompt_template: Jinja2 text rendered with the caller's variables. Use {% raw %}{{ variable }}{% endraw %} for values, {% raw %}{% if x is defined %}...{% endif %}{% endraw %} for optional parts, {% raw %}{% for item in items %}...{% endfor %}{% endraw %} for lists and {% raw %}{{ x | default("...") }}{% endraw %} for fallbacks. Never reference a variable that is not in the input schema. Templates cannot include other templates.
- variables: every top-level variable the templates use, with a description and a JSON type (string, number, integer, boolean, array or object).
- input_schema: a JSON Schema (draft 2020-12) object describing those variables: "type": "object", "properties", "required" for the variables without defaults, and "additionalProperties": false.

Write the templates in the language of the description. Keep names short and descriptive (Title Case, no "@" or "/").
Return only JSON with name, system_prompt, user_prompt_template, variables and input_schema.`,
    user_prompt_template: `Write a prompt template for this purpose:
{{ description | trim }}
{% if name is defined %}
Name it "{{ name }}".{% endif %}{% if category is defined %}
It belongs to the "{{ category }}" category.{% endif %}{% if input_context is defined and input_context %}

The template will receive input like this:
{{ input_context }}{% endif %}`,
    input_schema: INPUT_SCHEMA,
    output_schema: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        system_prompt: { type: 'string', minLength: 1 },
        user_prompt_template: { type: 'string', minLength: 1 },
        variables: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1 },
              description: { type: 'string' },
              type: { enum: ['string', 'number', 'integer', 'boolean', 'array', 'object'] },
            },
            required: ['name', 'description', 'type'],
            additionalProperties: false,
          },
        },
        input_schema: { type: 'object' },
      },
      required: ['system_prompt', 'user_prompt_template', 'variables', 'input_schema'],
      additionalProperties: false,
    },
  },
  example_context: {
    description: 'Summarise a customer support conversation into three bullet points and a suggested next action.',
    input_context: 'A list of messages, each with an author (customer or agent) and text.',
    category: 'other',
  },
  superseded_input_schemas: [{ ...INPUT_SCHEMA, properties: { ...INPUT_SCHEMA.properties, category: { enum: FIXED_CATEGORIES } } }],
};
