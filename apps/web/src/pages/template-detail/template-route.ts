import { getRouteApi } from '@tanstack/react-router';

/** The page's route (its id carries the signed-in layout's id, `app`): typed params, search and navigation. */
export const templateRoute = getRouteApi('/app/templates/$name');
