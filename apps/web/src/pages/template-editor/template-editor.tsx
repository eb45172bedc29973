import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useBlocker, useNavigate } from '@tanstack/react-router';
import { Plus, Save } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { PageHeader } from '../../components/ui/page-header';
import { toast } from '../../components/ui/toast';
import { parseContextText } from './context-form';
import { providersQuery } from '../../api/queries';
import { type PromptMarkers, saveProblem } from './error-feedback';
import { Playground } from './playground';
import { loadContext, storeContext } from './playground-storage';
import { RunPanel } from './run-panel';
import { SaveVersionDialog } from './save-version-dialog';
import { SettingsPanel } from './settings-panel';
import {
  changedFields,
  createBody,
  type FieldErrors,
  type FormField,
  formFromTemplate,
  NEW_TEMPLATE_FORM,
  parseSchemaText,
  readForm,
  splitChanges,
  type Template,
  type TemplateForm,
  type TemplateValues,
} from './template-form';
import { useDraftPreview } from './use-draft-preview';

// Emptiness is only worth pointing out once the user tried to save.
const REQUIRED_FIELDS: FormField[] = ['name', 'user_prompt_template'];

function mergeMarkers(...sources: PromptMarkers[]): PromptMarkers {
  const merged: PromptMarkers = {};
  for (const source of sources) {
    for (const [field, markers] of Object.entries(source) as [keyof PromptMarkers, PromptMarkers[keyof PromptMarkers]][]) {
      merged[field] = [...(merged[field] ?? []), ...(markers ?? [])];
    }
  }
  return merged;
}

