import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, CardBody } from '../../components/ui/card';
import { Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { formatPercent, formatRelativeTime } from '../../lib/format';
import { DatasetSelect } from '../datasets/dataset-select';
import { datasetChoicesQuery } from '../datasets/datasets-queries';
import { shortId } from '../executions/template-refs';
import { isLiveRun } from '../runs/run-status';
import { datasetRunsQuery, type Run, runQuery } from '../runs/runs-queries';
import { compareRoute } from './compare-route';

const runLabel = (run: Run) =>
  `${run.template_ref} · ${formatPercent(run.summary.pass_rate, 1)} passed · ${formatRelativeTime(run.created_at)} (${shortId(run.id)})${isLiveRun(run.status) ? ` · ${run.status}` : ''}`;

function RunSelect({
  id,
  label,
  value,
  runs,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  runs: Run[];
  onChange: (id: string | undefined) => void;
}) {
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">Choose a run…</option>
        {runs.map((run) => (
          <option key={run.id} value={run.id} disabled={isLiveRun(run.status)}>
            {runLabel(run)}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** Picks the dataset (unless a chosen run gives it) and the two runs of it to compare. */
export function ComparePicker({ base, candidate }: { base?: string; candidate?: string }) {
  const navigate = compareRoute.useNavigate();
  const known = base ?? candidate;
  const knownRun = useQuery({ ...runQuery(known ?? ''), enabled: Boolean(known) });
  const [picked, setPicked] = useState('');
  const datasets = useQuery({ ...datasetChoicesQuery, enabled: !known });
  const datasetId = knownRun.data?.dataset_id ?? picked;
  const runs = useQuery({ ...datasetRunsQuery(datasetId, { limit: 100, offset: 0 }), enabled: datasetId !== '' });
  const items = runs.data?.items ?? [];
  const choose = (patch: { base?: string; candidate?: string }) => navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined, change: undefined }) });

  return (
    <Card className="mb-4">
      <CardBody className="flex flex-wrap items-end gap-3">
        {known ? null : (
          <div className="flex min-w-0 flex-1 flex-col gap-1.5">
            <Label htmlFor="compare-dataset">Dataset</Label>
            <DatasetSelect id="compare-dataset" value={picked} datasets={datasets.data} onChange={setPicked} />
          </div>
        )}
        {datasetId !== '' ? (
          <>
            <RunSelect id="compare-base" label="Base run (the reference)" value={base} runs={items} onChange={(id) => choose({ base: id })} />
            <RunSelect
              id="compare-candidate"
              label="Candidate run (the one judged)"
              value={candidate}
              runs={items}
              onChange={(id) => choose({ candidate: id })}
            />
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}
