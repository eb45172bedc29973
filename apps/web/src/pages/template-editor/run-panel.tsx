import { Play } from 'lucide-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { toast } from '../../components/ui/toast';
import { previewDraft } from './editor-queries';
import { RunResult } from './run-result';
import { draftRunBody, type Template, type TemplateValues } from './template-form';

export interface RunPanelProps {
  /** The saved version being edited; null for a template not created yet. */
  base: Template | null;
  /** Whether the form differs from `base`, so a run of `base` would not run what is on screen. */
  unsaved: boolean;
  /** The context, or null when its JSON is broken. */
  context: Record<string, unknown> | null;
  /** The form as values, or null after showing the user what is wrong with it. */
  readDraft: () => TemplateValues | null;
}

interface Submitted {
  id: string;
  title: string;
}

/**
 * Runs from the playground. A saved version runs as a template execution with the context; the
 * unsaved draft runs as a raw execution of its freshly rendered prompts with the draft's settings.
 */
export function RunPanel({ base, unsaved, context, readDraft }: RunPanelProps) {
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [submitting, setSubmitting] = useState<'saved' | 'draft' | null>(null);

  async function submit(kind: 'saved' | 'draft', send: () => Promise<{ id: string }>, title: string) {
    setSubmitting(kind);
    try {
      const accepted = await send();
      setSubmitted({ id: accepted.id, title });
    } catch (error) {
      toast(`Run failed: ${(error as Error).message}`, 'error');
    } finally {
      setSubmitting(null);
    }
  }

  function runSaved() {
    if (!base || !context) return;
    void submit('saved', () => unwrap(api.POST('/v1/executions', { body: { template_id: base.id, context } })), `Run of v${base.version_number}`);
  }

  function runDraft() {
    const values = readDraft();
    if (!values || !context) return;
    void submit(
      'draft',
      async () => {
        // Rendered now rather than taken from the preview on screen, which may lag the last keystroke.
        const rendered = await previewDraft({
          system_prompt: values.system_prompt,
          user_prompt_template: values.user_prompt_template,
          context,
          input_schema: values.input_schema,
        });
        return unwrap(api.POST('/v1/executions', { body: draftRunBody(values, rendered) }));
      },
      'Run of the draft',
    );
  }

  const noContext = context === null ? 'Fix the context JSON first' : undefined;
  const version = base ? `v${base.version_number}` : '';
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {base ? (
          <Button variant={unsaved ? 'secondary' : 'primary'} onClick={runSaved} disabled={submitting !== null || context === null} title={noContext}>
            <Play /> {submitting === 'saved' ? 'Submitting…' : unsaved ? `Run saved ${version}` : `Run ${version}`}
          </Button>
        ) : null}
        {!base || unsaved ? (
          <Button variant="primary" onClick={runDraft} disabled={submitting !== null || context === null} title={noContext}>
            <Play /> {submitting === 'draft' ? 'Submitting…' : 'Run draft'}
          </Button>
        ) : null}
        <p className="text-xs text-zinc-500">
          {base && unsaved
            ? `"Run saved ${version}" runs ${version} as saved — save first to run your edits, or run the draft as a one-off raw execution.`
            : base
              ? `Runs ${version} with this context through the queue.`
              : 'Runs the rendered draft as a one-off raw execution with these settings; create the template to run it by name.'}
        </p>
      </div>
      {submitted ? <RunResult key={submitted.id} executionId={submitted.id} title={submitted.title} /> : null}
    </div>
  );
}
