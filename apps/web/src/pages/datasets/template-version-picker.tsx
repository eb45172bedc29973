import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { versionsQuery } from '../template-detail/template-queries';
import { formatTemplateRef, parseTemplateRef } from './template-ref';
import { templateNamesQuery } from './template-queries';

const FOLLOW = 'follow';

/**
 * A template name and a version of it, as one reference: `name@N`, the bare `name` ("Active
 * version": whichever version the name resolves to), or '' for none.
 */
export function TemplateVersionPicker({
  value,
  onChange,
  allowNone = false,
  label = 'Template',
}: {
  value: string;
  onChange: (ref: string) => void;
  allowNone?: boolean;
  label?: string;
}) {
  const id = useId();
  const names = useQuery(templateNamesQuery);
  const { name, version } = parseTemplateRef(value);
  const versions = useQuery({ ...versionsQuery(name), enabled: name !== '' });
  const versionValue = version === undefined ? FOLLOW : String(version);

  return (
    <div className="grid grid-cols-[2fr_1fr] gap-2">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-name`}>{label}</Label>
        <Select id={`${id}-name`} value={name} onChange={(event) => onChange(event.target.value)} disabled={names.isPending}>
          {allowNone || name === '' ? <option value="">{allowNone ? 'None' : 'Choose a template…'}</option> : null}
          {names.data?.map((template) => (
            <option key={template.name} value={template.name}>
              {template.name}
            </option>
          ))}
          {name !== '' && names.data && !names.data.some((template) => template.name === name) ? <option value={name}>{name}</option> : null}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-version`}>Version</Label>
        <Select
          id={`${id}-version`}
          value={versionValue}
          disabled={name === '' || versions.isPending}
          onChange={(event) => onChange(formatTemplateRef({ name, version: event.target.value === FOLLOW ? undefined : Number(event.target.value) }))}
        >
          <option value={FOLLOW}>Active version</option>
          {versions.data?.map((template) => (
            <option key={template.id} value={template.version_number}>
              v{template.version_number}
              {template.is_active ? '' : ' (inactive)'}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
