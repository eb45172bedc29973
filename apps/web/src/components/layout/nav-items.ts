import { Bell, Database, FileText, FlaskConical, KeyRound, LayoutDashboard, type LucideIcon, PlayCircle, Sparkles } from 'lucide-react';
import type { Scope } from '../../auth/session';

export interface NavItem {
  label: string;
  to: '/dashboard' | '/templates' | '/executions' | '/datasets' | '/runs' | '/generate' | '/alerts' | '/keys';
  icon: LucideIcon;
  /** Hidden from keys without this scope (the API refuses those pages' actions anyway). */
  scope: Scope;
}

/** The sidebar, in order; new sections (datasets, runs, analytics) are added here and in router.tsx. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Dashboard', to: '/dashboard', icon: LayoutDashboard, scope: 'read' },
  { label: 'Templates', to: '/templates', icon: FileText, scope: 'read' },
  { label: 'Executions', to: '/executions', icon: PlayCircle, scope: 'read' },
  { label: 'Datasets', to: '/datasets', icon: Database, scope: 'read' },
  { label: 'Evaluation runs', to: '/runs', icon: FlaskConical, scope: 'read' },
  { label: 'Generate', to: '/generate', icon: Sparkles, scope: 'write' },
  { label: 'Alerts', to: '/alerts', icon: Bell, scope: 'read' },
  { label: 'API keys', to: '/keys', icon: KeyRound, scope: 'admin' },
];
