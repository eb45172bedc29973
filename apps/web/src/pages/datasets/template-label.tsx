import { Link } from '@tanstack/react-router';
import { parseTemplateRef } from './template-ref';

const stop = (event: { stopPropagation: () => void }) => event.stopPropagation();

/**
 * A dataset's template reference: "Name v2" when pinned to a version, "Name · active version" when
 * it follows the name; links to the template.
 */
export function TemplateLabel({ templateRef }: { templateRef: string | null }) {
  if (!templateRef) return <span className="text-zinc-400">None</span>;
  const { name, version } = parseTemplateRef(templateRef);
  return (
    <Link
      to="/templates/$name"
      params={{ name }}
      search={version === undefined ? {} : { version }}
      onClick={stop}
      className="inline-flex min-w-0 max-w-64 items-baseline gap-1.5 hover:underline"
      title={version === undefined ? `${name}, whichever version is active` : `${name} version ${version}`}
    >
      <span className="truncate font-medium text-zinc-800">{name}</span>
      <span className="shrink-0 text-xs text-zinc-500">{version === undefined ? 'active version' : `v${version}`}</span>
    </Link>
  );
}
