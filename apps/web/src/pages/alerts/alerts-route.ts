import { getRouteApi } from '@tanstack/react-router';

export const alertsRoute = getRouteApi('/app/alerts');
