import { getRouteApi } from '@tanstack/react-router';

export const datasetRoute = getRouteApi('/app/datasets/$id');
