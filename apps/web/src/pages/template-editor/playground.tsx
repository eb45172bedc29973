import { Wand2 } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { CodeEditor } from '../../components/code-editor/code-editor';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { toast } from '../../components/ui/toast';
import { cn } from '../../lib/cn';
import { type ContextText, contextFields, formatContext, keysOutsideForm, pointerToPath, writePath } from './context-form';
import { ContextFormView } from './context-form-view';
import { discoverContext, skeletonFromSchema } from './context-skeleton';
import { previewDraft } from './editor-queries';
import { PreviewView } from './preview-view';
import type { DraftPreviewState } from './use-draft-preview';

type JsonObject = Record<string, unknown>;

export interface PlaygroundProps {
  contextText: string;
  onContextTextChange: (text: string) => void;
  context: ContextText;
  prompts: { system_prompt: string; user_prompt_template: string };
  /** The draft's input schema when it is set and parses. */
  inputSchema: JsonObject | null;
  preview: DraftPreviewState;
  /** The run buttons and result, below the preview. */
  run: ReactNode;
}

function ModeToggle({ mode, onChange }: { mode: 'form' | 'json'; onChange: (mode: 'form' | 'json') => void }) {
  const option = (value: 'form' | 'json', label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => onChange(value)}
      className={cn('rounded px-2.5 py-1 text-xs font-medium', mode === value ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500 hover:text-zinc-800')}
    >
      {label}
    </button>
  );
  return (
    <fieldset className="flex rounded-md bg-zinc-100 p-0.5">
      <legend className="sr-only">Edit the context as</legend>
      {option('form', 'Form')}
      {option('json', 'JSON')}
    </fieldset>
  );
}

/** The right column: a context (as a form or JSON), the live preview rendered with it, and runs. */
export function Playground({ contextText, onContextTextChange, context, prompts, inputSchema, preview, run }: PlaygroundProps) {
  const [mode, setMode] = useState<'form' | 'json'>(inputSchema ? 'form' : 'json');
  const [filling, setFilling] = useState(false);
  // The form follows the input schema, or without one the schema the prompts' variables suggest.
  const formSchema = inputSchema ?? preview.result?.suggested_input_schema ?? null;
  const contextValue = context.ok ? context.context : null;
  const fields = useMemo(() => (contextValue ? contextFields(formSchema, contextValue) : []), [formSchema, contextValue]);
  const outside = contextValue ? keysOutsideForm(fields, contextValue) : [];
  const violations = useMemo(() => {
    const byPath = new Map<string, string>();
    if (preview.problem?.kind === 'context')
      for (const violation of preview.problem.violations) byPath.set(pointerToPath(violation.path).join('.'), violation.message);
    return byPath;
  }, [preview.problem]);
  const setContext = (next: JsonObject) => onContextTextChange(formatContext(next));

  async function fill() {
    if (inputSchema) {
      const skeleton = skeletonFromSchema(inputSchema);
      setContext(typeof skeleton === 'object' && skeleton !== null && !Array.isArray(skeleton) ? (skeleton as JsonObject) : {});
      return;
    }
    setFilling(true);
    const found = await discoverContext((probe) => previewDraft({ ...prompts, context: probe, input_schema: null }));
    setFilling(false);
    setContext(found.context);
    if (!found.ok) toast(`Some variables could not be filled: ${(found.error as Error).message}`, 'error');
  }

  const empty = contextValue !== null && Object.keys(contextValue).length === 0;
  return (
    <Card className="flex min-w-0 flex-col">
      <CardHeader title="Playground" description="Try the draft with a context; nothing is saved." actions={<ModeToggle mode={mode} onChange={setMode} />} />
      <CardBody className="flex flex-col gap-4">
        <section aria-label="Context" className="flex flex-col gap-2">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-zinc-900">Context</h2>
            {empty && prompts.user_prompt_template.trim() !== '' ? (
              <Button size="sm" onClick={fill} disabled={filling}>
                <Wand2 /> {filling ? 'Filling…' : 'Fill context from variables'}
              </Button>
            ) : null}
          </div>
          {mode === 'json' ? (
            <CodeEditor
              language="json"
              value={contextText}
              onChange={onContextTextChange}
              ariaLabel="Context JSON"
              minHeight="6rem"
              maxHeight="20rem"
              placeholder="{ }"
            />
          ) : !contextValue ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
              {context.ok ? '' : context.message} Fix it in the JSON view to use the form.
            </p>
          ) : fields.length === 0 ? (
            <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-sm text-zinc-500">
              No fields yet: set an input schema, or use variables in the prompts, and the form follows.
            </p>
          ) : (
            <>
              <ContextFormView fields={fields} context={contextValue} onChange={setContext} errors={violations} />
              {outside.length > 0 ? <p className="text-xs text-zinc-500">Also in the context (edit in JSON): {outside.join(', ')}</p> : null}
            </>
          )}
        </section>
        <div className="border-t border-zinc-100 pt-4">
          <PreviewView
            state={preview}
            blocked={context.ok ? null : `${context.message}. The preview waits for valid JSON.`}
            onAddVariable={(path) => contextValue && setContext(writePath(contextValue, path.split('.'), ''))}
          />
        </div>
        <section aria-label="Run" className="border-t border-zinc-100 pt-4">
          {run}
        </section>
      </CardBody>
    </Card>
  );
}
