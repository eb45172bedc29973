import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { X } from 'lucide-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Execution } from '../../api/queries';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent } from '../../components/ui/dialog';
import { ErrorAlert } from '../../components/ui/feedback';
import { Textarea } from '../../components/ui/input';
import { Field, Label } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { refreshDataset } from '../dataset-detail/dataset-queries';
import type { EntryDraft } from '../dataset-detail/entry-form';
import { TagInput } from '../../components/ui/tag-input';
import { addTags } from '../dataset-detail/entry-form';
import { DatasetSelect } from '../datasets/dataset-select';
import { datasetChoicesQuery } from '../datasets/datasets-queries';
import { draftFromExecution, entriesFromDrafts, problemsByIndex } from './add-to-dataset';
import { shortId } from './template-refs';

interface Row {
  executionId: string;
  draft: EntryDraft;
}

function EntryRow({
  row,
  index,
  problems,
  onChange,
  onRemove,
}: {
  row: Row;
  index: number;
  problems: string[] | undefined;
  onChange: (draft: EntryDraft) => void;
  onRemove?: () => void;
}) {
  const id = useId();
  return (
    <fieldset className="rounded-md border border-zinc-200 p-3" aria-label={`Entry ${index + 1}`}>
      <div className="mb-2 flex items-center justify-between">
        <p className="text-sm font-medium text-zinc-800">
          Entry {index + 1} <span className="font-mono text-xs font-normal text-zinc-500">from execution {shortId(row.executionId)}</span>
        </p>
        {onRemove ? (
          <Button size="icon" variant="ghost" aria-label={`Leave out entry ${index + 1}`} title="Leave out" onClick={onRemove}>
            <X />
          </Button>
        ) : null}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Input data" htmlFor={`${id}-input`}>
          <Textarea
            id={`${id}-input`}
            rows={5}
            spellCheck={false}
            className="font-mono text-xs"
            value={row.draft.input}
            onChange={(event) => onChange({ ...row.draft, input: event.target.value })}
          />
        </Field>
        <Field label="Expected output" htmlFor={`${id}-expected`}>
          <Textarea
            id={`${id}-expected`}
            rows={5}
            spellCheck={false}
            className="font-mono text-xs"
            value={row.draft.expected}
            onChange={(event) => onChange({ ...row.draft, expected: event.target.value })}
          />
        </Field>
      </div>
      {problems && problems.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-xs text-red-700" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/**
 * Turns selected executions into dataset entries: each context becomes input data and each output
 * the expected output, all editable, then written in one import (all or none).
 */
export function AddToDatasetDialog({
  executions,
  open,
  onOpenChange,
  onAdded,
}: {
  executions: Execution[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: () => void;
}) {
  const queryClient = useQueryClient();
  const datasets = useQuery({ ...datasetChoicesQuery, enabled: open });
  const [datasetId, setDatasetId] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [dedupe, setDedupe] = useState(true);
  const [problems, setProblems] = useState<Map<number, string[]>>(new Map());
  const save = useMutation({
    mutationFn: (entries: unknown[]) =>
      unwrap(
        api.POST('/v1/datasets/{id}/entries/import', {
          params: { path: { id: datasetId }, query: { dedupe: dedupe ? 'true' : undefined } },
          body: entries as never,
        }),
      ),
    onSuccess: async (result) => {
      await refreshDataset(queryClient, datasetId);
      const name = datasets.data?.find((dataset) => dataset.id === datasetId)?.name ?? 'the dataset';
      toast(`Added ${result.imported} entr${result.imported === 1 ? 'y' : 'ies'} to ${name}${result.skipped > 0 ? ` (${result.skipped} already there)` : ''}`);
      onAdded();
      onOpenChange(false);
    },
    onError: (error) => setProblems(problemsByIndex(error)),
  });

  // Each opening starts from the executions as they are now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only when the dialog opens.
  useEffect(() => {
    if (!open) return;
    setRows(executions.map((execution) => ({ executionId: execution.id, draft: draftFromExecution(execution) })));
    setProblems(new Map());
    save.reset();
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = entriesFromDrafts(rows.map((row) => ({ ...row.draft, tags })));
    if (built.errors) return setProblems(built.errors);
    setProblems(new Map());
    save.mutate(built.entries);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="w-[min(56rem,calc(100vw-2rem))]"
        title="Add to dataset"
        description="Each execution's context becomes an entry's input data, and its output the expected output. Edit them before saving."
        footer={
          <>
            <Button onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="add-to-dataset" disabled={datasetId === '' || rows.length === 0 || save.isPending}>
              {save.isPending ? 'Adding…' : `Add ${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}`}
            </Button>
          </>
        }
      >
        <form id="add-to-dataset" className="flex flex-col gap-4" onSubmit={submit}>
          <div className="grid gap-3 md:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="add-to-dataset-target">Dataset</Label>
              <DatasetSelect id="add-to-dataset-target" value={datasetId} datasets={datasets.data} onChange={setDatasetId} />
              {datasets.data && datasets.data.length === 0 ? (
                <p className="text-xs text-zinc-500">
                  No datasets yet:{' '}
                  <Link to="/datasets" className="text-brand-700 hover:underline">
                    create one
                  </Link>{' '}
                  first.
                </p>
              ) : null}
            </div>
            <Field label="Tags for these entries" htmlFor="add-to-dataset-tags">
              <TagInput id="add-to-dataset-tags" tags={tags} onChange={setTags} addTyped={addTags} />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-brand-600" checked={dedupe} onChange={(event) => setDedupe(event.target.checked)} />
            Skip entries the dataset already has (same input data and expected output)
          </label>
          {rows.map((row, index) => (
            <EntryRow
              key={row.executionId}
              row={row}
              index={index}
              problems={problems.get(index)}
              onChange={(draft) => setRows((current) => current.map((each) => (each.executionId === row.executionId ? { ...each, draft } : each)))}
              onRemove={
                rows.length > 1
                  ? () => {
                      // Reported problems are by position, which removing a row shifts.
                      setProblems(new Map());
                      setRows((current) => current.filter((each) => each.executionId !== row.executionId));
                    }
                  : undefined
              }
            />
          ))}
          {save.isError ? <ErrorAlert error={save.error} title="Nothing was added" /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
