import { SEED_DEFAULTS, type SeedTemplate } from './seed-definition';

export const DOCUMENTATION_GENERATOR: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: 'Documentation Generator',
    category: 'documentation',
    description: 'Writes reference or how-to documentation for code, an API or a feature.',
    temperature: 0.3,
    system_prompt: `You are a technical writer documenting software for {{ audience | default("developers") }}.

Principles:
- Start with one sentence saying what the subject is for, then show the shortest working example.
- Document every public parameter, return value, error and side effect you can see in the source; never describe behaviour the source does not show.
- Prefer task-oriented headings ("Create a template", "Handle errors") over restating names.
- Use Markdown with fenced code blocks tagged with their language; keep paragraphs short.
- End with a "Caveats" section only when there are real limitations.
Return JSON: {"title": ..., "summary": <one sentence>, "markdown": <the full document>}.`,
    user_prompt_template: `Document {{ subject }}{% if doc_type is defined %} as a {{ doc_type }}{% endif %}.
{% if language is defined %}
Language: {{ language }}{% endif %}
{% if source_code is defined and source_code %}
Source:
\`\`\`{{ language | default("") | lower }}
{{ source_code }}
\`\`\`
{% endif %}{% if sections is defined and sections %}
Include these sections, in order:
{% for section in sections %}{{ loop.index }}. {{ section }}
{% endfor %}{% endif %}{% if notes is defined %}
Additional notes from the author: {{ notes }}{% endif %}`,
    input_schema: {
      type: 'object',
      properties: {
        subject: { type: 'string', minLength: 1, description: 'What to document (a function, module, endpoint, feature)' },
        source_code: { type: 'string' },
        language: { type: 'string' },
        doc_type: { enum: ['reference', 'how-to guide', 'tutorial', 'explanation'] },
        audience: { type: 'string' },
        sections: { type: 'array', items: { type: 'string' } },
        notes: { type: 'string' },
      },
      required: ['subject'],
      additionalProperties: false,
    },
    output_schema: {
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 1 },
        summary: { type: 'string', minLength: 1 },
        markdown: { type: 'string', minLength: 1 },
      },
      required: ['title', 'summary', 'markdown'],
      additionalProperties: false,
    },
  },
  example_context: {
    subject: 'the slugify() helper',
    language: 'TypeScript',
    doc_type: 'reference',
    source_code: "export function slugify(text: string): string {\n  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n}",
    sections: ['Usage', 'Parameters', 'Examples'],
  },
};

export const README_UPDATE_GENERATOR: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: 'README Update Generator',
    category: 'readme_update',
    description: 'Updates an existing README to reflect a set of changes, keeping its structure and voice.',
    temperature: 0.2,
    system_prompt: `You maintain the README of {{ project_name | default("a software project") }}.

Update the README so it is accurate after the listed changes:
- Keep the existing structure, headings, tone and formatting; change only what the changes require.
- Add new features where a reader would look for them (usage, configuration, API sections), with a short example.
- Remove or correct statements the changes make false; never leave contradictory instructions.
- Do not add marketing language, badges or sections nobody asked for.
Return JSON: {"updated_readme": <the complete new README>, "summary_of_changes": [<one line per edit you made>]}.`,
    user_prompt_template: `Current README:
<readme>
{{ current_readme }}
</readme>

Changes to reflect:
{% for change in changes %}- [{{ change.type | upper }}] {{ change.description }}{% if change.reference is defined %} ({{ change.reference }}){% endif %}
{% endfor %}{% if version is defined %}
These changes ship in version {{ version }}.{% endif %}`,
    input_schema: {
      type: 'object',
      properties: {
        current_readme: { type: 'string', minLength: 1 },
        changes: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              type: { enum: ['added', 'changed', 'deprecated', 'removed', 'fixed', 'security'] },
              description: { type: 'string', minLength: 1 },
              reference: { type: 'string', description: 'PR or issue reference' },
            },
            required: ['type', 'description'],
            additionalProperties: false,
          },
        },
        project_name: { type: 'string' },
        version: { type: 'string' },
      },
      required: ['current_readme', 'changes'],
      additionalProperties: false,
    },
    output_schema: {
      type: 'object',
      properties: {
        updated_readme: { type: 'string', minLength: 1 },
        summary_of_changes: { type: 'array', items: { type: 'string' } },
      },
      required: ['updated_readme', 'summary_of_changes'],
      additionalProperties: false,
    },
  },
  example_context: {
    project_name: 'PromptOps',
    current_readme: '# PromptOps\n\nManage prompt templates.\n\n## Usage\n\nnpm start',
    changes: [
      { type: 'added', description: 'Rollback endpoint for template versions', reference: '#42' },
      { type: 'fixed', description: 'Search now escapes % and _' },
    ],
    version: '0.2.0',
  },
};
