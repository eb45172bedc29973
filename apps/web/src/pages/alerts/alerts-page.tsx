import { useQuery } from '@tanstack/react-query';
import { principalCan, useSession } from '../../auth/session';
import { Badge } from '../../components/ui/badge';
import { PageHeader } from '../../components/ui/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { alertsQuery } from './alerts-queries';
import { alertsRoute } from './alerts-route';
import type { AlertsTab } from './alerts-search';
import { AlertListTab } from './alert-list-tab';
import { BudgetsTab } from './budgets-tab';
import { RulesTab } from './rules-tab';
import { WebhooksTab } from './webhooks-tab';

export function AlertsPage() {
  const principal = useSession();
  // Budgets, rules and webhooks are the admin's; acknowledging an alert is any writer's.
  const isAdmin = principalCan(principal, 'admin');
  const canWrite = principalCan(principal, 'write');
  const open = useQuery(alertsQuery(true));
  const unacknowledged = open.data?.unacknowledged ?? 0;
  const tab = alertsRoute.useSearch().tab ?? 'budgets';
  const navigate = alertsRoute.useNavigate();
  const setTab = (next: string) => navigate({ search: { tab: next === 'budgets' ? undefined : (next as AlertsTab) } });
  return (
    <div>
      <PageHeader title="Alerts" description="Budgets on spend, rules on failure rate and latency, the alerts they fire, and the webhooks that receive them." />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList className="mb-4">
          <TabsTrigger value="budgets">Budgets</TabsTrigger>
          <TabsTrigger value="rules">Alert rules</TabsTrigger>
          <TabsTrigger value="alerts">Alerts {unacknowledged > 0 ? <Badge tone="danger">{unacknowledged}</Badge> : null}</TabsTrigger>
          <TabsTrigger value="webhooks">Webhooks</TabsTrigger>
        </TabsList>
        <TabsContent value="budgets">
          <BudgetsTab canWrite={isAdmin} />
        </TabsContent>
        <TabsContent value="rules">
          <RulesTab canWrite={isAdmin} />
        </TabsContent>
        <TabsContent value="alerts">
          <AlertListTab canAcknowledge={canWrite} />
        </TabsContent>
        <TabsContent value="webhooks">
          <WebhooksTab canWrite={isAdmin} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
