import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { sessionQuery } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ErrorAlert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { safeNextPath } from './safe-next-path';

const route = getRouteApi('/sign-in');

/** Exchanges an API key for a session cookie; the key is posted once and never kept by the page. */
export function SignInPage() {
  const { next } = route.useSearch();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { principal } = await unwrap(api.POST('/v1/session', { body: { key: key.trim() } }));
      queryClient.setQueryData(sessionQuery.queryKey, principal);
      setKey('');
      // A full load, so pages outside the single-page app (the queue dashboard) open too.
      window.location.assign(safeNextPath(next));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <div className="flex min-h-full items-center justify-center bg-zinc-100 p-4">
      <Card className="w-full max-w-sm p-6">
        <div className="mb-5 flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="size-7" />
          <h1 className="text-lg font-semibold">Sign in to PromptOps</h1>
        </div>
        <form onSubmit={signIn} className="flex flex-col gap-4">
          <Field label="API key" htmlFor="api-key" hint="Create one with: npx promptops keys create --name me --scope admin">
            <Input
              id="api-key"
              name="key"
              type="password"
              autoComplete="off"
              autoFocus
              required
              placeholder="po_…"
              value={key}
              onChange={(event) => setKey(event.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </Field>
          {error ? <ErrorAlert error={error} title="Sign-in failed" /> : null}
          <Button type="submit" variant="primary" disabled={busy || key.trim() === ''}>
            <KeyRound /> {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </Card>
    </div>
  );
}
