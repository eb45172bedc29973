import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { CodeEditor } from '../../components/code-editor/code-editor';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../lib/format';
import { categoryLabel } from '../templates/templates-format';
import type { TemplateVersion } from './template-versions';

function promptSize(text: string): string {
  const lines = text.split('\n').length;
  return `${formatNumber(lines)} ${lines === 1 ? 'line' : 'lines'} · ${formatNumber(text.length)} characters`;
}

function PromptCard({ title, value, empty }: { title: string; value: string; empty: string }) {
  return (
    <Card>
      <CardHeader title={title} description={value ? promptSize(value) : undefined} />
      {value ? (
        <CodeEditor value={value} language="jinja" readOnly ariaLabel={title} minHeight="0" maxHeight="24rem" />
      ) : (
        <CardBody className="text-sm text-zinc-500">{empty}</CardBody>
      )}
    </Card>
  );
}

function Setting({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9.5rem_1fr] gap-2 border-b border-zinc-100 px-4 py-2 text-sm last:border-b-0">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900">{children}</dd>
    </div>
  );
}

function SchemaState({ name, version, schema }: { name: string; version: number; schema: unknown }) {
  return (
    <Link to="/templates/$name" params={{ name }} search={{ version, tab: 'schemas' }} className="text-brand-600 hover:underline">
      {schema ? 'defined' : 'none'}
    </Link>
  );
}

/** The shown version's prompts, read-only, and its settings. */
export function OverviewTab({ version }: { version: TemplateVersion }) {
  const { name, version_number: n } = version;
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex min-w-0 flex-col gap-4">
        <PromptCard title="System prompt" value={version.system_prompt} empty="No system prompt." />
        <PromptCard title="User prompt template" value={version.user_prompt_template} empty="No user prompt template." />
      </div>
      <Card className="self-start">
        <CardHeader title="Settings" />
        <dl>
          <Setting label="Provider">{version.provider}</Setting>
          <Setting label="Model">{version.model || <span className="text-zinc-500">provider default</span>}</Setting>
          <Setting label="Temperature">{version.temperature}</Setting>
          <Setting label="Max tokens">{version.max_tokens ?? <span className="text-zinc-500">provider default</span>}</Setting>
          <Setting label="Validation retries">{version.max_validation_retries}</Setting>
          <Setting label="Category">{categoryLabel(version.category)}</Setting>
          <Setting label="Tags">{version.tags.length > 0 ? version.tags.join(', ') : <span className="text-zinc-500">none</span>}</Setting>
          <Setting label="Input schema">
            <SchemaState name={name} version={n} schema={version.input_schema} />
          </Setting>
          <Setting label="Output schema">
            <SchemaState name={name} version={n} schema={version.output_schema} />
          </Setting>
          <Setting label="Created">
            <span title={formatDateTime(version.created_at)}>{formatRelativeTime(version.created_at)}</span>
          </Setting>
          <Setting label="Parent version">
            {version.parent_version ? (
              <Link to="/templates/$name" params={{ name }} search={{ version: version.parent_version }} className="text-brand-600 hover:underline">
                v{version.parent_version}
              </Link>
            ) : (
              <span className="text-zinc-500">none</span>
            )}
          </Setting>
          <Setting label="Usage">{formatNumber(version.usage_count)} executions</Setting>
          <Setting label="Last used">
            <span title={formatDateTime(version.last_used_at)}>{version.last_used_at ? formatRelativeTime(version.last_used_at) : 'never'}</span>
          </Setting>
        </dl>
      </Card>
    </div>
  );
}
