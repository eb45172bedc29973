import { useQuery } from '@tanstack/react-query';
import { FilterX } from 'lucide-react';
import { useState } from 'react';
import { providersQuery } from '../../api/queries';
import { customRangeProblem, RANGE_LABELS, RANGE_PRESETS, type RangePreset } from '../../components/analytics/analytics-range';
import { Button } from '../../components/ui/button';
import { Input, Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import type { DashboardSearch } from './dashboard-search';

/** A text filter applied on Enter or when the field loses focus, not on every keystroke. */
function CommitInput({
  id,
  value,
  placeholder,
  onCommit,
}: {
  id: string;
  value: string | undefined;
  placeholder: string;
  onCommit: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The URL changed under us (back button, cleared filters): show what it now says.
    setShown(value);
    setText(value ?? '');
  }
  const commit = () => {
    const next = text.trim() || undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <Input
      id={id}
      value={text}
      placeholder={placeholder}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

export function DashboardFilters({ search, onChange }: { search: DashboardSearch; onChange: (patch: Partial<DashboardSearch>) => void }) {
  const providers = useQuery(providersQuery);
  const range = search.range ?? '7d';
  const problem = range === 'custom' ? customRangeProblem(search) : null;
  const filtered = search.template !== undefined || search.provider !== undefined || search.model !== undefined;
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Field label="Range" htmlFor="analytics-range">
          <Select id="analytics-range" value={range} onChange={(event) => onChange({ range: event.target.value as RangePreset })}>
            {RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {RANGE_LABELS[preset]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Buckets" htmlFor="analytics-bucket">
          <Select
            id="analytics-bucket"
            value={search.bucket ?? ''}
            onChange={(event) => onChange({ bucket: (event.target.value || undefined) as DashboardSearch['bucket'] })}
          >
            <option value="">Automatic</option>
            <option value="hour">Hours</option>
            <option value="day">Days</option>
          </Select>
        </Field>
        <Field label="Template" htmlFor="analytics-template">
          <CommitInput id="analytics-template" value={search.template} placeholder="Any template" onCommit={(template) => onChange({ template })} />
        </Field>
        <Field label="Provider" htmlFor="analytics-provider">
          <Select id="analytics-provider" value={search.provider ?? ''} onChange={(event) => onChange({ provider: event.target.value || undefined })}>
            <option value="">Any provider</option>
            {(providers.data?.items ?? []).map((provider) => (
              <option key={provider.name} value={provider.name}>
                {provider.name}
              </option>
            ))}
            {search.provider && !providers.data?.items.some((p) => p.name === search.provider) ? (
              <option value={search.provider}>{search.provider}</option>
            ) : null}
          </Select>
        </Field>
        <Field label="Model" htmlFor="analytics-model">
          <CommitInput id="analytics-model" value={search.model} placeholder="Any model" onCommit={(model) => onChange({ model })} />
        </Field>
        <div className="flex items-end">
          <Button variant="ghost" size="sm" disabled={!filtered} onClick={() => onChange({ template: undefined, provider: undefined, model: undefined })}>
            <FilterX /> Clear filters
          </Button>
        </div>
      </div>
      {range === 'custom' ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Field label="First day (UTC)" htmlFor="analytics-from" error={problem}>
            <Input id="analytics-from" type="date" value={search.from ?? ''} onChange={(event) => onChange({ from: event.target.value || undefined })} />
          </Field>
          <Field label="Last day (UTC)" htmlFor="analytics-to">
            <Input id="analytics-to" type="date" value={search.to ?? ''} onChange={(event) => onChange({ to: event.target.value || undefined })} />
          </Field>
        </div>
      ) : null}
    </div>
  );
}
