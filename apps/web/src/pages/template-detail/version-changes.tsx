import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { contentChangeLabels, settingChanges } from './diff-format';
import { diffQuery } from './template-queries';

/** What version `target` changed against `base`, in a line or two; fetched only while its row is open. */
export function VersionChanges({ name, base, target }: { name: string; base: number | undefined; target: number }) {
  const diff = useQuery({ ...diffQuery(name, base ?? 0, target), enabled: base !== undefined });
  if (base === undefined) return <p className="text-sm text-zinc-500">The first version: nothing to compare it with.</p>;
  if (diff.isPending) return <Spinner label="Comparing…" />;
  if (diff.isError) return <ErrorAlert error={diff.error} title={`Could not compare v${base} and v${target}`} />;

  const labels = contentChangeLabels(diff.data);
  const settings = settingChanges(diff.data).filter((row) => row.field !== 'is_active');
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-zinc-700">
        {labels.length === 0 ? (
          <>Same content as v{base}.</>
        ) : (
          <>
            Changed from v{base}: <span className="font-medium text-zinc-900">{labels.join(', ')}</span>
          </>
        )}
      </p>
      {settings.length > 0 ? (
        <ul className="flex flex-col gap-0.5 text-xs text-zinc-600">
          {settings.map((row) => (
            <li key={row.field}>
              {row.label}: <span className="text-red-700 line-through">{row.old}</span> → <span className="text-emerald-700">{row.new}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {labels.length > 0 ? (
        <Link
          to="/templates/$name"
          params={{ name }}
          search={(prev) => ({ ...prev, tab: 'diff', base, target })}
          className="self-start text-xs font-medium text-brand-600 hover:underline"
        >
          Open the full diff
        </Link>
      ) : null}
    </div>
  );
}
