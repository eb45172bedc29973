import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Copy, ExternalLink, History, MoreHorizontal, Pencil, Power, PowerOff, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '../../components/ui/dropdown-menu';
import { toast } from '../../components/ui/toast';
import { DuplicateDialog } from './duplicate-dialog';
import { describeDeletion } from './templates-format';
import { RollbackDialog } from './rollback-dialog';
import { useTemplateChanged } from './use-template-changed';

type Template = Schemas['TemplateListItem'];
type OpenDialog = 'duplicate' | 'rollback' | 'delete' | null;

/** Deletes the whole template: every version of the name (the row stands for the name). */
function DeleteDialog({ template, onOpenChange }: { template: Template; onOpenChange: (open: boolean) => void }) {
  const templateChanged = useTemplateChanged(template.name);
  const versions = template.version_count ?? 1;
  async function remove() {
    try {
      const result = await unwrap(api.DELETE('/v1/templates/{id}', { params: { path: { id: template.name } } }));
      toast(describeDeletion(result));
      await templateChanged();
    } catch (error) {
      toast(`Could not delete ${template.name}: ${(error as Error).message}`, 'error');
    }
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={onOpenChange}
      title={`Delete ${template.name}?`}
      description={
        <>
          {versions === 1 ? 'Its only version is deleted' : `All ${versions} versions are deleted`}, and the name no longer resolves. A version that has
          executions or evaluation runs is hidden but kept for their history (soft delete); one that never ran is removed for good.
        </>
      }
      confirmLabel="Delete"
      onConfirm={remove}
    />
  );
}

/** The "…" menu of a row: open, edit, duplicate, (de)activate, roll back, delete, as the key's scopes allow. */
export function TemplateRowActions({ template }: { template: Template }) {
  const canWrite = useCan('write');
  const canAdmin = useCan('admin');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const templateChanged = useTemplateChanged(template.name);
  const label = `${template.name} v${template.version_number}`;
  const toggleActive = useMutation({
    mutationFn: (action: 'activate' | 'deactivate') =>
      unwrap(
        action === 'activate'
          ? api.POST('/v1/templates/{id}/activate', { params: { path: { id: template.id } } })
          : api.POST('/v1/templates/{id}/deactivate', { params: { path: { id: template.id } } }),
      ),
    onSuccess: (_version, action) => {
      toast(action === 'activate' ? `Activated ${label}` : `Deactivated ${label}`);
      return templateChanged();
    },
    onError: (error, action) => toast(`Could not ${action} ${label}: ${error.message}`, 'error'),
  });
  const closeDialog = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <>
      {/* Not modal: a modal menu closing while a dialog opens from it would leave the page inert. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${template.name}`}>
            <MoreHorizontal />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem asChild>
            <Link to="/templates/$name" params={{ name: template.name }}>
              <ExternalLink /> Open
            </Link>
          </DropdownMenuItem>
          {canWrite ? (
            <>
              <DropdownMenuItem asChild>
                <Link to="/templates/$name/edit" params={{ name: template.name }} search={{ from: template.version_number }}>
                  <Pencil /> Edit (new version)
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setDialog('duplicate')}>
                <Copy /> Duplicate
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              {template.is_active ? (
                <DropdownMenuItem disabled={toggleActive.isPending} onSelect={() => toggleActive.mutate('deactivate')}>
                  <PowerOff /> Deactivate
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem disabled={toggleActive.isPending} onSelect={() => toggleActive.mutate('activate')}>
                  <Power /> Activate
                </DropdownMenuItem>
              )}
              {(template.version_count ?? 1) > 1 ? (
                <DropdownMenuItem onSelect={() => setDialog('rollback')}>
                  <History /> Rollback
                </DropdownMenuItem>
              ) : null}
            </>
          ) : null}
          {canAdmin ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem danger onSelect={() => setDialog('delete')}>
                <Trash2 /> Delete
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {dialog === 'duplicate' ? <DuplicateDialog template={template} onOpenChange={closeDialog} /> : null}
      {dialog === 'rollback' ? <RollbackDialog template={template} onOpenChange={closeDialog} /> : null}
      {dialog === 'delete' ? <DeleteDialog template={template} onOpenChange={closeDialog} /> : null}
    </>
  );
}
