import { useId, useState } from 'react';
import { Input, Select, Textarea } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { Switch } from '../../components/ui/switch';
import { type ContextField, formatFieldValue, parseFieldText, readPath, sameJson, writePath } from './context-form';

type JsonObject = Record<string, unknown>;
type TextKind = 'string' | 'number' | 'integer' | 'string-list' | 'json';

interface FieldProps {
  field: ContextField;
  context: JsonObject;
  onChange: (context: JsonObject) => void;
  /** Violation messages by dotted field path, from the last preview. */
  errors: Map<string, string>;
}

const HINTS: Partial<Record<TextKind, string>> = {
  'string-list': 'One per line, or separated by commas.',
  json: 'JSON value.',
};

/**
 * A text input over a context value. What the user typed is kept while it still means the value
 * the context holds ("1." for 1, "a," for ["a"]), or while it does not parse yet; once the
 * context changes from elsewhere (the JSON editor), the field shows the new value.
 */
function TextField({ field, kind, context, onChange, errors }: FieldProps & { kind: TextKind }) {
  const id = useId();
  const value = readPath(context, field.path);
  const [draft, setDraft] = useState<string | null>(null);
  const parsedDraft = draft === null ? null : parseFieldText(kind, draft, field.required);
  const keepDraft = parsedDraft !== null && (!parsedDraft.ok || sameJson(parsedDraft.value, value));
  const text = keepDraft && draft !== null ? draft : formatFieldValue(kind, value);
  const inputError = parsedDraft && !parsedDraft.ok && keepDraft ? parsedDraft.message : undefined;
  const error = inputError ?? errors.get(field.path.join('.'));

  function change(next: string) {
    setDraft(next);
    const parsed = parseFieldText(kind, next, field.required);
    if (parsed.ok) onChange(writePath(context, field.path, parsed.value));
  }

  const common = {
    id,
    value: text,
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required || undefined,
    onChange: (event: { target: { value: string } }) => change(event.target.value),
  } as const;
  // Text may span lines (prompt inputs often do), so strings get a textarea that grows with them.
  const minRows = kind === 'string' ? 1 : 2;
  return (
    <Field label={<FieldLabel field={field} />} htmlFor={id} error={error} hint={field.description ?? HINTS[kind]}>
      {kind === 'number' || kind === 'integer' ? (
        <Input {...common} inputMode="decimal" />
      ) : (
        <Textarea
          {...common}
          rows={Math.min(8, Math.max(minRows, text.split('\n').length))}
          className={kind === 'json' ? 'min-h-9 py-1.5 font-mono text-xs' : 'min-h-9 py-1.5'}
        />
      )}
    </Field>
  );
}

function FieldLabel({ field }: { field: ContextField }) {
  return (
    <>
      {field.label}
      {field.required ? (
        // The inputs carry aria-required; the star is drawn by CSS so it stays out of the label's text and name.
        <span className="ml-0.5 text-red-600 after:content-['*']" aria-hidden="true" />
      ) : null}
    </>
  );
}

function EnumField({ field, context, onChange, errors }: FieldProps & { field: Extract<ContextField, { kind: 'enum' }> }) {
  const id = useId();
  const value = readPath(context, field.path);
  const selected = field.options.findIndex((option) => sameJson(option, value));
  return (
    <Field label={<FieldLabel field={field} />} htmlFor={id} error={errors.get(field.path.join('.'))} hint={field.description}>
      <Select
        id={id}
        aria-required={field.required || undefined}
        value={selected === -1 ? '' : String(selected)}
        onChange={(event) => onChange(writePath(context, field.path, event.target.value === '' ? undefined : field.options[Number(event.target.value)]))}
      >
        <option value="">—</option>
        {field.options.map((option, index) => (
          <option key={JSON.stringify(option)} value={String(index)}>
            {typeof option === 'string' ? option : JSON.stringify(option)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function BooleanField({ field, context, onChange, errors }: FieldProps) {
  const id = useId();
  const value = readPath(context, field.path);
  const error = errors.get(field.path.join('.'));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <Switch id={id} checked={value === true} onCheckedChange={(checked) => onChange(writePath(context, field.path, checked))} />
        <label htmlFor={id} className="text-sm font-medium text-zinc-700">
          <FieldLabel field={field} />
        </label>
        {value === undefined ? <span className="text-xs text-zinc-400">(not set)</span> : null}
      </div>
      {error ? (
        <p className="text-xs text-red-600" role="alert">
          {error}
        </p>
      ) : field.description ? (
        <p className="text-xs text-zinc-500">{field.description}</p>
      ) : null}
    </div>
  );
}

function ContextFieldView(props: FieldProps) {
  const { field } = props;
  if (field.kind === 'object') {
    return (
      <fieldset className="flex flex-col gap-3 rounded-md border border-zinc-200 px-3 pt-1 pb-3">
        <legend className="px-1 text-sm font-medium text-zinc-700">
          <FieldLabel field={field} />
        </legend>
        {field.description ? <p className="-mt-1 text-xs text-zinc-500">{field.description}</p> : null}
        {field.fields.map((child) => (
          <ContextFieldView key={child.path.join('.')} {...props} field={child} />
        ))}
      </fieldset>
    );
  }
  if (field.kind === 'enum') return <EnumField {...props} field={field} />;
  if (field.kind === 'boolean') return <BooleanField {...props} />;
  return <TextField {...props} kind={field.kind} />;
}

/** The context as a form: one input per schema property; every edit writes the JSON context. */
export function ContextFormView({
  fields,
  context,
  onChange,
  errors,
}: {
  fields: ContextField[];
  context: JsonObject;
  onChange: (context: JsonObject) => void;
  errors: Map<string, string>;
}) {
  return (
    <div className="flex flex-col gap-3">
      {fields.map((field) => (
        <ContextFieldView key={field.path.join('.')} field={field} context={context} onChange={onChange} errors={errors} />
      ))}
    </div>
  );
}
