import { SEED_DEFAULTS, type SeedTemplate } from './seed-definition';

const PRIORITIES = ['low', 'medium', 'high', 'critical'];

const issueProperties = {
  title: { type: 'string', minLength: 5, maxLength: 120 },
  body: { type: 'string', minLength: 1, description: 'Markdown issue body' },
  labels: { type: 'array', items: { type: 'string' }, maxItems: 8 },
  priority: { enum: PRIORITIES },
};

const ISSUE_OUTPUT_SCHEMA = {
  type: 'object',
  properties: issueProperties,
  required: ['title', 'body', 'labels', 'priority'],
  additionalProperties: false,
};

const ISSUE_WRITING_RULES = `Write issues a maintainer can act on without asking follow-up questions:
- Title: imperative or descriptive, specific, under 80 characters, no trailing period.
- Body (Markdown): a short summary, then the sections that apply: "Steps to reproduce", "Expected behaviour", "Actual behaviour", "Environment", "Proposed solution", "Acceptance criteria" (as a checklist).
- Quote error messages and logs verbatim in fenced code blocks; never invent details that are not in the input. Mark unknowns as "Unknown".
- Priority: critical = data loss, security or outage; high = a core flow is broken without workaround; medium = broken with a workaround or an important improvement; low = cosmetic or nice to have.`;

const labelsSection = `{% if available_labels is defined and available_labels %}
Choose labels only from: {{ available_labels | join(", ") }}.{% else %}
Choose 1-4 short, lower-case labels (e.g. bug, enhancement, docs, performance).{% endif %}`;

export const AUTO_ISSUE_GENERATOR: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: 'Auto Issue Generator',
    category: 'auto_issue',
    description: 'Turns an error report, log excerpt or monitoring alert into a well-formed issue.',
    temperature: 0.3,
    system_prompt: `You are a senior engineer triaging automated signals (errors, failed jobs, alerts) into issues for {{ repository | default("the project") }}.

${ISSUE_WRITING_RULES}

Group repeated log lines, identify the most likely failing component and say how confident you are. Return JSON with title, body, labels and priority.`,
    user_prompt_template: `Source: {{ source_type | default("error report") }}{% if component is defined %} in component "{{ component }}"{% endif %}

{{ report }}
{% if environment is defined %}
Environment:
{% for key, value in environment | dictsort %}- {{ key }}: {{ value }}
{% endfor %}{% endif %}{% if occurrences is defined %}
Seen {{ occurrences }} time{{ "s" if occurrences != 1 else "" }}.{% endif %}
${labelsSection}`,
    input_schema: {
      type: 'object',
      properties: {
        report: { type: 'string', minLength: 1, description: 'Error message, stack trace, log excerpt or alert text' },
        source_type: { type: 'string', examples: ['stack trace', 'CI failure', 'alert'] },
        repository: { type: 'string' },
        component: { type: 'string' },
        environment: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
        occurrences: { type: 'integer', minimum: 1 },
        available_labels: { type: 'array', items: { type: 'string' } },
      },
      required: ['report'],
      additionalProperties: false,
    },
    output_schema: ISSUE_OUTPUT_SCHEMA,
  },
  example_context: {
    report: "TypeError: Cannot read properties of undefined (reading 'id')\n    at renderInvoice (invoice.ts:42:17)",
    source_type: 'stack trace',
    repository: 'acme/billing',
    component: 'invoices',
    environment: { node: '20.11', region: 'eu-west-1' },
    occurrences: 17,
    available_labels: ['bug', 'billing', 'regression'],
  },
};