/** The editor and playground of one template: a new one (`base` null) or a new version of `base`. */
export function TemplateEditor({ base }: { base: Template | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const providers = useQuery(providersQuery).data;
  const initialForm = useMemo(() => (base ? formFromTemplate(base) : NEW_TEMPLATE_FORM), [base]);
  const [form, setForm] = useState<TemplateForm>(initialForm);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [saveMarkers, setSaveMarkers] = useState<PromptMarkers>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const storageName = base?.name ?? null;
  const [contextText, setContextText] = useState(() => loadContext(storageName) ?? '{}');

  useEffect(() => storeContext(storageName, contextText), [storageName, contextText]);

  const read = readForm(form, { requireName: base === null });
  const liveErrors: FieldErrors = read.ok ? {} : read.errors;
  const errors: FieldErrors = { ...serverErrors };
  for (const [field, message] of Object.entries(liveErrors) as [FormField, string][]) {
    if (!errors[field] && (attempted || !REQUIRED_FIELDS.includes(field))) errors[field] = message;
  }
  const changes = base && read.ok ? changedFields(base, read.values) : {};
  const dirty = JSON.stringify(form) !== JSON.stringify(initialForm);
  // What a run of the saved version would not include (whitespace in a schema's text is not a change).
  const unsaved = base === null || !read.ok || Object.keys(splitChanges(changes).content).length > 0;

  const context = useMemo(() => parseContextText(contextText), [contextText]);
  const inputSchema = useMemo(() => {
    const parsed = parseSchemaText(form.input_schema);
    return parsed.ok ? parsed.schema : null;
  }, [form.input_schema]);
  const preview = useDraftPreview(
    context.ok
      ? { system_prompt: form.system_prompt, user_prompt_template: form.user_prompt_template, context: context.context, input_schema: inputSchema }
      : null,
  );
  // A schema the preview refused also belongs under the schema editor.
  if (preview.problem?.kind === 'input_schema' && !errors.input_schema) errors.input_schema = preview.problem.message;

  // Leaving on purpose (after saving) must not ask "discard changes?".
  const leaving = useRef(false);
  const discarding = useRef(false);
  const blocker = useBlocker({ shouldBlockFn: () => dirty && !leaving.current, enableBeforeUnload: () => dirty && !leaving.current, withResolver: true });

  function update<K extends FormField>(field: K, value: TemplateForm[K]) {
    setForm((previous) => ({ ...previous, [field]: value }));
    setServerErrors(({ [field]: _, ...rest }) => rest);
    if (field === 'system_prompt' || field === 'user_prompt_template') setSaveMarkers(({ [field]: _, ...rest }) => rest);
    setGeneralError(null);
  }

  /** The form as values, or null after showing every problem in it. */
  function readDraft(): TemplateValues | null {
    setAttempted(true);
    if (read.ok) return read.values;
    toast('Fix the highlighted fields first', 'error');
    return null;
  }

  function showSaveError(error: unknown) {
    const problem = saveProblem(error);
    setServerErrors(problem.fields);
    setSaveMarkers(problem.markers);
    setGeneralError(problem.general);
    toast(problem.general ?? 'Not saved: see the highlighted fields', 'error');
  }

  async function leaveTo(go: () => Promise<void>) {
    leaving.current = true;
    try {
      await go();
    } finally {
      leaving.current = false;
    }
  }

  async function create() {
    const values = readDraft();
    if (!values) return;
    try {
      const created = await unwrap(api.POST('/v1/templates', { body: createBody(values) }));
      storeContext(created.name, contextText);
      storeContext(null, '');
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
      toast(`Created ${created.name}`);
      await leaveTo(() => navigate({ to: '/templates/$name', params: { name: created.name } }));
    } catch (error) {
      showSaveError(error);
    }
  }

  /**
   * Content changes make the next version (which takes any detail changes to the name with it);
   * details alone (description, category, tags) belong to the name, so they are saved on it and
   * no version is added.
   */
  async function saveVersion() {
    if (!base) return;
    try {
      const { details, content } = splitChanges(changes);
      const detailsOnly = Object.keys(content).length === 0;
      const saved = detailsOnly
        ? await unwrap(api.PATCH('/v1/templates/{id}', { params: { path: { id: base.name } }, body: details }))
        : await unwrap(api.POST('/v1/templates/{id}/versions', { params: { path: { id: base.id } }, body: changes }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['templates'] }), queryClient.invalidateQueries({ queryKey: ['template'] })]);
      toast(detailsOnly ? `Saved the details of ${saved.name}` : `Saved ${saved.name} v${saved.version_number}`);
      setDialogOpen(false);
      const version = detailsOnly ? base.version_number : saved.version_number;
      await leaveTo(() => navigate({ to: '/templates/$name', params: { name: saved.name }, search: { version } }));
    } catch (error) {
      setDialogOpen(false);
      showSaveError(error);
    }
  }

  function save() {
    if (!base) return void create();
    if (readDraft()) setDialogOpen(true);
  }

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    // Ctrl/Cmd+S saves (or opens the diff) instead of saving the web page.
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Stable between keystrokes, so the editors only redraw their markers when the markers change.
  const markers = useMemo(() => mergeMarkers(preview.problem?.markers ?? {}, saveMarkers), [preview.problem, saveMarkers]);
  const title = base ? `Edit ${base.name}` : 'New template';
  return (
    <div className="flex flex-col">
      <PageHeader
        breadcrumb={
          <span className="flex items-center gap-1">
            <Link to="/templates" className="hover:text-zinc-800">
              Templates
            </Link>
            {base ? (
              <>
                <span>/</span>
                <Link
                  to="/templates/$name"
                  params={{ name: base.name }}
                  search={{ version: base.version_number }}
                  className="max-w-64 truncate hover:text-zinc-800"
                  title={base.name}
                >
                  {base.name}
                </Link>
              </>
            ) : null}
          </span>
        }
        title={
          <span className="flex items-center gap-2" title={title}>
            <span className="truncate">{title}</span>
            {base ? <Badge tone="neutral">from v{base.version_number}</Badge> : null}
          </span>
        }
        description={
          base
            ? 'Saving creates the next version; the one you started from never changes. Description, category and tags belong to the template and change for every version.'
            : 'Write the prompts, try them in the playground, then create version 1.'
        }
        actions={
          <>
            {dirty ? <Badge tone="warning">Unsaved changes</Badge> : null}
            <Button asChild variant="ghost">
              {base ? (
                <Link to="/templates/$name" params={{ name: base.name }} search={{ version: base.version_number }}>
                  Cancel
                </Link>
              ) : (
                <Link to="/templates">Cancel</Link>
              )}
            </Button>
            <Button variant="primary" onClick={save} title="Ctrl+S">
              {base ? <Save /> : <Plus />} {base ? 'Save as new version' : 'Create template'}
            </Button>
          </>
        }
      />
      {generalError ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {generalError}
        </p>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <SettingsPanel
          form={form}
          onChange={update}
          errors={errors}
          markers={markers}
          providers={providers}
          isNew={!base}
          suggestedInputSchema={preview.result?.suggested_input_schema ?? null}
        />
        <div className="min-w-0 xl:sticky xl:top-6 xl:max-h-[calc(100vh-3rem)] xl:overflow-y-auto">
          <Playground
            contextText={contextText}
            onContextTextChange={setContextText}
            context={context}
            prompts={{ system_prompt: form.system_prompt, user_prompt_template: form.user_prompt_template }}
            inputSchema={inputSchema}
            preview={preview}
            run={<RunPanel base={base} unsaved={unsaved} context={context.ok ? context.context : null} readDraft={readDraft} />}
          />
        </div>
      </div>
      {base ? <SaveVersionDialog open={dialogOpen} onOpenChange={setDialogOpen} base={base} changes={changes} onSave={saveVersion} /> : null}
      <ConfirmDialog
        open={blocker.status === 'blocked'}
        onOpenChange={(open) => {
          // Closing after "Discard" already let the navigation through; only "Cancel" and Escape stay.
          if (!open && !discarding.current) blocker.reset?.();
          discarding.current = false;
        }}
        title="Discard unsaved changes?"
        description={base ? `Your edits to ${base.name} are not saved as a version yet.` : 'This template has not been created yet.'}
        confirmLabel="Discard changes"
        onConfirm={() => {
          discarding.current = true;
          blocker.proceed?.();
        }}
      />
    </div>
  );
}
