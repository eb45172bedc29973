import { getRouteApi } from '@tanstack/react-router';

export const compareRoute = getRouteApi('/app/runs/compare');
