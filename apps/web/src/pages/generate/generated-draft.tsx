import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ArrowRight, CheckCircle2, Pencil } from 'lucide-react';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { toast } from '../../components/ui/toast';
import { templateByIdQuery } from '../../api/queries';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      <pre className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800">
        {children}
      </pre>
    </section>
  );
}

/** The draft a generation saved (inactive), with the two next steps: edit it, or activate it as is. */
export function GeneratedDraft({ templateId }: { templateId: string }) {
  const queryClient = useQueryClient();
  const draft = useQuery(templateByIdQuery(templateId));
  const activate = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/templates/{id}/activate', { params: { path: { id: templateId } } })),
    onSuccess: async (template) => {
      queryClient.setQueryData(templateByIdQuery(templateId).queryKey, template);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['templates'] }), queryClient.invalidateQueries({ queryKey: ['template', template.name] })]);
      toast(`Activated ${template.name}`);
    },
    onError: (error) => toast(`Activation failed: ${error.message}`, 'error'),
  });

  if (draft.isPending) return <Spinner label="Loading the draft…" />;
  if (draft.isError) return <ErrorAlert error={draft.error} title="The draft was saved but could not be loaded" />;
  const template = draft.data;
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            <span className="truncate" title={template.name}>
              {template.name}
            </span>
            <span className="text-xs font-normal text-zinc-500">v{template.version_number}</span>
            {template.is_active ? (
              <Badge tone="success">
                <CheckCircle2 className="size-3" /> Active
              </Badge>
            ) : (
              <Badge tone="warning">Draft (inactive)</Badge>
            )}
          </span>
        }
        description={
          template.is_active ? 'Active: executions may use it by name.' : 'Drafts are saved inactive. Review it, then activate it or refine it in the editor.'
        }
        actions={
          <>
            <Button asChild>
              <Link to="/templates/$name/edit" params={{ name: template.name }} search={{ from: template.version_number }}>
                <Pencil /> Open in editor
              </Link>
            </Button>
            {template.is_active ? null : (
              <Button variant="primary" onClick={() => activate.mutate()} disabled={activate.isPending}>
                <CheckCircle2 /> {activate.isPending ? 'Activating…' : 'Activate'}
              </Button>
            )}
          </>
        }
      />
      <CardBody className="space-y-4">
        <Block title="System prompt">{template.system_prompt}</Block>
        <Block title="User prompt template">{template.user_prompt_template}</Block>
        {template.input_schema ? (
          <Block title="Input schema">{JSON.stringify(template.input_schema, null, 2)}</Block>
        ) : (
          <p className="text-sm text-zinc-500">No input schema was generated.</p>
        )}
        <Link
          to="/templates/$name"
          params={{ name: template.name }}
          search={{ version: template.version_number }}
          className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline"
        >
          View the template page <ArrowRight className="size-3.5" />
        </Link>
      </CardBody>
    </Card>
  );
}
