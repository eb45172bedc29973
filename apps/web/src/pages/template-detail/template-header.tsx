import { Link } from '@tanstack/react-router';
import { Pencil, Play, Power, PowerOff, RotateCcw } from 'lucide-react';
import { useCan } from '../../auth/session';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { categoryLabel } from '../templates/templates-format';
import { deactivateDescription, newestFirst, resolvedVersion, rollbackDescription, type TemplateVersion, versionOptionLabel } from './template-versions';
import { useVersionActions } from './use-version-actions';
import { templateRoute } from './template-route';

export function VersionBadges({ version }: { version: TemplateVersion }) {
  return (
    <>
      <Badge tone="brand">v{version.version_number}</Badge>
      {version.is_active ? <Badge tone="success">active</Badge> : <Badge>inactive</Badge>}
      {version.resolved ? (
        <Badge tone="info" title="The name resolves to this version: executions by name run it">
          resolved
        </Badge>
      ) : null}
    </>
  );
}

/** Write actions on the shown version; hidden from read-only keys. */
function VersionActions({ name, version, versions }: { name: string; version: TemplateVersion; versions: readonly TemplateVersion[] }) {
  const actions = useVersionActions(name);
  const n = version.version_number;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild size="sm">
        <Link to="/templates/$name/edit" params={{ name }} search={{ from: n }}>
          <Pencil /> Edit
        </Link>
      </Button>
      <Button asChild size="sm">
        <Link to="/templates/$name/edit" params={{ name }} search={{ from: n }} title="Open the editor's playground to run this version">
          <Play /> Run
        </Link>
      </Button>
      {version.is_active ? (
        <ConfirmDialog
          trigger={
            <Button size="sm">
              <PowerOff /> Deactivate
            </Button>
          }
          title={`Deactivate v${n}?`}
          description={deactivateDescription(name, version, versions)}
          confirmLabel="Deactivate"
          onConfirm={() => actions.deactivate(n)}
        />
      ) : (
        <Button size="sm" onClick={() => actions.activate(n)}>
          <Power /> Activate
        </Button>
      )}
      {/* With no version resolved there is nothing to roll back from; Activate is the action. */}
      {version.resolved || !resolvedVersion(versions) ? null : (
        <ConfirmDialog
          trigger={
            <Button size="sm">
              <RotateCcw /> Rollback to v{n}
            </Button>
          }
          title={`Roll back “${name}” to v${n}?`}
          description={rollbackDescription(name, n, versions)}
          confirmLabel="Roll back"
          onConfirm={() => actions.rollback(n)}
        />
      )}
    </div>
  );
}

export function TemplateHeader({ name, version, versions }: { name: string; version: TemplateVersion; versions: readonly TemplateVersion[] }) {
  const canWrite = useCan('write');
  const navigate = templateRoute.useNavigate();
  const resolved = resolvedVersion(versions);
  const model = version.model || 'provider default model';
  return (
    <header className="flex flex-col gap-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link to="/templates" className="hover:text-zinc-800 hover:underline">
          Templates
        </Link>{' '}
        / <span className="text-zinc-700">{name}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <h1 className="max-w-full truncate text-xl font-semibold text-zinc-900" title={name}>
              {name}
            </h1>
            <VersionBadges version={version} />
          </div>
          <div className="flex flex-wrap items-center gap-x-2 text-sm text-zinc-500">
            <Link
              to="/templates"
              search={{ category: version.category }}
              className="hover:text-zinc-800 hover:underline"
              title={`Templates in the ${version.category} category`}
            >
              {categoryLabel(version.category)}
            </Link>
            {version.tags.length > 0 ? (
              <ul className="flex flex-wrap items-center gap-1" aria-label="Tags">
                {version.tags.map((tag) => (
                  <li key={tag}>
                    <Link to="/templates" search={{ tag: [tag] }} title={`Templates tagged ${tag}`}>
                      <Badge tone="brand">{tag}</Badge>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <span aria-hidden>·</span>
            <span className="truncate" title={`${version.provider} / ${model}`}>
              {version.provider} / {model}
            </span>
            {resolved ? null : (
              <>
                <span aria-hidden>·</span>
                <span className="text-amber-700">No active version: the name resolves to nothing</span>
              </>
            )}
          </div>
          {version.description ? <p className="max-w-3xl text-sm text-zinc-600">{version.description}</p> : null}
        </div>
        <div className="flex flex-col items-end gap-2">
          <div className="flex items-center gap-2">
            <Label htmlFor="version-switcher" className="text-xs text-zinc-500">
              Version
            </Label>
            <Select
              id="version-switcher"
              className="h-8 w-auto text-xs"
              value={version.version_number}
              onChange={(event) => navigate({ search: (prev) => ({ ...prev, version: Number(event.target.value) }) })}
            >
              {newestFirst(versions).map((item) => (
                <option key={item.id} value={item.version_number}>
                  {versionOptionLabel(item)}
                </option>
              ))}
            </Select>
          </div>
          {canWrite ? <VersionActions name={name} version={version} versions={versions} /> : null}
        </div>
      </div>
    </header>
  );
}