export const FEEDBACK_ISSUE_CREATOR: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: 'Feedback Issue Creator',
    category: 'feedback_issue',
    description: 'Turns user feedback (support tickets, survey answers, chat messages) into a triaged issue.',
    temperature: 0.4,
    system_prompt: `You are a product manager turning raw user feedback into issues for {{ product | default("our product") }}.

${ISSUE_WRITING_RULES}

Feedback is written by users, not engineers: separate what they experienced from what they ask for, keep their words in a quote block, remove personal data (emails, phone numbers, names other than the product's), and classify the issue as a bug, feature request, improvement or question. Return JSON with title, body, labels, priority and kind.`,
    user_prompt_template: `Feedback{% if channel is defined %} received via {{ channel }}{% endif %}{% if customer is defined %} from a {{ customer.plan | default("free") }}-plan customer{% endif %}:

"""
{{ feedback | trim }}
"""
{% if product_area is defined %}Product area: {{ product_area }}
{% endif %}{% if related_feedback is defined and related_feedback %}
Similar feedback from other users ({{ related_feedback | length }}):
{% for item in related_feedback %}- {{ item }}
{% endfor %}{% endif %}${labelsSection}`,
    input_schema: {
      type: 'object',
      properties: {
        feedback: { type: 'string', minLength: 1 },
        channel: { type: 'string', examples: ['support ticket', 'in-app survey', 'community forum'] },
        product: { type: 'string' },
        product_area: { type: 'string' },
        customer: { type: 'object', properties: { plan: { type: 'string' } }, additionalProperties: true },
        related_feedback: { type: 'array', items: { type: 'string' } },
        available_labels: { type: 'array', items: { type: 'string' } },
      },
      required: ['feedback'],
      additionalProperties: false,
    },
    output_schema: {
      type: 'object',
      properties: { ...issueProperties, kind: { enum: ['bug', 'feature_request', 'improvement', 'question'] } },
      required: ['title', 'body', 'labels', 'priority', 'kind'],
      additionalProperties: false,
    },
  },
  example_context: {
    feedback: 'Exporting a dataset with more than 10k rows just spins forever. I need this for my weekly report!',
    channel: 'support ticket',
    product_area: 'datasets',
    customer: { plan: 'team' },
    related_feedback: ['CSV export times out', 'Export is very slow for big datasets'],
  },
};

export const SUB_ISSUE_GENERATOR: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: 'Sub-Issue Generator',
    category: 'sub_issue',
    description: 'Breaks a large issue or epic into small, independently deliverable sub-issues.',
    temperature: 0.4,
    system_prompt: `You are a tech lead breaking a large issue into sub-issues that one engineer can finish in one to three days each.

Rules:
- Each sub-issue delivers something testable on its own; avoid "research" or "misc" buckets unless the work is genuinely unknown.
- Order sub-issues so that dependencies come first; "depends_on" lists the 1-based positions of earlier sub-issues it needs.
- Every body states the goal, the scope (what is explicitly out of scope) and acceptance criteria as a Markdown checklist.
- Cover tests, documentation and migration or rollout work when the parent needs them.
- Estimate each sub-issue as S (< 1 day), M (1-2 days) or L (2-3 days); split anything bigger.
Return JSON: {"sub_issues": [...]}.`,
    user_prompt_template: `Parent issue: {{ parent.title }}

{{ parent.body }}
{% if parent.labels is defined and parent.labels %}
Parent labels: {{ parent.labels | join(", ") }}{% endif %}
{% if roles is defined and roles %}Team roles available: {{ roles | join(", ") }}
{% endif %}{% if constraints is defined and constraints %}Constraints:
{% for constraint in constraints %}- {{ constraint }}
{% endfor %}{% endif %}
Produce at most {{ max_sub_issues | default(8) }} sub-issues.`,
    input_schema: {
      type: 'object',
      properties: {
        parent: {
          type: 'object',
          properties: {
            title: { type: 'string', minLength: 1 },
            body: { type: 'string' },
            labels: { type: 'array', items: { type: 'string' } },
          },
          required: ['title', 'body'],
          additionalProperties: false,
        },
        max_sub_issues: { type: 'integer', minimum: 1, maximum: 20 },
        roles: { type: 'array', items: { type: 'string' } },
        constraints: { type: 'array', items: { type: 'string' } },
      },
      required: ['parent'],
      additionalProperties: false,
    },
    output_schema: {
      type: 'object',
      properties: {
        sub_issues: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: {
            type: 'object',
            properties: {
              title: issueProperties.title,
              body: issueProperties.body,
              labels: issueProperties.labels,
              estimate: { enum: ['S', 'M', 'L'] },
              depends_on: { type: 'array', items: { type: 'integer', minimum: 1 } },
            },
            required: ['title', 'body', 'labels', 'estimate', 'depends_on'],
            additionalProperties: false,
          },
        },
      },
      required: ['sub_issues'],
      additionalProperties: false,
    },
  },
  example_context: {
    parent: {
      title: 'Support dataset import from CSV',
      body: 'Users want to upload CSV files as dataset entries, with column mapping and validation against the input schema.',
      labels: ['feature', 'datasets'],
    },
    max_sub_issues: 5,
    roles: ['backend', 'frontend'],
    constraints: ['Files up to 10 MB'],
  },
};
