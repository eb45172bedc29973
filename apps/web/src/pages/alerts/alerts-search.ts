import { compact, optionalOneOf } from '../../lib/search-params';

export const ALERTS_TABS = ['budgets', 'rules', 'alerts', 'webhooks'] as const;
export type AlertsTab = (typeof ALERTS_TABS)[number];

/** The Alerts page's tab, in the URL so a link (say, from the sidebar's badge) opens the alerts themselves. */
export interface AlertsSearch {
  tab?: AlertsTab;
}

export function validateAlertsSearch(raw: Record<string, unknown>): AlertsSearch {
  const tab = optionalOneOf(raw, 'tab', ALERTS_TABS);
  return compact({ tab: tab === 'budgets' ? undefined : tab });
}
