import { useQuery } from '@tanstack/react-query';
import { Plus, Save, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useCan } from '../../auth/session';
import { CodeEditor } from '../../components/code-editor/code-editor';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { toast } from '../../components/ui/toast';
import { isSchemaEdited, parseSchemaText, STARTER_SCHEMA_TEXT, schemaText } from './schema-text';
import { schemasQuery } from './template-queries';
import type { TemplateVersion } from './template-versions';
import { type SchemaType, useVersionActions } from './use-version-actions';

type PromptSchema = { id: string; schema_type: SchemaType; schema_json: Record<string, unknown> };

const SCHEMA_PURPOSE: Record<SchemaType, string> = {
  input: 'Checks the context of every execution before it is queued.',
  output: 'Answers must satisfy it; invalid ones are re-asked.',
};

function SchemaEditorCard({ name, version, schemaType, saved }: { name: string; version: number; schemaType: SchemaType; saved: PromptSchema | undefined }) {
  const canWrite = useCan('write');
  const actions = useVersionActions(name);
  const [text, setText] = useState(() => schemaText(saved?.schema_json));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A version without this schema shows an "Add" button first, not an empty editor flagged as invalid JSON.
  const [adding, setAdding] = useState(false);
  const title = schemaType === 'input' ? 'Input schema' : 'Output schema';
  const edited = isSchemaEdited(text, saved?.schema_json);

  async function save() {
    const parsed = parseSchemaText(text);
    if (!parsed.ok) {
      setError(new Error(parsed.message));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actions.saveSchema(version, schemaType, parsed.value);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function discard() {
    setText(schemaText(saved?.schema_json));
    setError(null);
    if (!saved) setAdding(false);
  }

  async function remove() {
    if (!saved) return;
    try {
      await actions.removeSchema(saved.id);
    } catch (caught) {
      toast(`Could not remove the ${schemaType} schema: ${(caught as Error).message}`, 'error');
    }
  }

  return (
    <Card className="flex min-w-0 flex-col">
      <CardHeader
        title={title}
        description={saved ? SCHEMA_PURPOSE[schemaType] : `None. ${SCHEMA_PURPOSE[schemaType]}`}
        actions={
          canWrite && saved ? (
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
                  <Trash2 /> Remove schema
                </Button>
              }
              title={`Remove the ${schemaType} schema?`}
              description={`This creates a new version of “${name}” from v${version} without an ${schemaType} schema. v${version} keeps its schema.`}
              confirmLabel="Remove schema"
              onConfirm={remove}
            />
          ) : null
        }
      />
      {saved || adding ? (
        <>
          <CodeEditor
            value={text}
            onChange={(next) => {
              setText(next);
              setError(null);
            }}
            language="json"
            readOnly={!canWrite}
            ariaLabel={title}
            minHeight="12rem"
            maxHeight="28rem"
          />
          {canWrite ? (
            <CardBody className="flex flex-col gap-3 border-t border-zinc-100">
              {error ? <ErrorAlert error={error} title="The schema was not saved" /> : null}
              <div className="flex items-center justify-between gap-3">
                <p className="text-xs text-zinc-500">
                  Versions never change: saving creates the next version of “{name}” from v{version}.
                </p>
                <div className="flex shrink-0 gap-2">
                  {edited ? (
                    <Button size="sm" variant="ghost" disabled={busy} onClick={discard}>
                      Discard
                    </Button>
                  ) : null}
                  <Button size="sm" variant="primary" disabled={!edited || busy} onClick={save}>
                    <Save /> {busy ? 'Saving…' : 'Save as new version'}
                  </Button>
                </div>
              </div>
            </CardBody>
          ) : null}
        </>
      ) : canWrite ? (
        <CardBody>
          <Button
            size="sm"
            onClick={() => {
              setText(STARTER_SCHEMA_TEXT);
              setAdding(true);
            }}
          >
            <Plus /> Add {schemaType} schema
          </Button>
        </CardBody>
      ) : null}
    </Card>
  );
}

/** The shown version's input and output schemas; editing one saves a new version. */
export function SchemasTab({ name, version }: { name: string; version: TemplateVersion }) {
  const n = version.version_number;
  const schemas = useQuery(schemasQuery(name, n));
  if (schemas.isPending) return <Spinner label="Loading schemas…" />;
  if (schemas.isError) return <ErrorAlert error={schemas.error} title="Could not load the schemas" />;
  const byType = (type: SchemaType) => schemas.data.find((schema) => schema.schema_type === type);
  return (
    <div className="grid items-start gap-4 xl:grid-cols-2">
      {(['input', 'output'] as const).map((type) => (
        // Keyed by version, so switching versions starts the editor from that version's schema.
        <SchemaEditorCard key={`${n}-${type}`} name={name} version={n} schemaType={type} saved={byType(type)} />
      ))}
    </div>
  );
}
