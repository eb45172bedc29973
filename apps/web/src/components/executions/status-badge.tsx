import { Loader2 } from 'lucide-react';
import { Badge } from '../ui/badge';
import type { ExecutionStatus } from '../../api/enums';
import { statusTone } from './execution-status';

/** An execution's state as a coloured pill; a running one spins. */
export function StatusBadge({ status }: { status: ExecutionStatus }) {
  return (
    <Badge tone={statusTone(status)} data-execution-status={status}>
      {status === 'running' ? <Loader2 className="size-3 animate-spin" aria-hidden /> : null}
      {status}
    </Badge>
  );
}
