import { getRouteApi } from '@tanstack/react-router';

export const runRoute = getRouteApi('/app/runs/$id');
