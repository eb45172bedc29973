import { emptyScorerDraft, fromScorerConfig, type ScorerConfig, type ScorerDraft, toScorerConfig } from './scorer-options';

/** The API's bounds on a run (RUN_LIMITS in the domain; the server test checks they agree). */
export const RUN_FORM_LIMITS = { maxConcurrency: 500, maxRepetitions: 20, defaultConcurrency: 10, maxScorers: 20 } as const;

export interface RunFormState {
  /** `name` or `name@N`. */
  template: string;
  scorers: ScorerDraft[];
  concurrency: string;
  repetitions: string;
  tags: string[];
  tagMatch: 'any' | 'all';
}

export interface RunRequestBody {
  template: string;
  scorers: ScorerConfig[];
  concurrency: number;
  repetitions: number;
  tags?: string[];
  tag_match?: 'all';
}

export interface RunFormErrors {
  template?: string;
  concurrency?: string;
  repetitions?: string;
  scorers?: string;
  /** Per scorer (by position), per option. */
  scorer?: Record<number, Record<string, string>>;
}

/** A new form: the dataset's template, and the scorers of an earlier run when there is one to repeat. */
export function initialRunForm(template: string, previousScorers?: ScorerConfig[]): RunFormState {
  return {
    template,
    scorers: previousScorers && previousScorers.length > 0 ? previousScorers.map(fromScorerConfig) : [emptyScorerDraft('exact_match')],
    concurrency: String(RUN_FORM_LIMITS.defaultConcurrency),
    repetitions: '1',
    tags: [],
    tagMatch: 'any',
  };
}

function wholeNumber(text: string, max: number, label: string): { value: number } | { error: string } {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1 || value > max) return { error: `${label} must be a whole number from 1 to ${max}` };
  return { value };
}

/** The body of `POST /v1/datasets/{id}/runs`, or what must change first. */
export function buildRunRequest(state: RunFormState): { body: RunRequestBody; errors: null } | { body: null; errors: RunFormErrors } {
  const errors: RunFormErrors = {};
  if (state.template.trim() === '') errors.template = 'Choose the template version to evaluate';
  const concurrency = wholeNumber(state.concurrency, RUN_FORM_LIMITS.maxConcurrency, 'Concurrency');
  if ('error' in concurrency) errors.concurrency = concurrency.error;
  const repetitions = wholeNumber(state.repetitions, RUN_FORM_LIMITS.maxRepetitions, 'Repetitions');
  if ('error' in repetitions) errors.repetitions = repetitions.error;
  if (state.scorers.length === 0 || state.scorers.length > RUN_FORM_LIMITS.maxScorers) errors.scorers = `Add 1 to ${RUN_FORM_LIMITS.maxScorers} scorers`;

  const configs: ScorerConfig[] = [];
  const names = new Set<string>();
  state.scorers.forEach((draft, index) => {
    const converted = toScorerConfig(draft);
    const problems: Record<string, string> = { ...converted.errors };
    if (converted.config) {
      const name = String(converted.config.name ?? converted.config.type);
      if (names.has(name)) problems.name = `Another scorer is called “${name}”; give this one its own name`;
      names.add(name);
      configs.push(converted.config);
    }
    if (Object.keys(problems).length > 0) errors.scorer = { ...errors.scorer, [index]: problems };
  });

  if (Object.keys(errors).length > 0 || 'error' in concurrency || 'error' in repetitions) return { body: null, errors };
  const body: RunRequestBody = { template: state.template.trim(), scorers: configs, concurrency: concurrency.value, repetitions: repetitions.value };
  if (state.tags.length > 0) {
    body.tags = state.tags;
    if (state.tagMatch === 'all' && state.tags.length > 1) body.tag_match = 'all';
  }
  return { body, errors: null };
}

/** How many items a run will hold: the entries it covers times the repetitions (null while unknown). */
export function plannedItems(entryCount: number | null, repetitions: string): number | null {
  const times = Number(repetitions);
  return entryCount === null || !Number.isInteger(times) || times < 1 ? null : entryCount * times;
}
