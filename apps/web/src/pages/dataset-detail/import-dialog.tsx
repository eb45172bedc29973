import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FileUp, Upload } from 'lucide-react';
import { type DragEvent, type FormEvent, useId, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { cn } from '../../lib/cn';
import { formatNumber } from '../../lib/format';
import { refreshDataset } from './dataset-queries';
import { countImportItems, detectImportFormat, IMPORT_CONTENT_TYPES, type ImportFormat, importFailure } from './import-file';

interface ChosenFile {
  name: string;
  text: string;
  format: ImportFormat;
}

function ImportErrors({ error }: { error: unknown }) {
  const failure = importFailure(error);
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">{failure.message}</p>
      {failure.problems.length > 0 ? (
        <div className="mt-2 max-h-64 overflow-auto rounded border border-red-200 bg-white">
          <table className="w-full text-left text-xs" aria-label="Import problems">
            <thead className="sticky top-0 bg-red-50">
              <tr>
                <th className="px-2 py-1 font-semibold">Where</th>
                <th className="px-2 py-1 font-semibold">Field</th>
                <th className="px-2 py-1 font-semibold">Problem</th>
              </tr>
            </thead>
            <tbody>
              {failure.problems.map((problem, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems are a fixed list, and one line may have several.
                <tr key={index} className="border-t border-red-100 text-zinc-800">
                  <td className="whitespace-nowrap px-2 py-1 font-medium">{problem.where}</td>
                  <td className="px-2 py-1 font-mono">{problem.field}</td>
                  <td className="px-2 py-1">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {failure.unlisted > 0 ? <p className="mt-1 text-xs">…and {formatNumber(failure.unlisted)} more not listed.</p> : null}
    </div>
  );
}

/**
 * Imports a JSON array or JSON Lines file (picked or dropped) in one request: all entries or none.
 * Problems come back per line (or array item) and are listed as such.
 */
export function ImportDialog({ datasetId, tiedToTemplate }: { datasetId: string; tiedToTemplate: boolean }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [dragging, setDragging] = useState(false);
  const [dedupe, setDedupe] = useState(false);
  const [validate, setValidate] = useState(true);
  const upload = useMutation({
    mutationFn: (chosen: ChosenFile) =>
      unwrap(
        api.POST('/v1/datasets/{id}/entries/import', {
          params: { path: { id: datasetId }, query: { dedupe: dedupe ? 'true' : undefined, validate: validate ? undefined : 'false' } },
          body: chosen.text as never,
          // The file goes as it is: the API parses it and reports problems by its line numbers.
          bodySerializer: (body: unknown) => body as string,
          headers: { 'content-type': IMPORT_CONTENT_TYPES[chosen.format] },
        }),
      ),
    onSuccess: async (result) => {
      await refreshDataset(queryClient, datasetId);
      toast(
        `Imported ${formatNumber(result.imported)} entr${result.imported === 1 ? 'y' : 'ies'}${result.skipped > 0 ? `, skipped ${formatNumber(result.skipped)} duplicate${result.skipped === 1 ? '' : 's'}` : ''}`,
      );
      setOpen(false);
    },
  });

  async function choose(picked: File | undefined) {
    if (!picked) return;
    const text = await picked.text();
    upload.reset();
    setFile({ name: picked.name, text, format: detectImportFormat(picked.name, text) });
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  }

  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) {
      setFile(null);
      upload.reset();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  const count = file ? countImportItems(file.format, file.text) : null;

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Upload /> Import
        </Button>
      </DialogTrigger>
      <DialogContent
        className="w-[min(44rem,calc(100vw-2rem))]"
        title="Import entries"
        description={
          <>
            A JSON array of <code>{'{input_data, expected_output?, tags?}'}</code> objects, or JSON Lines (one object per line). Up to 10,000 entries; all are
            written, or none.
          </>
        }
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="import-entries" disabled={!file || upload.isPending}>
              {upload.isPending ? 'Importing…' : count !== null ? `Import ${formatNumber(count)} entr${count === 1 ? 'y' : 'ies'}` : 'Import'}
            </Button>
          </>
        }
      >
        <form id="import-entries" className="flex flex-col gap-4" onSubmit={submit}>
          <label
            htmlFor={inputId}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
            className={cn(
              'flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center text-sm',
              dragging ? 'border-brand-500 bg-brand-50' : 'border-zinc-300 bg-zinc-50 hover:bg-zinc-100',
            )}
          >
            <FileUp className="size-6 text-zinc-400" />
            {file ? (
              <span>
                <span className="font-medium text-zinc-900">{file.name}</span>
                <span className="text-zinc-500">
                  {' '}
                  · {count === null ? 'unreadable as JSON; the import will say where' : `${formatNumber(count)} entr${count === 1 ? 'y' : 'ies'}`}
                </span>
              </span>
            ) : (
              <span className="text-zinc-600">Drop a .json or .jsonl file here, or click to choose one</span>
            )}
            <input
              id={inputId}
              type="file"
              accept=".json,.jsonl,.ndjson,.txt,application/json"
              className="sr-only"
              aria-label="File to import"
              onChange={(event) => void choose(event.target.files?.[0])}
            />
          </label>
          {file ? (
            <div className="flex items-center gap-2">
              <Label htmlFor={`${inputId}-format`}>Format</Label>
              <Select
                id={`${inputId}-format`}
                className="h-8 w-auto"
                value={file.format}
                onChange={(event) => setFile({ ...file, format: event.target.value as ImportFormat })}
              >
                <option value="jsonl">JSON Lines</option>
                <option value="json">JSON array</option>
              </Select>
            </div>
          ) : null}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" checked={dedupe} onChange={(event) => setDedupe(event.target.checked)} />
            <span>
              <span className="font-medium text-zinc-900">Skip duplicates</span>
              <span className="block text-xs text-zinc-500">
                Entries whose input data and expected output are already in the dataset (or earlier in the file) are skipped, not added again.
              </span>
            </span>
          </label>
          {tiedToTemplate ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" checked={validate} onChange={(event) => setValidate(event.target.checked)} />
              <span>
                <span className="font-medium text-zinc-900">Check against the template's input schema</span>
                <span className="block text-xs text-zinc-500">Refuses the import if any entry's input data breaks it.</span>
              </span>
            </label>
          ) : null}
          {upload.isError ? <ImportErrors error={upload.error} /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
