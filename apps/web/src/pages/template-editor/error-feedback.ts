import { ApiError } from '../../api/api-error';
import type { EditorMarker } from '../../components/code-editor/editor-markers';
import { parseViolations, type Violation } from '../../components/executions/schema-violations';
import { type FieldErrors, type FormField, VERSION_FIELDS } from './template-form';

export const PROMPT_FIELDS = ['system_prompt', 'user_prompt_template'] as const;
export type PromptField = (typeof PROMPT_FIELDS)[number];
export type PromptMarkers = Partial<Record<PromptField, EditorMarker[]>>;

type Details = Record<string, unknown>;

function detailsOf(error: ApiError): Details {
  return typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details) ? (error.details as Details) : {};
}

const position = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null);
const isPromptField = (value: unknown): value is PromptField => PROMPT_FIELDS.includes(value as PromptField);

/** The message without the `user_prompt_template: ` prefix the API adds, since the marker already sits in that editor. */
function markerMessage(error: ApiError, field: PromptField, details: Details): string {
  if (typeof details.reason === 'string' && details.reason !== '') return details.reason;
  return error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
}

/** A render or syntax error placed in the prompt it came from (422 `render_error` with `details.field/line/column`). */
export function renderErrorMarkers(error: unknown): PromptMarkers {
  if (!(error instanceof ApiError) || error.type !== 'render_error') return {};
  const details = detailsOf(error);
  if (!isPromptField(details.field)) return {};
  return { [details.field]: [{ line: position(details.line), column: position(details.column), message: markerMessage(error, details.field, details) }] };
}

export function violationsOf(error: unknown): Violation[] {
  return error instanceof ApiError ? parseViolations(detailsOf(error).violations) : [];
}

/** Why the live preview failed, shaped for the page: a title, where to mark it, and what to list. */
export interface PreviewProblem {
  kind: 'render' | 'context' | 'input_schema' | 'other';
  title: string;
  message: string;
  markers: PromptMarkers;
  violations: Violation[];
  /** The dotted path the renderer found undefined, when that is the failure. */
  missingVariable: string | null;
}

const PROMPT_LABELS: Record<PromptField, string> = { system_prompt: 'system prompt', user_prompt_template: 'user prompt template' };

/** "'name' is undefined (line 1, column 7)": the message without its field prefix, with the place when it does not say it. */
function renderMessage(error: ApiError, field: PromptField | null, details: Details): string {
  const bare = field && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
  const line = position(details.line);
  if (line === null || /\bline \d/.test(bare)) return bare;
  const column = position(details.column);
  return `${bare} (line ${line}${column === null ? '' : `, column ${column}`})`;
}

export function previewProblem(error: unknown): PreviewProblem {
  const message = error instanceof Error ? error.message : String(error);
  const empty = { message, markers: {}, violations: [], missingVariable: null };
  if (!(error instanceof ApiError)) return { kind: 'other', title: 'The preview failed', ...empty };
  const details = detailsOf(error);
  if (error.type === 'render_error') {
    const field = isPromptField(details.field) ? details.field : null;
    const missingVariable = details.kind === 'undefined' && typeof details.variable === 'string' ? details.variable : null;
    return {
      ...empty,
      kind: 'render',
      title: field ? `The ${PROMPT_LABELS[field]} does not render` : 'The template does not render',
      message: renderMessage(error, field, details),
      markers: renderErrorMarkers(error),
      missingVariable,
    };
  }
  if (error.type === 'validation_error')
    return { ...empty, kind: 'context', title: 'The context does not match the input schema', violations: violationsOf(error) };
  if (error.type === 'schema_error') return { ...empty, kind: 'input_schema', title: 'The input schema is not valid', violations: violationsOf(error) };
  return { kind: 'other', title: 'The preview failed', ...empty };
}

const FORM_FIELDS: FormField[] = ['name', ...VERSION_FIELDS];

/** `input_schema.properties.x` (a body path) belongs to the `input_schema` field. */
function formFieldOf(path: unknown): FormField | null {
  if (typeof path !== 'string') return null;
  const head = path.split('.')[0] as FormField;
  return FORM_FIELDS.includes(head) ? head : null;
}

/** Where a refused save goes: messages under fields, markers in prompts, and whatever could not be placed. */
export interface SaveProblem {
  fields: FieldErrors;
  markers: PromptMarkers;
  /** Shown above the form when no field takes it. */
  general: string | null;
}

/**
 * Maps a refused create/new-version to the form: 400 `details.issues[].path` (request checks) or
 * `details.field` (domain checks), 422 render errors with their line, 422 schema errors by the schema
 * they name, 409 on the name.
 */
export function saveProblem(error: unknown): SaveProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError)) return { fields: {}, markers: {}, general: message };
  const details = detailsOf(error);
  const fields: FieldErrors = {};
  const place = (field: FormField | null, text: string) => {
    if (field && !fields[field]) fields[field] = text;
    return field !== null;
  };
  let placed = false;
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues as Details[]) {
      placed = place(formFieldOf(issue.path), typeof issue.message === 'string' ? issue.message : message) || placed;
    }
  } else if (error.type === 'render_error') {
    const markers = renderErrorMarkers(error);
    const field = isPromptField(details.field) ? details.field : null;
    return { fields: field ? { [field]: message.replace(`${field}: `, '') } : {}, markers, general: field ? null : message };
  } else if (error.type === 'schema_error') {
    // The service names the schema at the start of its message ("input schema is not a valid ...").
    const field = /^input[ _]schema/.test(message) ? 'input_schema' : /^output[ _]schema/.test(message) ? 'output_schema' : null;
    placed = place(field, message);
  } else if (error.status === 409 && details.action === 'create_version') {
    // The API's wording points at its own route; on this page the way out is a new name or that template's editor.
    placed = place('name', `A template named "${String(details.name)}" already exists. Pick another name, or edit that template to add a version.`);
  } else {
    placed = place(formFieldOf(details.field), message);
  }
  return { fields, markers: {}, general: placed ? null : message };
}
