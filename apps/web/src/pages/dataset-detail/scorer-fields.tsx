import { Trash2 } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { Input, Select, Textarea } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { emptyScorerDraft, isScorerType, optionsOf, SCORER_SPECS, SCORER_TYPES, type ScorerDraft, type ScorerOption } from './scorer-options';

function OptionInput({
  option,
  id,
  value,
  invalid,
  onChange,
}: {
  option: ScorerOption;
  id: string;
  value: string | boolean | undefined;
  invalid: boolean;
  onChange: (value: string | boolean) => void;
}) {
  const text = typeof value === 'string' ? value : '';
  switch (option.kind) {
    case 'boolean':
      return (
        <label htmlFor={id} className="flex items-center gap-2 text-sm text-zinc-700">
          <input id={id} type="checkbox" className="size-4 accent-brand-600" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
          {option.label}
        </label>
      );
    case 'choice':
      return (
        <Select id={id} value={text} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)}>
          {option.required ? null : <option value="">Default</option>}
          {option.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </Select>
      );
    case 'number':
      return (
        <Input
          id={id}
          type="number"
          inputMode="decimal"
          min={option.min}
          max={option.max}
          step={option.step ?? 'any'}
          placeholder={option.placeholder}
          value={text}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'lines':
      return <Textarea id={id} rows={3} value={text} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} />;
    case 'json':
      return (
        <Textarea
          id={id}
          rows={4}
          className="font-mono text-xs"
          spellCheck={false}
          value={text}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'text':
      return option.multiline ? (
        <Textarea id={id} rows={3} placeholder={option.placeholder} value={text} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <Input id={id} placeholder={option.placeholder} value={text} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} />
      );
  }
}

/** One scorer: its type, and a form generated from that type's options (scorer-options.ts). */
export function ScorerFields({
  draft,
  index,
  errors,
  onChange,
  onRemove,
}: {
  draft: ScorerDraft;
  index: number;
  errors: Record<string, string> | undefined;
  onChange: (draft: ScorerDraft) => void;
  onRemove?: () => void;
}) {
  const id = useId();
  const spec = SCORER_SPECS[draft.type];
  const options = optionsOf(draft.type);
  const input = (option: ScorerOption) => (
    <OptionInput
      option={option}
      id={`${id}-${option.key}`}
      value={draft.values[option.key]}
      invalid={Boolean(errors?.[option.key])}
      onChange={(value) => onChange({ ...draft, values: { ...draft.values, [option.key]: value } })}
    />
  );
  const wide = (option: ScorerOption) => option.kind === 'json' || option.kind === 'lines' || (option.kind === 'text' && option.multiline);
  return (
    <fieldset className="rounded-md border border-zinc-200 bg-white p-3" aria-label={`Scorer ${index + 1}`}>
      <div className="mb-3 flex items-end gap-2">
        <Field label={`Type of scorer ${index + 1}`} htmlFor={`${id}-type`} className="flex-1" hint={`Passes when ${spec.passes}.`}>
          <Select id={`${id}-type`} value={draft.type} onChange={(event) => isScorerType(event.target.value) && onChange(emptyScorerDraft(event.target.value))}>
            {SCORER_TYPES.map((type) => (
              <option key={type} value={type}>
                {SCORER_SPECS[type].label}
              </option>
            ))}
          </Select>
        </Field>
        {onRemove ? (
          <Button size="icon" variant="ghost" aria-label={`Remove scorer ${index + 1}`} title="Remove" onClick={onRemove} className="mb-6">
            <Trash2 />
          </Button>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-3">
        {options
          .filter((option) => option.kind !== 'boolean')
          .map((option) => (
            <Field
              key={option.key}
              label={`${option.label}${option.required ? '' : ' (optional)'}`}
              htmlFor={`${id}-${option.key}`}
              hint={option.hint}
              error={errors?.[option.key]}
              className={wide(option) ? 'col-span-2' : undefined}
            >
              {input(option)}
            </Field>
          ))}
      </div>
      {options.some((option) => option.kind === 'boolean') ? (
        <div className="mt-3 flex flex-wrap gap-x-5 gap-y-2">
          {options
            .filter((option) => option.kind === 'boolean')
            .map((option) => (
              <div key={option.key}>{input(option)}</div>
            ))}
        </div>
      ) : null}
    </fieldset>
  );
}
