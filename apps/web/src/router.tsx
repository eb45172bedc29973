import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { queryClient } from './api/query-client';
import { sessionQuery } from './auth/session';
import { AppShell } from './components/layout/app-shell';
import { Toaster } from './components/ui/toast';
import { NotFoundPage } from './pages/not-found-page';
import { validateEditorSearch } from './pages/template-editor/editor-search';
import { validateTemplateSearch } from './pages/template-detail/template-search';
import { templatesListQuery } from './pages/templates/templates-queries';
import { validateTemplatesSearch } from './pages/templates/templates-search';
import { validateExecutionsSearch } from './pages/executions/executions-search';
import { compact, optionalString } from './lib/search-params';
import { validateDatasetsSearch } from './pages/datasets/datasets-search';
import { validateDatasetSearch } from './pages/dataset-detail/dataset-search';
import { validateRunsSearch } from './pages/runs/runs-search';
import { validateRunSearch } from './pages/run-detail/run-search';
import { validateCompareSearch } from './pages/run-compare/compare-search';
import { validateDashboardSearch } from './pages/dashboard/dashboard-search';
import { validateAlertsSearch } from './pages/alerts/alerts-search';

/**
 * Every console route in one place. Each page's component loads lazily (its own chunk), while
 * search-parameter validation is imported eagerly so links are typed and URLs are checked at once.
 */

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: () => (
    <>
      <Outlet />
      <Toaster />
    </>
  ),
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (raw: Record<string, unknown>): { next?: string } => compact({ next: optionalString(raw, 'next', 2000) }),
  component: lazyRouteComponent(() => import('./pages/sign-in/sign-in-page'), 'SignInPage'),
});

/** The signed-in part of the console; a visitor without a session is sent to sign in first. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const principal = await context.queryClient.ensureQueryData(sessionQuery);
    if (!principal) throw redirect({ to: '/sign-in', search: { next: location.href } });
    return { principal };
  },
  component: AppShell,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/templates' });
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('./pages/dashboard/dashboard-page'), 'DashboardPage'),
});

const templatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates',
  validateSearch: validateTemplatesSearch,
  loaderDeps: ({ search }) => search,
  // Starts the list request while the page's code loads, instead of after it renders; not awaited,
  // so the page shows at once with its own loading state.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(templatesListQuery(deps));
  },
  component: lazyRouteComponent(() => import('./pages/templates/templates-page'), 'TemplatesPage'),
});

const newTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/new',
  component: lazyRouteComponent(() => import('./pages/template-editor/template-editor-page'), 'NewTemplatePage'),
});

const templateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/$name',
  validateSearch: validateTemplateSearch,
  component: lazyRouteComponent(() => import('./pages/template-detail/template-page'), 'TemplatePage'),
});

const templateEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/$name/edit',
  validateSearch: validateEditorSearch,
  component: lazyRouteComponent(() => import('./pages/template-editor/template-editor-page'), 'EditTemplatePage'),
});

const executionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/executions',
  validateSearch: validateExecutionsSearch,
  component: lazyRouteComponent(() => import('./pages/executions/executions-page'), 'ExecutionsPage'),
});

const executionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/executions/$id',
  component: lazyRouteComponent(() => import('./pages/executions/execution-page'), 'ExecutionPage'),
});

const generateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/generate',
  component: lazyRouteComponent(() => import('./pages/generate/generate-page'), 'GeneratePage'),
});

const keysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/keys',
  component: lazyRouteComponent(() => import('./pages/keys/keys-page'), 'KeysPage'),
});

const alertsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/alerts',
  validateSearch: validateAlertsSearch,
  component: lazyRouteComponent(() => import('./pages/alerts/alerts-page'), 'AlertsPage'),
});

const datasetsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/datasets',
  validateSearch: validateDatasetsSearch,
  component: lazyRouteComponent(() => import('./pages/datasets/datasets-page'), 'DatasetsPage'),
});

const datasetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/datasets/$id',
  validateSearch: validateDatasetSearch,
  component: lazyRouteComponent(() => import('./pages/dataset-detail/dataset-page'), 'DatasetPage'),
});

const runsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runs',
  validateSearch: validateRunsSearch,
  component: lazyRouteComponent(() => import('./pages/runs/runs-page'), 'RunsPage'),
});

const runCompareRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runs/compare',
  validateSearch: validateCompareSearch,
  component: lazyRouteComponent(() => import('./pages/run-compare/compare-page'), 'ComparePage'),
});

const runRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/runs/$id',
  validateSearch: validateRunSearch,
  component: lazyRouteComponent(() => import('./pages/run-detail/run-page'), 'RunPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    dashboardRoute,
    templatesRoute,
    newTemplateRoute,
    templateRoute,
    templateEditRoute,
    executionsRoute,
    executionRoute,
    generateRoute,
    alertsRoute,
    keysRoute,
    datasetsRoute,
    datasetRoute,
    runsRoute,
    runCompareRoute,
    runRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Data comes from TanStack Query, which has its own cache; the router need not cache loaders too.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
