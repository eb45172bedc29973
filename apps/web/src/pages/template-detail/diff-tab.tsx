import { useQuery } from '@tanstack/react-query';
import { ArrowLeftRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { SideBySideDiff } from '../../components/diff/side-by-side-diff';
import { stableJson } from '../../components/diff/side-by-side-rows';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { Table, Td, Th, Tr } from '../../components/ui/table';
import { hasContentDifferences, settingChanges, type TemplateDiff } from './diff-format';
import { diffQuery } from './template-queries';
import { defaultDiffPair, findVersion, newestFirst, type TemplateVersion, versionOptionLabel } from './template-versions';
import { templateRoute } from './template-route';

function VersionSelect({
  id,
  label,
  value,
  versions,
  onChange,
}: {
  id: string;
  label: string;
  value: number | undefined;
  versions: readonly TemplateVersion[];
  onChange: (version: number) => void;
}) {
  return (
    <Field label={label} htmlFor={id} className="w-56">
      <Select id={id} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {value === undefined ? <option value="">Choose a version</option> : null}
        {newestFirst(versions).map((item) => (
          <option key={item.id} value={item.version_number}>
            {versionOptionLabel(item)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function ChangedBadge({ changed }: { changed: boolean }) {
  return changed ? <Badge tone="warning">changed</Badge> : <Badge>unchanged</Badge>;
}

function SettingsTable({ diff }: { diff: TemplateDiff }) {
  const rows = settingChanges(diff);
  return (
    <Card>
      <CardHeader title="Settings" description={rows.length === 0 ? 'No setting changed.' : undefined} />
      {rows.length > 0 ? (
        <Table aria-label="Changed settings">
          <thead>
            <tr>
              <Th>Field</Th>
              <Th>v{diff.from.version_number}</Th>
              <Th>v{diff.to.version_number}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Tr key={row.field}>
                <Td className="font-medium text-zinc-700">{row.label}</Td>
                <Td className="whitespace-pre-wrap break-words text-red-800">{row.old}</Td>
                <Td className="whitespace-pre-wrap break-words text-emerald-800">{row.new}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </Card>
  );
}

/** A compared part; an unchanged one starts folded, since a long prompt twice over says nothing. */
function Section({ title, changed, children }: { title: string; changed: boolean; children: ReactNode }) {
  const heading = (
    <span className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
      {title} <ChangedBadge changed={changed} />
    </span>
  );
  if (!changed) {
    return (
      <details className="group flex flex-col gap-2">
        <summary className="flex cursor-pointer list-none items-center gap-2 [&::-webkit-details-marker]:hidden">
          {heading}
          <span className="text-xs font-normal text-brand-600 group-open:hidden">Show</span>
          <span className="hidden text-xs font-normal text-brand-600 group-open:inline">Hide</span>
        </summary>
        <div className="mt-2">{children}</div>
      </details>
    );
  }
  return (
    <section className="flex flex-col gap-2" aria-label={title}>
      <h3>{heading}</h3>
      {children}
    </section>
  );
}

function SchemaSection({
  title,
  before,
  after,
  change,
}: {
  title: string;
  before: TemplateVersion;
  after: TemplateVersion;
  change: TemplateDiff['schemas']['input_schema'];
}) {
  if (change.old === null && change.new === null) {
    return (
      <p className="flex items-center gap-2 text-sm">
        <span className="font-semibold text-zinc-900">{title}</span> <Badge>none</Badge>
        <span className="text-zinc-500">Neither version has one.</span>
      </p>
    );
  }
  return (
    <Section title={title} changed={change.changed}>
      <SideBySideDiff
        before={stableJson(change.old)}
        after={stableJson(change.new)}
        beforeLabel={`v${before.version_number}${change.old === null ? ' (none)' : ''}`}
        afterLabel={`v${after.version_number}${change.new === null ? ' (none)' : ''}`}
      />
    </Section>
  );
}

function Comparison({ name, before, after }: { name: string; before: TemplateVersion; after: TemplateVersion }) {
  const diff = useQuery(diffQuery(name, before.version_number, after.version_number));
  if (diff.isPending) return <Spinner label="Comparing…" />;
  if (diff.isError) return <ErrorAlert error={diff.error} title={`Could not compare v${before.version_number} and v${after.version_number}`} />;
  if (!hasContentDifferences(diff.data)) {
    return (
      <EmptyState title="No differences">
        v{before.version_number} and v{after.version_number} have the same prompts, settings and schemas
        {before.is_active === after.is_active ? '.' : `; only v${before.is_active ? before.version_number : after.version_number} is active.`}
      </EmptyState>
    );
  }
  const labels = { beforeLabel: `v${before.version_number}`, afterLabel: `v${after.version_number}` };
  return (
    <div className="flex flex-col gap-5">
      <SettingsTable diff={diff.data} />
      <Section title="System prompt" changed={diff.data.prompts.system_prompt.changed}>
        <SideBySideDiff before={before.system_prompt} after={after.system_prompt} {...labels} />
      </Section>
      <Section title="User prompt template" changed={diff.data.prompts.user_prompt_template.changed}>
        <SideBySideDiff before={before.user_prompt_template} after={after.user_prompt_template} {...labels} />
      </Section>
      <SchemaSection title="Input schema" before={before} after={after} change={diff.data.schemas.input_schema} />
      <SchemaSection title="Output schema" before={before} after={after} change={diff.data.schemas.output_schema} />
    </div>
  );
}

/** Two versions of the name compared: settings as a table, prompts and schemas side by side. */
export function DiffTab({ name, shown, versions }: { name: string; shown: TemplateVersion; versions: readonly TemplateVersion[] }) {
  const search = templateRoute.useSearch();
  const navigate = templateRoute.useNavigate();
  const { base, target } = defaultDiffPair(versions, shown.version_number, search);
  const before = findVersion(versions, base);
  const after = findVersion(versions, target);
  const choose = (pair: { base?: number; target?: number }) => navigate({ search: (prev) => ({ ...prev, base, target, ...pair }) });

  if (versions.length < 2) {
    return <EmptyState title="Nothing to compare">“{name}” has a single version. Edit it to create another.</EmptyState>;
  }
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end gap-3">
        <VersionSelect id="diff-base" label="Base (old)" value={base} versions={versions} onChange={(version) => choose({ base: version })} />
        <Button
          variant="ghost"
          size="icon"
          className="mb-0.5"
          aria-label="Swap base and target"
          title="Swap base and target"
          disabled={base === undefined}
          onClick={() => choose({ base: target, target: base })}
        >
          <ArrowLeftRight />
        </Button>
        <VersionSelect id="diff-target" label="Target (new)" value={target} versions={versions} onChange={(version) => choose({ target: version })} />
      </div>
      {!before || !after ? (
        <EmptyState title="Choose a base version">v{target} is the first version; pick another version to compare it with.</EmptyState>
      ) : before.id === after.id ? (
        <EmptyState title="No differences">Both sides are v{target}; choose two different versions.</EmptyState>
      ) : (
        <Comparison name={name} before={before} after={after} />
      )}
    </div>
  );
}
