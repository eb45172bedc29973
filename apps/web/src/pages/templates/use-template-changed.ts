import { useQueryClient } from '@tanstack/react-query';
import { TEMPLATES_KEY } from './templates-queries';

/** Refreshes what a change to one of a name's versions affects: every template list and that name's pages. */
export function useTemplateChanged(name: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }), queryClient.invalidateQueries({ queryKey: ['template', name] })]);
  };
}
