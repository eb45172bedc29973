import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogClose, DialogContent } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { copyName } from './templates-format';
import { useTemplateChanged } from './use-template-changed';

/** Asks for the new name, copies the row's version into version 1 of it, then opens the copy. */
export function DuplicateDialog({ template, onOpenChange }: { template: Schemas['Template']; onOpenChange: (open: boolean) => void }) {
  const [name, setName] = useState(() => copyName(template.name));
  const navigate = useNavigate();
  const templateChanged = useTemplateChanged(template.name);
  const duplicate = useMutation({
    mutationFn: (newName: string) => unwrap(api.POST('/v1/templates/{id}/duplicate', { params: { path: { id: template.id } }, body: { name: newName } })),
    onSuccess: async (copy) => {
      toast(`Duplicated ${template.name} v${template.version_number} as ${copy.name}`);
      onOpenChange(false);
      await templateChanged();
      await navigate({ to: '/templates/$name', params: { name: copy.name } });
    },
    onError: (error) => toast(`Could not duplicate ${template.name}: ${error.message}`, 'error'),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    duplicate.mutate(name.trim());
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title={`Duplicate ${template.name}`}
        description={`Version ${template.version_number} becomes version 1 of a new template.`}
        footer={
          <>
            <DialogClose asChild>
              <Button disabled={duplicate.isPending}>Cancel</Button>
            </DialogClose>
            <Button type="submit" form="duplicate-template" variant="primary" disabled={duplicate.isPending || name.trim() === ''}>
              {duplicate.isPending ? 'Duplicating…' : 'Duplicate'}
            </Button>
          </>
        }
      >
        <form id="duplicate-template" onSubmit={submit}>
          <Field label="New name" htmlFor="duplicate-name" error={duplicate.error?.message}>
            <Input
              id="duplicate-name"
              autoFocus
              required
              maxLength={190}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={duplicate.isError ? true : undefined}
            />
          </Field>
        </form>
      </DialogContent>
    </Dialog>
  );
}
