import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Ban, Pencil, RotateCcw } from 'lucide-react';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { toast } from '../../components/ui/toast';
import { isLive } from '../../components/executions/execution-status';
import type { Execution, Template } from '../../api/queries';
import { shortId } from './template-refs';

/** Cancel, re-run and "open in editor": write actions, hidden from read-only keys. */
export function ExecutionActions({ execution, template }: { execution: Execution; template: Template | undefined }) {
  const canWrite = useCan('write');
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const rerun = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/executions/{id}/rerun', { params: { path: { id: execution.id } } })),
    onSuccess: async (accepted) => {
      await queryClient.invalidateQueries({ queryKey: ['executions'] });
      toast(`Re-run queued as ${shortId(accepted.id)}`);
      await navigate({ to: '/executions/$id', params: { id: accepted.id } });
    },
    onError: (error) => toast(`Re-run failed: ${error.message}`, 'error'),
  });

  async function cancel() {
    try {
      const cancelled = await unwrap(api.POST('/v1/executions/{id}/cancel', { params: { path: { id: execution.id } } }));
      queryClient.setQueryData(['execution', execution.id], cancelled);
      await queryClient.invalidateQueries({ queryKey: ['executions'] });
      toast(cancelled.status === 'cancelled' ? 'Execution cancelled' : `The execution had already ${cancelled.status}`);
    } catch (error) {
      toast(`Cancel failed: ${(error as Error).message}`, 'error');
      throw error;
    }
  }

  const editable = execution.kind === 'template' && template;
  if (!canWrite && !editable) return null;
  return (
    <>
      {canWrite && isLive(execution.status) ? (
        <ConfirmDialog
          trigger={
            <Button variant="danger">
              <Ban /> Cancel
            </Button>
          }
          title="Cancel this execution?"
          description="A queued execution never starts; a running one stops at its next check and is marked cancelled. This cannot be undone, but you can re-run it afterwards."
          confirmLabel="Cancel execution"
          onConfirm={cancel}
        />
      ) : null}
      {canWrite && !execution.run_id ? (
        <Button onClick={() => rerun.mutate()} disabled={rerun.isPending} title="Submit a new execution with the same template version, context and settings">
          <RotateCcw /> {rerun.isPending ? 'Re-running…' : 'Re-run'}
        </Button>
      ) : null}
      {canWrite && editable ? (
        <Button asChild>
          <Link to="/templates/$name/edit" params={{ name: template.name }} search={{ from: template.version_number }}>
            <Pencil /> Open in editor
          </Link>
        </Button>
      ) : null}
    </>
  );
}
