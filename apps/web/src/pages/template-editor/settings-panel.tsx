import { useQuery } from '@tanstack/react-query';
import { ChevronRight, Wand2 } from 'lucide-react';
import { useState } from 'react';
import { TEMPLATE_CATEGORIES } from '../../api/enums';
import { CodeEditor } from '../../components/code-editor/code-editor';
import type { EditorMarker } from '../../components/code-editor/editor-markers';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Input, Select, Textarea } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import type { ProviderCatalog } from '../../api/queries';
import type { PromptMarkers } from './error-feedback';
import { categoryChoices } from '../templates/templates-format';
import { templateFacetsQuery } from '../templates/templates-queries';
import type { FieldErrors, FormField, TemplateForm } from './template-form';
import { TagInput } from '../../components/ui/tag-input';
import { addSlugs } from '../../lib/slug';

export interface SettingsPanelProps {
  form: TemplateForm;
  onChange: <K extends FormField>(field: K, value: TemplateForm[K]) => void;
  errors: FieldErrors;
  markers: PromptMarkers;
  providers: ProviderCatalog | undefined;
  isNew: boolean;
  /** The input schema the preview suggests from the prompts' variables, offered when none is set. */
  suggestedInputSchema: Record<string, unknown> | null;
}

/** The model a provider uses when the template names none, shown as the model field's placeholder. */
function defaultModel(catalog: ProviderCatalog | undefined, provider: string): string {
  if (!catalog) return '';
  const name = provider === 'auto' ? catalog.auto : provider;
  return catalog.items.find((item) => item.name === name)?.default_model ?? '';
}

function ProviderSelect({
  value,
  onChange,
  catalog,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  catalog: ProviderCatalog | undefined;
  error?: string;
}) {
  const names = catalog?.items.map((item) => item.name) ?? [];
  // A provider saved earlier but no longer configured stays selectable, so opening a version never changes it.
  const unknown = value !== 'auto' && !names.includes(value);
  return (
    <Select id="template-provider" value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined}>
      <option value="auto">auto{catalog ? ` (${catalog.auto})` : ''}</option>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
      {unknown ? <option value={value}>{value} (not configured)</option> : null}
    </Select>
  );
}

function SchemaEditors({ form, onChange, errors, suggestedInputSchema }: Pick<SettingsPanelProps, 'form' | 'onChange' | 'errors' | 'suggestedInputSchema'>) {
  const [toggledOpen, setOpen] = useState(() => form.input_schema.trim() !== '' || form.output_schema.trim() !== '');
  // An error in a schema must be visible, so it opens the section.
  const open = toggledOpen || Boolean(errors.input_schema || errors.output_schema);
  return (
    <Card>
      <button
        type="button"
        className="flex w-full items-center gap-2 px-4 py-3 text-left text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
        aria-expanded={open}
        aria-controls="template-schemas"
        onClick={() => setOpen(!open)}
      >
        <ChevronRight className={`size-4 text-zinc-500 transition-transform ${open ? 'rotate-90' : ''}`} />
        Schemas
        <span className="font-normal text-zinc-500">
          {[form.input_schema.trim() ? 'input' : null, form.output_schema.trim() ? 'output' : null].filter(Boolean).join(' and ') || 'none'}
        </span>
      </button>
      {open ? (
        <CardBody id="template-schemas" className="flex flex-col gap-4 border-t border-zinc-100">
          <Field
            label="Input schema"
            error={errors.input_schema}
            hint="JSON Schema the context must satisfy before rendering; empty for none. The playground form is generated from it."
          >
            <CodeEditor
              language="json"
              value={form.input_schema}
              onChange={(value) => onChange('input_schema', value)}
              ariaLabel="Input schema"
              minHeight="5rem"
              maxHeight="20rem"
              placeholder="{ }"
            />
            {form.input_schema.trim() === '' && suggestedInputSchema ? (
              <Button size="sm" variant="ghost" className="self-start" onClick={() => onChange('input_schema', JSON.stringify(suggestedInputSchema, null, 2))}>
                <Wand2 /> Use the schema suggested by the variables
              </Button>
            ) : null}
          </Field>
          <Field
            label="Output schema"
            error={errors.output_schema}
            hint="JSON Schema the model's answer must satisfy; invalid answers are re-asked with the errors."
          >
            <CodeEditor
              language="json"
              value={form.output_schema}
              onChange={(value) => onChange('output_schema', value)}
              ariaLabel="Output schema"
              minHeight="5rem"
              maxHeight="20rem"
              placeholder="{ }"
            />
          </Field>
        </CardBody>
      ) : null}
    </Card>
  );
}

