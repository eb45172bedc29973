import { getRouteApi } from '@tanstack/react-router';

export const dashboardRoute = getRouteApi('/app/dashboard');
