import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogClose, DialogContent } from '../../components/ui/dialog';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { formatDateTime } from '../../lib/format';
import { defaultRollbackVersion } from './rollback-choice';
import { templateVersionsQuery } from './templates-queries';
import { useTemplateChanged } from './use-template-changed';

function versionLabel(version: Schemas['Template']): string {
  const state = version.resolved ? 'in use' : version.is_active ? 'active' : 'inactive';
  return `v${version.version_number} · ${state} · created ${formatDateTime(version.created_at)}`;
}

/** Picks a version for the name to resolve to; the API activates it and deactivates every higher one. */
export function RollbackDialog({ template, onOpenChange }: { template: Schemas['Template']; onOpenChange: (open: boolean) => void }) {
  const versions = useQuery(templateVersionsQuery(template.name, template.id));
  const [picked, setPicked] = useState<number | undefined>();
  const items = versions.data?.items ?? [];
  const target = picked ?? defaultRollbackVersion(items, template.version_number);
  const templateChanged = useTemplateChanged(template.name);
  const rollback = useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/v1/templates/{id}/rollback', { params: { path: { id: template.id } }, body: { version } })),
    onSuccess: async (resolved) => {
      toast(`Rolled back ${template.name} to v${resolved.version_number}`);
      onOpenChange(false);
      await templateChanged();
    },
    onError: (error) => toast(`Could not roll back ${template.name}: ${error.message}`, 'error'),
  });

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title={`Roll back ${template.name}`}
        description="The chosen version becomes the one the name resolves to; every higher version is deactivated."
        footer={
          <>
            <DialogClose asChild>
              <Button disabled={rollback.isPending}>Cancel</Button>
            </DialogClose>
            <Button variant="primary" disabled={target === undefined || rollback.isPending} onClick={() => target !== undefined && rollback.mutate(target)}>
              {rollback.isPending ? 'Rolling back…' : target === undefined ? 'Roll back' : `Roll back to v${target}`}
            </Button>
          </>
        }
      >
        {versions.isPending ? (
          <Spinner label="Loading versions…" />
        ) : versions.isError ? (
          <ErrorAlert error={versions.error} title="Could not load the versions" />
        ) : (
          <Field label="Version" htmlFor="rollback-version">
            <Select id="rollback-version" value={target ?? ''} onChange={(event) => setPicked(Number(event.target.value))}>
              {items.map((version) => (
                <option key={version.id} value={version.version_number}>
                  {versionLabel(version)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {rollback.isError ? <ErrorAlert error={rollback.error} className="mt-3" /> : null}
      </DialogContent>
    </Dialog>
  );
}
