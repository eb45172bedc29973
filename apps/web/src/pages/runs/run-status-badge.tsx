import { Loader2 } from 'lucide-react';
import type { RunStatus } from '../../api/enums';
import { Badge } from '../../components/ui/badge';
import { runStatusTone } from './run-status';

/** A run's state as a coloured pill; a running one spins. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge tone={runStatusTone(status)} data-run-status={status}>
      {status === 'running' ? <Loader2 className="size-3 animate-spin" aria-hidden /> : null}
      {status}
    </Badge>
  );
}
