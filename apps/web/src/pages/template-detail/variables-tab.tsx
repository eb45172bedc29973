import { useQuery } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { useCan } from '../../auth/session';
import { CodeEditor } from '../../components/code-editor/code-editor';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Table, Td, Th, Tr } from '../../components/ui/table';
import { toast } from '../../components/ui/toast';
import { sameSchema, schemaText } from './schema-text';
import { variablesQuery } from './template-queries';
import type { TemplateVersion } from './template-versions';
import { useVersionActions } from './use-version-actions';

function UseAsInputSchema({ name, version, suggested }: { name: string; version: TemplateVersion; suggested: Record<string, unknown> }) {
  const actions = useVersionActions(name);
  const n = version.version_number;
  if (sameSchema(suggested, version.input_schema)) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
        <Check className="size-3.5" /> This is the input schema of v{n}
      </span>
    );
  }
  async function use() {
    try {
      await actions.saveSchema(n, 'input', suggested);
    } catch (error) {
      toast(`Could not save the input schema: ${(error as Error).message}`, 'error');
    }
  }
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="primary">
          Use as input schema
        </Button>
      }
      title="Use the suggested schema as the input schema?"
      description={`This creates a new version of “${name}” from v${n} with this input schema${version.input_schema ? ', replacing the current one' : ''}. Executions are then checked against it.`}
      confirmLabel="Save as new version"
      destructive={false}
      onConfirm={use}
    />
  );
}

/** The variables the shown version's prompts use, and the input schema they suggest. */
export function VariablesTab({ name, version }: { name: string; version: TemplateVersion }) {
  const canWrite = useCan('write');
  const variables = useQuery(variablesQuery(name, version.version_number));
  if (variables.isPending) return <Spinner label="Extracting variables…" />;
  if (variables.isError) return <ErrorAlert error={variables.error} title="Could not extract the variables" />;
  const { variables: items, suggested_input_schema: suggested } = variables.data;

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card className="self-start">
        <CardHeader title="Variables" description="Paths the prompts read from the context, from the template syntax." />
        {items.length === 0 ? (
          <div className="p-4">
            <EmptyState title="No variables">The prompts use no context variables.</EmptyState>
          </div>
        ) : (
          <Table aria-label="Variables">
            <thead>
              <tr>
                <Th>Path</Th>
                <Th>Type hint</Th>
                <Th>Optional</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Tr key={item.path}>
                  <Td className="max-w-xs truncate font-mono text-xs" title={item.path}>
                    {item.path}
                  </Td>
                  <Td>
                    <Badge>{item.type_hint}</Badge>
                  </Td>
                  <Td className="text-zinc-600">{item.optional ? 'optional' : 'required'}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card className="self-start">
        <CardHeader
          title="Suggested input schema"
          description="Derived from the variables; review it before relying on it."
          actions={canWrite && items.length > 0 ? <UseAsInputSchema name={name} version={version} suggested={suggested} /> : null}
        />
        <CodeEditor value={schemaText(suggested)} language="json" readOnly ariaLabel="Suggested input schema" minHeight="8rem" maxHeight="28rem" />
      </Card>
    </div>
  );
}
