import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { BookOpen, ExternalLink, LayoutList, LogOut } from 'lucide-react';
import { api, unwrap } from '../../api/client';
import { principalCan, useSession } from '../../auth/session';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { toast } from '../ui/toast';
import { UnacknowledgedAlertsBadge } from './alerts-badge';
import { NAV_ITEMS } from './nav-items';

function SignedInAs() {
  const principal = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!principal) return null;
  async function signOut() {
    try {
      await unwrap(api.DELETE('/v1/session'));
    } catch (error) {
      toast(`Sign-out failed: ${(error as Error).message}`, 'error');
      return;
    }
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  }
  if (principal.kind === 'local') {
    return (
      <div className="space-y-1 px-3 text-xs text-zinc-500">
        <Badge tone="warning">Local mode</Badge>
        <p>No API key exists yet, so this machine is served without sign-in.</p>
      </div>
    );
  }
  const readOnly = !principalCan(principal, 'write');
  return (
    <div className="space-y-2 px-3">
      <div className="text-xs text-zinc-500">
        Signed in as <span className="font-medium text-zinc-800">{principal.name}</span>
      </div>
      <div className="flex flex-wrap gap-1">
        {principal.scopes.map((scope) => (
          <Badge key={scope} tone={scope === 'admin' ? 'brand' : 'neutral'}>
            {scope}
          </Badge>
        ))}
        {readOnly ? <Badge tone="warning">read-only</Badge> : null}
      </div>
      <Button size="sm" variant="ghost" className="-ml-2" onClick={signOut}>
        <LogOut /> Sign out
      </Button>
    </div>
  );
}

/** The frame of every signed-in page: the sidebar with sections and outside links, and the page. */
export function AppShell() {
  const principal = useSession();
  const linkClass = 'flex items-center gap-2 rounded-md px-3 py-2 text-sm text-zinc-700 hover:bg-zinc-100 [&_svg]:size-4';
  return (
    <div className="flex min-h-full">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-white">
        <Link to="/templates" className="flex items-center gap-2 px-4 py-4 text-base font-semibold text-zinc-900">
          <img src="/favicon.svg" alt="" className="size-6" /> PromptOps
        </Link>
        <nav className="flex flex-col gap-0.5 px-2" aria-label="Sections">
          {NAV_ITEMS.filter((item) => principalCan(principal, item.scope)).map((item) => (
            <Link key={item.to} to={item.to} className={linkClass} activeProps={{ className: 'bg-brand-50 font-medium text-brand-700' }}>
              <item.icon /> {item.label}
              {item.to === '/alerts' ? <UnacknowledgedAlertsBadge /> : null}
            </Link>
          ))}
        </nav>
        <div className="mt-4 flex flex-col gap-0.5 border-t border-zinc-100 px-2 pt-4">
          {principalCan(principal, 'admin') ? (
            <a href="/admin/queues" className={linkClass}>
              <LayoutList /> Queues <ExternalLink className="ml-auto !size-3 text-zinc-400" />
            </a>
          ) : null}
          <a href="/docs" className={linkClass}>
            <BookOpen /> API reference <ExternalLink className="ml-auto !size-3 text-zinc-400" />
          </a>
        </div>
        <div className="mt-auto border-t border-zinc-100 py-4">
          <SignedInAs />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">
        <Outlet />
      </main>
    </div>
  );
}
