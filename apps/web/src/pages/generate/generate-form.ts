import type { RequestBodyOf } from '../../api/client';

export type GenerateBody = RequestBodyOf<'/v1/templates/generate', 'post'>;
export type TemplateCategory = NonNullable<GenerateBody['category']>;

/** The form as typed: every field a string, empty meaning "not given". */
export interface GenerateForm {
  description: string;
  name: string;
  category: TemplateCategory | '';
  inputContext: string;
  provider: string;
  model: string;
}

export const EMPTY_FORM: GenerateForm = { description: '', name: '', category: '', inputContext: '', provider: '', model: '' };

export type GenerateFormErrors = Partial<Record<keyof GenerateForm, string>>;

// The API's limits (generation-route.ts), checked here so mistakes show beside the field at once.
const DESCRIPTION_MIN = 10;
const DESCRIPTION_MAX = 10_000;
const NAME_MAX = 200;
const INPUT_CONTEXT_MAX = 20_000;
const MODEL_MAX = 200;

/** The request body for the form, or what is wrong with it, field by field. */
export function toGenerateBody(form: GenerateForm): { body: GenerateBody; errors?: undefined } | { body?: undefined; errors: GenerateFormErrors } {
  const errors: GenerateFormErrors = {};
  const description = form.description.trim();
  if (description.length < DESCRIPTION_MIN) errors.description = `Describe the prompt in at least ${DESCRIPTION_MIN} characters`;
  else if (description.length > DESCRIPTION_MAX) errors.description = `At most ${DESCRIPTION_MAX.toLocaleString('en-US')} characters`;

  const name = form.name.trim();
  if (name.length > NAME_MAX) errors.name = `At most ${NAME_MAX} characters`;

  const inputContext = form.inputContext.trim();
  if (inputContext.length > INPUT_CONTEXT_MAX) errors.inputContext = `At most ${INPUT_CONTEXT_MAX.toLocaleString('en-US')} characters`;
  else if (inputContext !== '') {
    try {
      JSON.parse(inputContext);
    } catch (error) {
      errors.inputContext = `Not valid JSON: ${(error as Error).message}`;
    }
  }

  const model = form.model.trim();
  if (model.length > MODEL_MAX) errors.model = `At most ${MODEL_MAX} characters`;

  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      description,
      ...(name ? { name } : {}),
      ...(form.category ? { category: form.category } : {}),
      // Sent as the text written: the generator reads it as an example of its future input.
      ...(inputContext ? { input_context: inputContext } : {}),
      ...(form.provider ? { provider: form.provider } : {}),
      ...(model ? { model } : {}),
    },
  };
}

/** The model a provider choice will use when none is typed, for the model field's placeholder. */
export function defaultModelFor(catalog: { items: { name: string; default_model: string }[]; auto: string } | undefined, provider: string): string {
  if (!catalog) return '';
  const name = provider === '' || provider === 'auto' ? catalog.auto : provider;
  return catalog.items.find((item) => item.name === name)?.default_model ?? '';
}
