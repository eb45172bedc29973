import { getRouteApi } from '@tanstack/react-router';

export const datasetsRoute = getRouteApi('/app/datasets');