function PromptEditor({
  id,
  label: title,
  hint,
  value,
  onChange,
  error,
  markers,
  minHeight,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  markers?: EditorMarker[];
  minHeight: string;
}) {
  return (
    <Field label={title} error={error} hint={hint}>
      <div id={id}>
        <CodeEditor language="jinja" value={value} onChange={onChange} ariaLabel={title} markers={markers} minHeight={minHeight} maxHeight="30rem" />
      </div>
    </Field>
  );
}

/** The left column: what a version is made of. */
export function SettingsPanel({ form, onChange, errors, markers, providers, isNew, suggestedInputSchema }: SettingsPanelProps) {
  const facets = useQuery(templateFacetsQuery).data;
  const number = (field: 'temperature' | 'max_tokens' | 'max_validation_retries', title: string, hint: string, placeholder?: string) => (
    <Field label={title} htmlFor={`template-${field}`} error={errors[field]} hint={hint}>
      <Input
        id={`template-${field}`}
        inputMode="decimal"
        value={form[field]}
        placeholder={placeholder}
        onChange={(event) => onChange(field, event.target.value)}
        aria-invalid={errors[field] ? true : undefined}
      />
    </Field>
  );
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Card>
        <CardHeader title="Template" />
        <CardBody className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          {isNew ? (
            <Field
              label="Name"
              htmlFor="template-name"
              error={errors.name}
              hint="Callers use it to run the template; it cannot change later."
              className="sm:col-span-2"
            >
              <Input
                id="template-name"
                value={form.name}
                autoFocus
                onChange={(event) => onChange('name', event.target.value)}
                aria-invalid={errors.name ? true : undefined}
                placeholder="Support Reply"
              />
            </Field>
          ) : null}
          <Field label="Description" htmlFor="template-description" error={errors.description}>
            <Textarea
              id="template-description"
              rows={2}
              className="min-h-9"
              value={form.description}
              onChange={(event) => onChange('description', event.target.value)}
            />
          </Field>
          <Field label="Category" htmlFor="template-category" error={errors.category} hint="Pick one or type your own.">
            <Input
              id="template-category"
              list="template-category-suggestions"
              value={form.category}
              onChange={(event) => onChange('category', event.target.value)}
              aria-invalid={errors.category ? true : undefined}
              autoComplete="off"
            />
            <datalist id="template-category-suggestions">
              {categoryChoices(TEMPLATE_CATEGORIES, facets?.categories).map((category) => (
                <option key={category} value={category} />
              ))}
            </datalist>
          </Field>
          <Field
            label="Tags"
            htmlFor="template-tags"
            error={errors.tags}
            hint="Description, category and tags belong to the template: they show on every version."
            className="sm:col-span-2"
          >
            <TagInput
              id="template-tags"
              tags={form.tags}
              onChange={(tags) => onChange('tags', tags)}
              addTyped={addSlugs}
              suggestions={facets?.tags.map((tag) => tag.name) ?? []}
              invalid={Boolean(errors.tags)}
            />
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Model" />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Provider" htmlFor="template-provider" error={errors.provider}>
            <ProviderSelect value={form.provider} onChange={(value) => onChange('provider', value)} catalog={providers} error={errors.provider} />
          </Field>
          <Field label="Model" htmlFor="template-model" error={errors.model} hint="Empty: the provider's default.">
            <Input
              id="template-model"
              value={form.model}
              placeholder={defaultModel(providers, form.provider)}
              onChange={(event) => onChange('model', event.target.value)}
            />
          </Field>
          <div className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
            {number('temperature', 'Temperature', '0 to 2.')}
            {number('max_tokens', 'Max tokens', 'Empty: no limit.', 'No limit')}
            {number('max_validation_retries', 'Validation retries', 'Re-asks after invalid output, 0 to 10.')}
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Prompts" description="Jinja2: {{ variable }}, {% if %}…{% endif %}, {% for %}…{% endfor %}, filters like | title." />
        <CardBody className="flex flex-col gap-4">
          <PromptEditor
            id="template-system-prompt"
            label="System prompt"
            hint="Optional. Sets the model's role and rules."
            value={form.system_prompt}
            onChange={(value) => onChange('system_prompt', value)}
            error={errors.system_prompt}
            markers={markers.system_prompt}
            minHeight="5rem"
          />
          <PromptEditor
            id="template-user-prompt"
            label="User prompt template"
            hint="Rendered with the context for every execution."
            value={form.user_prompt_template}
            onChange={(value) => onChange('user_prompt_template', value)}
            error={errors.user_prompt_template}
            markers={markers.user_prompt_template}
            minHeight="10rem"
          />
        </CardBody>
      </Card>

      <SchemaEditors form={form} onChange={onChange} errors={errors} suggestedInputSchema={suggestedInputSchema} />
    </div>
  );
}
