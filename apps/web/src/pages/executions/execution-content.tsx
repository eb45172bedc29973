import type { ReactNode } from 'react';
import { CodeEditor } from '../../components/code-editor/code-editor';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { isLive } from '../../components/executions/execution-status';
import type { Execution } from '../../api/queries';

const json = (value: unknown) => JSON.stringify(value, null, 2);

function Text({ children, empty }: { children: string | null; empty: ReactNode }) {
  if (children === null || children === '') return <p className="text-sm text-zinc-500">{empty}</p>;
  return (
    <pre className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800">
      {children}
    </pre>
  );
}

/** What went in: the context and the prompts rendered from it. */
export function ExecutionInput({ execution }: { execution: Execution }) {
  const pending = isLive(execution.status) ? 'Not rendered yet' : 'None';
  return (
    <Card>
      <CardHeader title="Input" description={execution.kind === 'raw' ? 'Raw prompts, sent as given' : 'The context and the prompts rendered from it'} />
      <CardBody className="space-y-4">
        {execution.kind === 'raw' ? null : (
          <section aria-label="Input context">
            <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">Input context</h3>
            <div className="overflow-hidden rounded-md border border-zinc-200">
              <CodeEditor value={json(execution.input_context)} language="json" readOnly ariaLabel="Input context" minHeight="3rem" maxHeight="20rem" />
            </div>
          </section>
        )}
        <section aria-label="System prompt">
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">System prompt</h3>
          <Text empty={execution.kind === 'raw' ? 'None' : pending}>{execution.rendered_system_prompt}</Text>
        </section>
        <section aria-label="User prompt">
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">User prompt</h3>
          <Text empty={pending}>{execution.rendered_user_prompt}</Text>
        </section>
      </CardBody>
    </Card>
  );
}

/** What came out: the validated output, the model's text as received, and the schema it was held to. */
export function ExecutionOutput({ execution }: { execution: Execution }) {
  const hasParsed = execution.parsed_output !== null && execution.parsed_output !== undefined;
  const waiting = isLive(execution.status) ? 'Waiting for the model…' : 'No answer was received';
  return (
    <Card>
      <CardHeader title="Output" />
      <Tabs defaultValue={hasParsed || !execution.response_text ? 'parsed' : 'raw'} className="px-4 pb-4">
        <TabsList>
          <TabsTrigger value="parsed">Parsed output</TabsTrigger>
          <TabsTrigger value="raw">Raw response</TabsTrigger>
          <TabsTrigger value="schema">Output schema</TabsTrigger>
        </TabsList>
        <TabsContent value="parsed" className="pt-3">
          {hasParsed ? (
            <>
              {execution.status === 'failed' ? <p className="mb-2 text-xs text-amber-700">The last answer, which did not pass validation:</p> : null}
              <Text empty="">{json(execution.parsed_output)}</Text>
            </>
          ) : (
            <p className="text-sm text-zinc-500">
              {execution.output_schema ? waiting : 'No output schema, so the answer is not parsed: see the raw response.'}
            </p>
          )}
        </TabsContent>
        <TabsContent value="raw" className="pt-3">
          <Text empty={waiting}>{execution.response_text}</Text>
        </TabsContent>
        <TabsContent value="schema" className="pt-3">
          {execution.output_schema ? (
            <Text empty="">{json(execution.output_schema)}</Text>
          ) : (
            <p className="text-sm text-zinc-500">No output schema: any answer is accepted as text.</p>
          )}
        </TabsContent>
      </Tabs>
    </Card>
  );
}
