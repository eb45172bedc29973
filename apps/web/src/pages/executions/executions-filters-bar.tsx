import { FilterX } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Input, Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import {
  describeTemplateFilter,
  displayedChoice,
  filterProblems,
  fromLocalInputValue,
  hasFilters,
  type PickedRange,
  rangeForChoice,
  TIME_PRESETS,
  type TimeRangeChoice,
  toLocalInputValue,
} from './execution-filters';
import { failureLabel } from '../../components/executions/execution-status';
import { EXECUTION_KINDS, EXECUTION_STATUSES, FAILURE_KINDS } from '../../api/enums';
import type { ExecutionsSearch } from './executions-search';

const DEBOUNCE_MS = 400;

/** A text filter that writes to the URL once typing pauses, and follows the URL when it changes. */
function useDebouncedText(value: string | undefined, commit: (value: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  const [committed, setCommitted] = useState(value ?? '');
  // The parent passes a new callback each render; a ref keeps the pending timer from restarting.
  const commitRef = useRef(commit);
  commitRef.current = commit;
  if ((value ?? '') !== committed) {
    // The URL changed under us (back button, a cleared filter): show what it now says.
    setCommitted(value ?? '');
    setText(value ?? '');
  }
  useEffect(() => {
    if (text.trim() === committed.trim()) return;
    const timer = setTimeout(() => {
      setCommitted(text);
      commitRef.current(text.trim() || undefined);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, committed]);
  return [text, setText] as const;
}

export function ExecutionsFiltersBar({ search, onChange }: { search: ExecutionsSearch; onChange: (patch: Partial<ExecutionsSearch>) => void }) {
  const [template, setTemplate] = useDebouncedText(search.template, (value) => onChange({ template: value }));
  const [run, setRun] = useDebouncedText(search.run, (value) => onChange({ run: value }));
  // A preset writes absolute times to the URL; remember which one was picked while the page is open.
  const [picked, setPicked] = useState<PickedRange | null>(null);
  const choice = displayedChoice(picked, search);
  const problems = filterProblems(search);

  function chooseRange(next: TimeRangeChoice) {
    const range = rangeForChoice(next, Date.now(), search);
    setPicked({ choice: next, ...range });
    onChange(range);
  }

  return (
    <div className="mb-4 flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Field label="Template" htmlFor="filter-template" hint={describeTemplateFilter(template)} className="col-span-2 xl:col-span-2">
          <Input id="filter-template" placeholder="Name or Name@2" value={template} onChange={(event) => setTemplate(event.target.value)} />
        </Field>
        <Field label="Status" htmlFor="filter-status">
          <Select
            id="filter-status"
            value={search.status ?? ''}
            onChange={(event) => onChange({ status: (event.target.value || undefined) as ExecutionsSearch['status'] })}
          >
            <option value="">Any status</option>
            {EXECUTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Failure kind" htmlFor="filter-failure">
          <Select
            id="filter-failure"
            value={search.failure_kind ?? ''}
            onChange={(event) => onChange({ failure_kind: (event.target.value || undefined) as ExecutionsSearch['failure_kind'] })}
          >
            <option value="">Any failure</option>
            {FAILURE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {failureLabel(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kind" htmlFor="filter-kind">
          <Select
            id="filter-kind"
            value={search.kind ?? ''}
            onChange={(event) => onChange({ kind: (event.target.value || undefined) as ExecutionsSearch['kind'] })}
          >
            <option value="">Any kind</option>
            {EXECUTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Run id" htmlFor="filter-run" error={problems.run}>
          <Input id="filter-run" placeholder="Evaluation run id" value={run} onChange={(event) => setRun(event.target.value)} />
        </Field>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <Field label="Time range" htmlFor="filter-range" className="w-44">
          <Select id="filter-range" value={choice} onChange={(event) => chooseRange(event.target.value as TimeRangeChoice)}>
            <option value="all">All time</option>
            {TIME_PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.label}
              </option>
            ))}
            <option value="custom">Custom range</option>
          </Select>
        </Field>
        {choice === 'custom' ? (
          <>
            <Field label="From" htmlFor="filter-from" className="w-56">
              <Input
                id="filter-from"
                type="datetime-local"
                value={toLocalInputValue(search.from)}
                onChange={(event) => onChange({ from: fromLocalInputValue(event.target.value) })}
              />
            </Field>
            <Field label="To" htmlFor="filter-to" className="w-56" error={problems.range}>
              <Input
                id="filter-to"
                type="datetime-local"
                value={toLocalInputValue(search.to)}
                onChange={(event) => onChange({ to: fromLocalInputValue(event.target.value) })}
              />
            </Field>
          </>
        ) : null}
        {hasFilters(search) ? (
          <Button
            variant="ghost"
            // Level with the inputs, below their labels.
            className="ml-auto mt-6.5"
            onClick={() => {
              setPicked(null);
              onChange({ template: undefined, status: undefined, failure_kind: undefined, kind: undefined, from: undefined, to: undefined, run: undefined });
            }}
          >
            <FilterX /> Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
