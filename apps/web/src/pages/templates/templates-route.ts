import { getRouteApi } from '@tanstack/react-router';

// The route's id carries the signed-in layout's id ('app') in front of its path.
export const templatesRoute = getRouteApi('/app/templates');
