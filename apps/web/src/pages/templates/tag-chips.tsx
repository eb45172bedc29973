import { Link } from '@tanstack/react-router';
import { templatesRoute } from './templates-route';
import { toggleTagFilter } from './templates-search';

/** A template's tags as small chips in the templates list; each narrows the list to the names carrying it too. */
export function TagChips({ tags, max = 4 }: { tags: readonly string[]; max?: number }) {
  const selected = templatesRoute.useSearch().tag;
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  const hidden = tags.slice(max);
  return (
    <ul aria-label="Tags" className="mt-1 flex flex-wrap gap-1">
      {shown.map((tag) => (
        <li key={tag}>
          <Link
            to="/templates"
            search={(prev) => ({ ...prev, tag: selected?.includes(tag) ? selected : toggleTagFilter(selected, tag), page: undefined })}
            className="inline-block max-w-28 truncate rounded-full bg-brand-50 px-1.5 py-px text-[11px] font-medium text-brand-700 hover:bg-brand-100"
            title={`Show only templates tagged ${tag}`}
          >
            {tag}
          </Link>
        </li>
      ))}
      {hidden.length > 0 ? (
        <li className="text-[11px] text-zinc-500" title={hidden.join(', ')}>
          +{hidden.length}
        </li>
      ) : null}
    </ul>
  );
}
