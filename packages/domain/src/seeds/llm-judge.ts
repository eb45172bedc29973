import { SEED_DEFAULTS, type SeedTemplate } from './seed-definition';

/** Name the `llm_judge` scorer uses when a run names no judge template of its own. */
export const LLM_JUDGE_TEMPLATE = 'LLM Judge';

/** Grades one output against a rubric for the `llm_judge` scorer of evaluation runs. */
export const LLM_JUDGE: SeedTemplate = {
  template: {
    ...SEED_DEFAULTS,
    name: LLM_JUDGE_TEMPLATE,
    category: 'evaluation',
    description: 'Scores a model output against a rubric (and a reference answer when there is one) for evaluation runs.',
    temperature: 0,
    system_prompt: `You are a strict, impartial evaluator of AI-generated outputs.

How to grade:
- Judge only against the rubric. Do not reward length, confidence or style the rubric does not ask for.
- When a reference answer is given, treat it as correct; penalise contradictions of it, not different wording.
- Score from 0 (fails the rubric entirely) to 1 (fully meets it); use values in between for partial credit.
- Set passed to true only when the output meets every must-have point of the rubric.
- Give a one- or two-sentence reason that names the specific strengths or defects you found.

Return only JSON: {"score": <number 0..1>, "passed": <boolean>, "reason": "<why>"}.`,
    user_prompt_template: `Rubric:
{{ rubric | trim }}

Task input:
{{ input }}
{% if expected is defined and expected %}
Reference answer:
{{ expected }}
{% endif %}
Output to grade:
{{ output }}`,
    input_schema: {
      type: 'object',
      properties: {
        rubric: { type: 'string', minLength: 1, description: 'What a good output must do' },
        input: { type: 'string', description: 'The task input, as text or JSON' },
        output: { type: 'string', description: 'The output being graded, as text or JSON' },
        expected: { type: 'string', description: 'Reference answer, as text or JSON' },
      },
      required: ['rubric', 'input', 'output'],
      additionalProperties: false,
    },
    output_schema: {
      type: 'object',
      properties: {
        score: { type: 'number', minimum: 0, maximum: 1 },
        passed: { type: 'boolean' },
        reason: { type: 'string' },
      },
      required: ['score', 'reason'],
      additionalProperties: false,
    },
  },
  example_context: {
    rubric: 'The answer names the capital of France and nothing contradicting it.',
    input: '{"question":"What is the capital of France?"}',
    output: 'Paris is the capital of France.',
    expected: 'Paris',
  },
};
