import { AlertTriangle, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/feedback';
import { cn } from '../../lib/cn';
import type { DraftPreview } from './editor-queries';
import type { PreviewProblem } from './error-feedback';
import type { DraftPreviewState } from './use-draft-preview';

function ProblemBox({ problem, onAddVariable }: { problem: PreviewProblem; onAddVariable: (path: string) => void }) {
  return (
    <div role="alert" aria-label="Preview error" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <div className="flex items-start gap-2">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" />
        <div className="min-w-0 flex-1">
          <p className="font-medium">{problem.title}</p>
          {/* The API's message repeats the violations in one line; the list reads better alone. */}
          {problem.violations.length === 0 ? <p className="break-words">{problem.message}</p> : null}
          {problem.violations.length > 0 ? (
            <ul className="mt-1 list-disc pl-4 text-xs">
              {problem.violations.map((violation) => (
                <li key={`${violation.path} ${violation.message}`}>
                  <code className="font-mono">{violation.path}</code> {violation.message}
                </li>
              ))}
            </ul>
          ) : null}
          {problem.missingVariable ? (
            <Button size="sm" className="mt-2" onClick={() => onAddVariable(problem.missingVariable ?? '')}>
              <Plus /> Add <code className="font-mono">{problem.missingVariable}</code> to the context
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function RenderedPrompt({ title, text, emptyText }: { title: string; text: string; emptyText: string }) {
  return (
    <section aria-label={`Rendered ${title.toLowerCase()}`}>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
        {text ? <span className="text-xs text-zinc-400">{text.length.toLocaleString('en-US')} chars</span> : null}
      </div>
      {text ? (
        <pre className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800">
          {text}
        </pre>
      ) : (
        <p className="rounded-md border border-dashed border-zinc-200 px-3 py-2 text-xs text-zinc-400">{emptyText}</p>
      )}
    </section>
  );
}

export function VariableChips({ variables }: { variables: DraftPreview['variables'] }) {
  if (variables.length === 0) return <p className="text-xs text-zinc-500">The prompts use no variables.</p>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Variables">
      {variables.map((variable) => (
        <li key={variable.path}>
          <Badge
            tone={variable.optional ? 'neutral' : 'brand'}
            className="font-mono"
            title={`${variable.path}: ${variable.type_hint}${variable.optional ? ', optional (guarded by a test or default)' : ', required'}`}
          >
            {variable.path}
            {variable.type_hint !== 'unknown' ? <span className="font-sans opacity-60">{variable.type_hint}</span> : null}
            {variable.optional ? <span className="opacity-60">?</span> : null}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** The live preview: both prompts rendered with the context, the variables they use, or why they do not render. */
export function PreviewView({
  state,
  blocked,
  onAddVariable,
  actions,
}: {
  state: DraftPreviewState;
  blocked: string | null;
  onAddVariable: (path: string) => void;
  actions?: ReactNode;
}) {
  const { result, problem, busy } = state;
  if (blocked === null && state.idle) {
    return (
      <div className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold text-zinc-900">Preview</h2>
        <p className="text-sm text-zinc-500">Write a user prompt template to see it rendered here, live.</p>
      </div>
    );
  }
  const stale = problem !== null || blocked !== null;
  // A stale render of nothing (the empty draft the page opened with) is not worth showing.
  const shown = result && !(stale && result.system_prompt === '' && result.user_prompt === '') ? result : null;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">Preview</h2>
        <div className="flex items-center gap-2">
          {busy ? <Spinner label="Rendering…" className="text-xs" /> : null}
          {actions}
        </div>
      </div>
      {blocked ? <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">{blocked}</p> : null}
      {problem && !blocked ? <ProblemBox problem={problem} onAddVariable={onAddVariable} /> : null}
      {shown ? (
        <div className={cn('flex flex-col gap-3 transition-opacity', stale && 'opacity-50')} aria-busy={busy}>
          {stale ? <p className="text-xs text-zinc-500">Showing the last successful render.</p> : null}
          <RenderedPrompt title="System prompt" text={shown.system_prompt} emptyText="No system prompt." />
          <RenderedPrompt title="User prompt" text={shown.user_prompt} emptyText="The user prompt renders empty." />
          <div>
            <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">Variables</h3>
            <VariableChips variables={shown.variables} />
          </div>
        </div>
      ) : !problem && !blocked ? (
        <p className="text-sm text-zinc-500">Rendering the prompts…</p>
      ) : null}
    </div>
  );
}
