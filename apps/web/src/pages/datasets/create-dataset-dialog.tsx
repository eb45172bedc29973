import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { ErrorAlert } from '../../components/ui/feedback';
import { Input, Textarea } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { datasetKeys } from './datasets-queries';
import { TemplateVersionPicker } from './template-version-picker';

/** Creates a dataset (optionally tied to a template, whose input schema then checks every entry) and opens it. */
export function CreateDatasetDialog() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [template, setTemplate] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/datasets', { body: { name: name.trim(), description, template: template || null } })),
    onSuccess: async (dataset) => {
      await queryClient.invalidateQueries({ queryKey: datasetKeys.lists });
      toast(`Dataset “${dataset.name}” created`);
      setOpen(false);
      await navigate({ to: '/datasets/$id', params: { id: dataset.id } });
    },
  });

  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) {
      setName('');
      setDescription('');
      setTemplate('');
      create.reset();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() !== '') create.mutate();
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <Plus /> New dataset
        </Button>
      </DialogTrigger>
      <DialogContent
        title="New dataset"
        description="Test cases to evaluate a template with. Tie it to a template to check every entry against its input schema."
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="create-dataset" disabled={name.trim() === '' || create.isPending}>
              {create.isPending ? 'Creating…' : 'Create dataset'}
            </Button>
          </>
        }
      >
        <form id="create-dataset" className="flex flex-col gap-4" onSubmit={submit}>
          <Field label="Name" htmlFor="dataset-name">
            <Input id="dataset-name" value={name} maxLength={200} required autoFocus onChange={(event) => setName(event.target.value)} />
          </Field>
          <Field label="Description" htmlFor="dataset-description">
            <Textarea id="dataset-description" value={description} maxLength={10_000} onChange={(event) => setDescription(event.target.value)} />
          </Field>
          <TemplateVersionPicker value={template} onChange={setTemplate} allowNone />
          {create.isError ? <ErrorAlert error={create.error} title="Could not create the dataset" /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
