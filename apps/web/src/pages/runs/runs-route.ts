import { getRouteApi } from '@tanstack/react-router';

export const runsRoute = getRouteApi('/app/runs');
