import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { ErrorAlert } from '../../components/ui/feedback';
import { toast } from '../../components/ui/toast';
import { formatNumber } from '../../lib/format';
import { type RerunInclude, rerunChoices } from '../runs/run-status';
import { type Run, runKeys } from '../runs/runs-queries';

/** Starts a new run (linked to this one) over the items chosen: failed ones, and optionally more. */
export function RerunDialog({ run }: { run: Run }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const choices = rerunChoices(run);
  const [open, setOpen] = useState(false);
  const [include, setInclude] = useState<RerunInclude[]>([]);
  // One key per opening of the dialog: a double click cannot start two runs, and a later re-run is a new one.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const rerun = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/runs/{id}/rerun-failed', {
          params: { path: { id: run.id }, header: { 'idempotency-key': idempotencyKey } },
          body: include.length > 0 ? { include } : {},
        }),
      ),
    onSuccess: async (next) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: runKeys.one(run.id) }), queryClient.invalidateQueries({ queryKey: runKeys.lists })]);
      toast(`Re-running ${formatNumber(next.progress.total)} item${next.progress.total === 1 ? '' : 's'}`);
      setOpen(false);
      await navigate({ to: '/runs/$id', params: { id: next.id } });
    },
  });
  if (choices.length === 0) return null;
  const chosen = choices.filter((choice) => choice.include === undefined || include.includes(choice.include)).reduce((sum, choice) => sum + choice.count, 0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setIdempotencyKey(crypto.randomUUID());
          // Failed executions always; the other parts are opted into, unless they are all there is.
          setInclude(choices.some((choice) => choice.include === undefined) ? [] : choices.flatMap((choice) => (choice.include ? [choice.include] : [])));
          rerun.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="primary">
          <RotateCcw /> Re-run…
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Re-run items of this run"
        description="A new run, linked to this one, with the same template version, settings and scorers, over the items chosen."
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" disabled={chosen === 0 || rerun.isPending} onClick={() => rerun.mutate()}>
              {rerun.isPending ? 'Starting…' : `Re-run ${formatNumber(chosen)} item${chosen === 1 ? '' : 's'}`}
            </Button>
          </>
        }
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">Items to re-run</legend>
          {choices.map((choice) => (
            <label key={choice.include ?? 'failed'} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={choice.include === undefined || include.includes(choice.include)}
                disabled={choice.include === undefined}
                onChange={(event) => {
                  const part = choice.include as RerunInclude;
                  setInclude((current) => (event.target.checked ? [...current, part] : current.filter((each) => each !== part)));
                }}
              />
              {choice.label} <span className="tabular-nums text-zinc-500">({formatNumber(choice.count)})</span>
            </label>
          ))}
        </fieldset>
        {rerun.isError ? <ErrorAlert className="mt-3" error={rerun.error} title="Could not start the re-run" /> : null}
      </DialogContent>
    </Dialog>
  );
}
