import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Unacknowledged alerts, beside the Alerts item of the sidebar; polled, as alerts come from the workers. */
export function UnacknowledgedAlertsBadge() {
  const open = useQuery({
    queryKey: ['alerts', 'unacknowledged-count'],
    queryFn: () => unwrap(api.GET('/v1/alerts', { params: { query: { acknowledged: 'false', limit: 1 } } })),
    refetchInterval: 10_000,
  });
  const count = open.data?.unacknowledged ?? 0;
  if (count === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-red-600 px-1.5 text-xs font-medium text-white" data-testid="alerts-nav-badge">
      {count > 99 ? '99+' : count}
      <span className="sr-only"> unacknowledged</span>
    </span>
  );
}
