import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Plus } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { api, type ResponseOf, signInUrl, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { CopyButton } from '../../components/ui/copy-button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { ErrorAlert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { type ApiKey, isImplied, KEY_SCOPES, type KeyScope, SCOPE_DESCRIPTIONS, toggleScope } from './key-scopes';
import { keysQuery } from './keys-queries';

type CreatedKey = ResponseOf<'/v1/keys', 'post'>;

function ScopeCheckboxes({ selected, onChange }: { selected: KeyScope[]; onChange: (next: KeyScope[]) => void }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium text-zinc-700">Scopes</legend>
      {KEY_SCOPES.map((scope) => {
        const implied = isImplied(scope, selected);
        return (
          <label key={scope} htmlFor={`${id}-${scope}`} className="flex items-start gap-2 text-sm">
            <input
              id={`${id}-${scope}`}
              type="checkbox"
              className="mt-0.5 size-4 accent-brand-600"
              checked={selected.includes(scope) || implied}
              disabled={implied}
              onChange={(event) => onChange(toggleScope(selected, scope, event.target.checked))}
            />
            <span>
              <span className="font-medium text-zinc-900">{scope}</span>
              {implied ? <span className="text-xs text-zinc-500"> (included)</span> : null}
              <span className="block text-xs text-zinc-500">{SCOPE_DESCRIPTIONS[scope]}</span>
            </span>
          </label>
        );
      })}
      <p className="text-xs text-zinc-500">Write includes read, and admin includes write.</p>
    </fieldset>
  );
}

function NewKey({ created, firstKey }: { created: CreatedKey; firstKey: boolean }) {
  const selectKey = () => (document.getElementById('new-api-key') as HTMLInputElement | null)?.select();
  return (
    <div className="flex flex-col gap-3">
      <div role="alert" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" />
        <p>
          Copy the key now: <strong>it will not be shown again</strong>. Only its hash is stored; a lost key must be revoked and replaced.
        </p>
      </div>
      <Field label={`Key "${created.name}"`} htmlFor="new-api-key">
        <div className="flex gap-2">
          <Input id="new-api-key" readOnly value={created.key} className="font-mono text-xs" onFocus={selectKey} />
          <CopyButton value={created.key} size="md" onFallback={selectKey} />
        </div>
      </Field>
      {firstKey ? (
        <p className="text-sm text-zinc-600">
          This is the first key, so local mode has ended: from now on the console and the API ask for a key. Closing this dialog takes you to sign in with it.
        </p>
      ) : null}
    </div>
  );
}

/** Creates a key and shows it once; the dialog never reopens on the same key. */
export function CreateKeyDialog({ localMode }: { localMode: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  // The first key is best an admin one: without it, nobody could manage keys from the console.
  const initialScopes: KeyScope[] = localMode ? ['admin'] : ['read'];
  const [scopes, setScopes] = useState<KeyScope[]>(initialScopes);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/keys', { body: { name: name.trim(), scopes } })),
    onSuccess: async (created) => {
      const { key: _secret, ...listed } = created;
      queryClient.setQueryData(keysQuery.queryKey, (current: { items: ApiKey[] } | undefined) => ({ items: [listed, ...(current?.items ?? [])] }));
      // In local mode this key ends local mode: a refetch would be refused and leave the page before the key is copied.
      if (!localMode) await queryClient.invalidateQueries({ queryKey: keysQuery.queryKey });
    },
  });

  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) return;
    if (create.data && localMode) window.location.assign(signInUrl('/keys'));
    // Forget the key as soon as the dialog closes.
    create.reset();
    setName('');
    setScopes(initialScopes);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const formId = 'create-key-form';
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <Plus /> Create key
        </Button>
      </DialogTrigger>
      <DialogContent
        title={create.data ? 'Key created' : 'Create an API key'}
        description={create.data ? undefined : 'For a program, a teammate or the CLI. Give each its own key so you can revoke one alone.'}
        footer={
          create.data ? (
            <Button variant="primary" onClick={() => changeOpen(false)}>
              {localMode ? 'Done, sign in' : 'Done'}
            </Button>
          ) : (
            <>
              <Button onClick={() => changeOpen(false)}>Cancel</Button>
              <Button type="submit" form={formId} variant="primary" disabled={create.isPending || name.trim() === '' || scopes.length === 0}>
                {create.isPending ? 'Creating…' : 'Create key'}
              </Button>
            </>
          )
        }
      >
        {create.data ? (
          <NewKey created={create.data} firstKey={localMode} />
        ) : (
          <form id={formId} onSubmit={submit} className="flex flex-col gap-4">
            <Field label="Name" htmlFor="key-name" hint="Who or what uses it, e.g. ci or alice-laptop">
              <Input id="key-name" required maxLength={100} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
            </Field>
            <ScopeCheckboxes selected={scopes} onChange={setScopes} />
            {localMode ? (
              <p className="rounded-md bg-zinc-50 p-3 text-xs text-zinc-600">
                No key exists yet. Once this one is created, local mode ends and everyone (you included) signs in with a key, so make this one an admin key.
              </p>
            ) : null}
            {create.isError ? <ErrorAlert error={create.error} title="The key was not created" /> : null}
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
