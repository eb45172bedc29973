import { useEffect, useRef, useState } from 'react';
import { type DraftPreview, type DraftPreviewInput, previewDraft } from './editor-queries';
import { type PreviewProblem, previewProblem } from './error-feedback';
import { createLatestRequest } from './latest-request';

export interface DraftPreviewState {
  /** The last successful render; kept (shown dimmed) while a later input fails, so the panel does not jump. */
  result: DraftPreview | null;
  /** Why the latest request failed; null when it succeeded. */
  problem: PreviewProblem | null;
  /** Typing has not paused yet, or the latest request is out. */
  busy: boolean;
  /** There is nothing to render (both prompts empty). */
  idle: boolean;
}

const PREVIEW_DELAY_MS = 300;

/**
 * The live preview of unsaved prompts: re-rendered ~300 ms after the last change, older requests
 * aborted, only the latest answer shown. `input` null (say, a context that is not JSON) sends
 * nothing and keeps the last answer; empty prompts send nothing and forget it.
 */
export function useDraftPreview(input: DraftPreviewInput | null): DraftPreviewState {
  const [state, setState] = useState<Omit<DraftPreviewState, 'idle'>>({ result: null, problem: null, busy: false });
  const latest = useRef<ReturnType<typeof createLatestRequest<DraftPreviewInput, DraftPreview>> | null>(null);
  latest.current ??= createLatestRequest<DraftPreviewInput, DraftPreview>({
    delayMs: PREVIEW_DELAY_MS,
    request: (body, signal) => previewDraft(body, signal),
    onSettled: (outcome) =>
      setState((previous) => (outcome.ok ? { ...previous, result: outcome.value, problem: null } : { ...previous, problem: previewProblem(outcome.error) })),
    onBusyChange: (busy) => setState((previous) => ({ ...previous, busy })),
  });

  const idle = input !== null && input.system_prompt.trim() === '' && input.user_prompt_template.trim() === '';
  // The serialized input is the dependency, so re-renders with equal content send nothing.
  const key = input === null || idle ? null : JSON.stringify(input);
  useEffect(() => {
    const requests = latest.current;
    if (!requests) return;
    if (key === null) requests.cancel();
    else requests.schedule(JSON.parse(key) as DraftPreviewInput);
    return () => requests.cancel();
  }, [key]);
  useEffect(() => {
    if (idle) setState({ result: null, problem: null, busy: false });
  }, [idle]);

  return { ...state, idle };
}
