import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Play, Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { ErrorAlert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { cn } from '../../lib/cn';
import { formatNumber } from '../../lib/format';
import type { Dataset } from '../datasets/datasets-queries';
import { TemplateVersionPicker } from '../datasets/template-version-picker';
import { datasetRunsQuery, runKeys } from '../runs/runs-queries';
import { buildRunRequest, initialRunForm, plannedItems, RUN_FORM_LIMITS, type RunFormErrors, type RunFormState } from './run-form';
import { ScorerFields } from './scorer-fields';
import { emptyScorerDraft } from './scorer-options';

/** Items the run will cover: every entry, those with the one chosen tag, or unknown for several tags. */
function coveredEntries(dataset: Dataset, tags: string[]): number | null {
  if (tags.length === 0) return dataset.entry_count;
  return tags.length === 1 ? (dataset.tags[tags[0] as string] ?? 0) : null;
}

function RunForm({
  dataset,
  state,
  setState,
  errors,
}: {
  dataset: Dataset;
  state: RunFormState;
  setState: (update: (current: RunFormState) => RunFormState) => void;
  errors: RunFormErrors;
}) {
  const tags = Object.keys(dataset.tags);
  const items = plannedItems(coveredEntries(dataset, state.tags), state.repetitions);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <TemplateVersionPicker value={state.template} onChange={(template) => setState((current) => ({ ...current, template }))} label="Template to evaluate" />
        {errors.template ? (
          <p className="mt-1 text-xs text-red-600" role="alert">
            {errors.template}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-zinc-700">Scorers</p>
        <p className="-mt-1 text-xs text-zinc-500">An item passes when every scorer passes; its score is their mean.</p>
        {state.scorers.map((draft, index) => (
          <ScorerFields
            // biome-ignore lint/suspicious/noArrayIndexKey: scorers are edited in place and have no id of their own.
            key={index}
            draft={draft}
            index={index}
            errors={errors.scorer?.[index]}
            onChange={(next) => setState((current) => ({ ...current, scorers: current.scorers.map((each, i) => (i === index ? next : each)) }))}
            onRemove={
              state.scorers.length > 1 ? () => setState((current) => ({ ...current, scorers: current.scorers.filter((_, i) => i !== index) })) : undefined
            }
          />
        ))}
        {errors.scorers ? <p className="text-xs text-red-600">{errors.scorers}</p> : null}
        {state.scorers.length < RUN_FORM_LIMITS.maxScorers ? (
          <Button
            size="sm"
            variant="ghost"
            className="self-start"
            onClick={() => setState((current) => ({ ...current, scorers: [...current.scorers, emptyScorerDraft('exact_match')] }))}
          >
            <Plus /> Add scorer
          </Button>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Concurrency" htmlFor="run-concurrency" hint="Items executing at once" error={errors.concurrency}>
          <Input
            id="run-concurrency"
            type="number"
            min={1}
            max={RUN_FORM_LIMITS.maxConcurrency}
            value={state.concurrency}
            onChange={(event) => setState((current) => ({ ...current, concurrency: event.target.value }))}
          />
        </Field>
        <Field label="Repetitions" htmlFor="run-repetitions" hint="Times each entry runs" error={errors.repetitions}>
          <Input
            id="run-repetitions"
            type="number"
            min={1}
            max={RUN_FORM_LIMITS.maxRepetitions}
            value={state.repetitions}
            onChange={(event) => setState((current) => ({ ...current, repetitions: event.target.value }))}
          />
        </Field>
      </div>
      {tags.length > 0 ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium text-zinc-700">Only entries tagged (optional)</legend>
          <div className="flex flex-wrap gap-1.5">
            {tags.map((tag) => {
              const on = state.tags.includes(tag);
              return (
                <button
                  key={tag}
                  type="button"
                  aria-pressed={on}
                  onClick={() => setState((current) => ({ ...current, tags: on ? current.tags.filter((each) => each !== tag) : [...current.tags, tag] }))}
                  className={cn(
                    'rounded-full border px-2 py-0.5 text-xs',
                    on ? 'border-brand-600 bg-brand-50 text-brand-700' : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100',
                  )}
                >
                  {tag}
                </button>
              );
            })}
          </div>
          {state.tags.length > 1 ? (
            <label className="flex items-center gap-1.5 text-xs text-zinc-600">
              <input
                type="checkbox"
                className="size-3.5 accent-brand-600"
                checked={state.tagMatch === 'all'}
                onChange={(event) => setState((current) => ({ ...current, tagMatch: event.target.checked ? 'all' : 'any' }))}
              />
              Entries with all of these tags (instead of any)
            </label>
          ) : null}
        </fieldset>
      ) : null}
      <p className="text-sm text-zinc-600">
        {items === null ? 'The run covers the entries with these tags.' : `The run will execute ${formatNumber(items)} item${items === 1 ? '' : 's'}.`}
      </p>
    </div>
  );
}

/**
 * Starts an evaluation run over the dataset and opens its page. The form starts from the dataset's
 * template and the scorers of its latest run, if any.
 */
export function StartRunDialog({ dataset }: { dataset: Dataset }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reused, setReused] = useState(false);
  const [state, setState] = useState<RunFormState>(() => initialRunForm(''));
  const [errors, setErrors] = useState<RunFormErrors>({});
  // One key per opening of the form: a double click or a retried request cannot start two runs.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const start = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof buildRunRequest>['body']>) =>
      unwrap(api.POST('/v1/datasets/{id}/runs', { params: { path: { id: dataset.id }, header: { 'idempotency-key': idempotencyKey } }, body })),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: runKeys.lists });
      toast('Run started');
      setOpen(false);
      await navigate({ to: '/runs/$id', params: { id: run.id } });
    },
  });

  async function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) return;
    setErrors({});
    start.reset();
    setIdempotencyKey(crypto.randomUUID());
    const previous = (await queryClient.fetchQuery(datasetRunsQuery(dataset.id, { limit: 1, offset: 0 })).catch(() => null))?.items[0];
    setReused(Boolean(previous));
    setState(initialRunForm(dataset.template ?? '', previous?.scorers));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildRunRequest(state);
    if (built.errors) return setErrors(built.errors);
    setErrors({});
    start.mutate(built.body);
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="primary" disabled={dataset.entry_count === 0} title={dataset.entry_count === 0 ? 'Add entries first' : undefined}>
          <Play /> Start run
        </Button>
      </DialogTrigger>
      <DialogContent
        className="w-[min(46rem,calc(100vw-2rem))]"
        title="Start an evaluation run"
        description={`Executes a template version over “${dataset.name}” and scores every output.${reused ? ' The scorers of the latest run are filled in.' : ''}`}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="start-run" disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Start run'}
            </Button>
          </>
        }
      >
        <form id="start-run" onSubmit={submit} noValidate>
          <RunForm dataset={dataset} state={state} setState={setState} errors={errors} />
          {start.isError ? <ErrorAlert className="mt-4" error={start.error} title="Could not start the run" /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
