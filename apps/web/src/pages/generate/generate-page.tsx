import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ShieldAlert, Sparkles } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../auth/session';
import { CodeEditor } from '../../components/code-editor/code-editor';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Input, Select, Textarea } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { PageHeader } from '../../components/ui/page-header';
import { executionQuery } from '../../api/queries';
import { StatusBadge } from '../../components/executions/status-badge';
import { shortId } from '../executions/template-refs';
import { TEMPLATE_CATEGORIES } from '../../api/enums';
import { defaultModelFor, EMPTY_FORM, type GenerateForm, type GenerateFormErrors, toGenerateBody } from './generate-form';
import { providersQuery } from '../../api/queries';
import { GeneratedDraft } from './generated-draft';
import { generationStage } from './generation-stage';

/** Follows one generation live, then shows its draft or why it failed. */
function GenerationResult({ executionId }: { executionId: string }) {
  const execution = useQuery(executionQuery(executionId));
  const stage = generationStage(execution.data);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2 text-sm">
        <span className="flex items-center gap-2">
          Generation
          <Link to="/executions/$id" params={{ id: executionId }} className="font-mono text-xs text-brand-700 hover:underline" title={executionId}>
            {shortId(executionId)}
          </Link>
          {execution.data ? <StatusBadge status={execution.data.status} /> : null}
        </span>
        <Link to="/executions/$id" params={{ id: executionId }} className="text-xs text-brand-700 hover:underline">
          Prompts, output and attempts
        </Link>
      </div>
      {execution.isError ? <ErrorAlert error={execution.error} title="Could not follow the generation" /> : null}
      {stage.kind === 'waiting' && !execution.isError ? (
        <Card className="flex items-center justify-center px-6 py-12">
          <Spinner label={stage.message} />
        </Card>
      ) : null}
      {stage.kind === 'failed' ? <ErrorAlert error={stage.message} title="No template was generated" /> : null}
      {stage.kind === 'drafted' ? <GeneratedDraft templateId={stage.templateId} /> : null}
    </div>
  );
}

export function GeneratePage() {
  const canWrite = useCan('write');
  const queryClient = useQueryClient();
  const providers = useQuery({ ...providersQuery, enabled: canWrite });
  const [form, setForm] = useState<GenerateForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<GenerateFormErrors>({});
  const [executionId, setExecutionId] = useState<string | null>(null);
  const set = (patch: Partial<GenerateForm>) => setForm((current) => ({ ...current, ...patch }));

  const generate = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof toGenerateBody>['body']>) => unwrap(api.POST('/v1/templates/generate', { body })),
    onSuccess: async (accepted) => {
      setExecutionId(accepted.id);
      await queryClient.invalidateQueries({ queryKey: ['executions'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toGenerateBody(form);
    setErrors(checked.errors ?? {});
    if (checked.body) generate.mutate(checked.body);
  }

  if (!canWrite) {
    return (
      <div>
        <PageHeader title="Generate a template" />
        <EmptyState
          title={
            <span className="inline-flex items-center gap-1.5">
              <ShieldAlert className="size-4 text-amber-600" /> Generating templates needs the write scope
            </span>
          }
        >
          You are signed in with a read-only key. Sign in with a key that has the write or admin scope.
        </EmptyState>
      </div>
    );
  }

  const modelPlaceholder = defaultModelFor(providers.data, form.provider);
  return (
    <div>
      <PageHeader
        title="Generate a template"
        description="Describe a prompt; a model writes a draft template with its input schema. Drafts are saved inactive."
      />
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <Card>
          <CardHeader title="What should the prompt do?" />
          <CardBody>
            <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
              <Field
                label="Description"
                htmlFor="generate-description"
                error={errors.description}
                hint="The task, the input it gets and the output you expect (10 characters at least)."
              >
                <Textarea
                  id="generate-description"
                  required
                  rows={6}
                  placeholder="Summarise a support ticket into a title, a severity and the next steps"
                  value={form.description}
                  aria-invalid={errors.description ? true : undefined}
                  onChange={(event) => set({ description: event.target.value })}
                />
              </Field>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Name (optional)" htmlFor="generate-name" error={errors.name}>
                  <Input id="generate-name" placeholder="Chosen by the model" value={form.name} onChange={(event) => set({ name: event.target.value })} />
                </Field>
                <Field label="Category (optional)" htmlFor="generate-category">
                  <Select id="generate-category" value={form.category} onChange={(event) => set({ category: event.target.value as GenerateForm['category'] })}>
                    <option value="">other (default)</option>
                    {TEMPLATE_CATEGORIES.filter((category) => category !== 'other').map((category) => (
                      <option key={category} value={category}>
                        {category.replaceAll('_', ' ')}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <div className="flex flex-col gap-1.5">
                <span className="text-sm font-medium text-zinc-700">Example input (optional)</span>
                <div className="overflow-hidden rounded-md border border-zinc-300">
                  <CodeEditor
                    value={form.inputContext}
                    onChange={(value) => set({ inputContext: value })}
                    language="json"
                    ariaLabel="Example input (JSON)"
                    placeholder='{"ticket": "Login fails with a 500 since this morning"}'
                    minHeight="5rem"
                    maxHeight="16rem"
                  />
                </div>
                {errors.inputContext ? (
                  <p className="text-xs text-red-600" role="alert">
                    {errors.inputContext}
                  </p>
                ) : (
                  <p className="text-xs text-zinc-500">JSON the prompt will receive, so the model knows the variables to use.</p>
                )}
              </div>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Provider" htmlFor="generate-provider">
                  <Select id="generate-provider" value={form.provider} onChange={(event) => set({ provider: event.target.value })}>
                    <option value="">{providers.data ? `auto (${providers.data.auto})` : 'auto'}</option>
                    {providers.data?.items.map((provider) => (
                      <option key={provider.name} value={provider.name}>
                        {provider.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Model" htmlFor="generate-model" error={errors.model}>
                  <Input
                    id="generate-model"
                    placeholder={modelPlaceholder || 'Provider default'}
                    value={form.model}
                    onChange={(event) => set({ model: event.target.value })}
                  />
                </Field>
              </div>
              {providers.isError ? <ErrorAlert error={providers.error} title="Could not list the providers; auto will be used" /> : null}
              {generate.isError ? <ErrorAlert error={generate.error} title="The generation was refused" /> : null}
              <Button type="submit" variant="primary" disabled={generate.isPending} className="self-start">
                <Sparkles /> {generate.isPending ? 'Submitting…' : 'Generate template'}
              </Button>
            </form>
          </CardBody>
        </Card>
        <div>
          {executionId ? (
            <GenerationResult key={executionId} executionId={executionId} />
          ) : (
            <EmptyState title="The draft appears here">
              The generation runs on a worker like any execution; this page follows it until the draft is saved.
            </EmptyState>
          )}
        </div>
      </div>
    </div>
  );
}
