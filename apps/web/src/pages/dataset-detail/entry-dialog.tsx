import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent } from '../../components/ui/dialog';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { type Entry, refreshDataset } from './dataset-queries';
import { draftFromEntry, type EntryDraft, parseEntryDraft } from './entry-form';
import { TagInput } from '../../components/ui/tag-input';
import { addTags } from './entry-form';

// CodeMirror is the console's largest chunk: it loads when an entry is first edited, not with the page.
const CodeEditor = lazy(() => import('../../components/code-editor/code-editor').then((module) => ({ default: module.CodeEditor })));

/** Adds an entry (no `entry`) or edits one: input data and expected output as JSON, tags as chips. */
export function EntryDialog({
  datasetId,
  entry,
  open,
  onOpenChange,
  tagSuggestions,
}: {
  datasetId: string;
  entry?: Entry;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  tagSuggestions: string[];
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<EntryDraft>(() => draftFromEntry(entry));
  const [errors, setErrors] = useState<{ input?: string; expected?: string }>({});
  const save = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof parseEntryDraft>['body']>) =>
      entry
        ? unwrap(api.PATCH('/v1/datasets/{id}/entries/{entryId}', { params: { path: { id: datasetId, entryId: entry.id } }, body }))
        : unwrap(api.POST('/v1/datasets/{id}/entries', { params: { path: { id: datasetId } }, body })),
    onSuccess: async () => {
      await refreshDataset(queryClient, datasetId);
      toast(entry ? 'Entry saved' : 'Entry added');
      onOpenChange(false);
    },
  });

  // Each opening starts from the entry as stored (or a blank one).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens or shows another entry.
  useEffect(() => {
    if (!open) return;
    setDraft(draftFromEntry(entry));
    setErrors({});
    save.reset();
  }, [open, entry?.id]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseEntryDraft(draft);
    if (parsed.errors) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.body);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="w-[min(48rem,calc(100vw-2rem))]"
        title={entry ? 'Edit entry' : 'Add entry'}
        description="The input data the template is rendered with, and the output expected from it (any JSON; a text answer goes in quotes)."
        footer={
          <>
            <Button onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="entry-form" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : entry ? 'Save entry' : 'Add entry'}
            </Button>
          </>
        }
      >
        <form id="entry-form" className="flex flex-col gap-4" onSubmit={submit}>
          <Suspense fallback={<Spinner label="Loading the editor…" />}>
            <Field label="Input data" error={errors.input}>
              <CodeEditor
                ariaLabel="Input data"
                language="json"
                value={draft.input}
                onChange={(input) => setDraft((current) => ({ ...current, input }))}
                minHeight="7rem"
                maxHeight="16rem"
              />
            </Field>
            <Field label="Expected output" hint="Leave empty when there is none." error={errors.expected}>
              <CodeEditor
                ariaLabel="Expected output"
                language="json"
                value={draft.expected}
                onChange={(expected) => setDraft((current) => ({ ...current, expected }))}
                minHeight="5rem"
                maxHeight="14rem"
              />
            </Field>
          </Suspense>
          <Field label="Tags" htmlFor="entry-tags">
            <TagInput
              id="entry-tags"
              tags={draft.tags}
              onChange={(tags) => setDraft((current) => ({ ...current, tags }))}
              addTyped={addTags}
              suggestions={tagSuggestions}
            />
          </Field>
          {save.isError ? <ErrorAlert error={save.error} title="Could not save the entry" /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
