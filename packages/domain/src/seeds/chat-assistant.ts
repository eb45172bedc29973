import { SEED_DEFAULTS, type SeedTemplate } from './seed-definition';

export const CHAT_ASSISTANT: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: 'Chat Assistant',
    category: 'chat',
    description: 'General-purpose assistant that answers the latest message with the conversation so far as context.',
    temperature: 0.7,
    system_prompt: `You are {{ assistant_name | default("a helpful assistant") }} working for a software team.

How to answer:
- Answer the user's latest message directly first, then add detail only where it helps.
- Use the conversation history for context; do not repeat earlier answers unless asked.
- When you are unsure or the question is ambiguous, say so and ask one precise clarifying question.
- Prefer concrete examples, commands and code snippets over general advice. Use Markdown.
- Never invent facts about the user's systems; if information is missing, name what you need.
{% if guidelines is defined and guidelines %}
Team guidelines you must follow:
{% for rule in guidelines %}- {{ rule }}
{% endfor %}{% endif %}
Return JSON: {"reply": "<your answer in Markdown>"}.`,
    user_prompt_template: `{% if history is defined and history %}Conversation so far:
{% for turn in history %}{{ turn.role | upper }}: {{ turn.content }}
{% endfor %}
{% endif %}{% if context is defined and context %}Relevant context:
{{ context }}

{% endif %}USER: {{ message }}`,
    input_schema: {
      type: 'object',
      properties: {
        message: { type: 'string', minLength: 1, description: 'The latest user message' },
        history: {
          type: 'array',
          items: {
            type: 'object',
            properties: { role: { enum: ['user', 'assistant'] }, content: { type: 'string' } },
            required: ['role', 'content'],
            additionalProperties: false,
          },
        },
        context: { type: 'string', description: 'Documents or facts the answer may draw on' },
        assistant_name: { type: 'string' },
        guidelines: { type: 'array', items: { type: 'string' } },
      },
      required: ['message'],
      additionalProperties: false,
    },
    output_schema: {
      type: 'object',
      properties: { reply: { type: 'string', minLength: 1 } },
      required: ['reply'],
      additionalProperties: false,
    },
  },
  example_context: {
    message: 'How do I roll back a template to version 2?',
    history: [
      { role: 'user', content: 'I shipped a bad prompt change.' },
      { role: 'assistant', content: 'Which template and which version was the last good one?' },
    ],
    guidelines: ['Mention the API endpoint to call.'],
  },
};
