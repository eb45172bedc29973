import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { type ReactNode, useCallback } from 'react';
import { Select } from '../../components/ui/input';
import { SearchBox } from '../../components/ui/search-box';
import { Label } from '../../components/ui/label';
import { Badge } from '../../components/ui/badge';
import { cn } from '../../lib/cn';
import { formatNumber } from '../../lib/format';
import { categoryChoices, categoryLabel } from './templates-format';
import { providersQuery } from '../../api/queries';
import { templateFacetsQuery } from './templates-queries';
import { toggleTagFilter, type TemplatesSearch } from './templates-search';
import { templatesRoute } from './templates-route';

function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string | undefined) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="text-xs text-zinc-500">
        {label}
      </Label>
      <Select id={id} className={cn('h-8 w-auto text-sm', className)} value={value} onChange={(event) => onChange(event.target.value || undefined)}>
        {children}
      </Select>
    </div>
  );
}

/** Search and filters of the templates list; every change goes to the URL and back to page 1. */
export function TemplatesToolbar({ search }: { search: TemplatesSearch }) {
  const navigate = templatesRoute.useNavigate();
  const providers = useQuery(providersQuery);
  const facets = useQuery(templateFacetsQuery).data;
  const counts = new Map(facets?.categories.map((category) => [category.name, category.count]));
  const unselectedTags = facets?.tags.filter((tag) => !search.tag?.includes(tag.name)) ?? [];
  const setFilters = useCallback(
    (filters: Partial<TemplatesSearch>, replace = false) => navigate({ search: (prev) => ({ ...prev, ...filters, page: undefined }), replace }),
    [navigate],
  );
  const onSearch = useCallback((text: string) => setFilters({ q: text || undefined }, true), [setFilters]);
  // Templates may name `auto` or a provider this server no longer has configured; both stay choosable.
  const providerNames = [
    ...new Set(['auto', ...(providers.data?.items.map((provider) => provider.name) ?? []), ...(search.provider ? [search.provider] : [])]),
  ];

  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox id="templates-search" label="Search templates" placeholder="Search name or description…" value={search.q ?? ''} onSearch={onSearch} />
      <FilterSelect
        id="templates-category"
        label="Category"
        className="max-w-44"
        value={search.category ?? ''}
        onChange={(category) => setFilters({ category })}
      >
        <option value="">All</option>
        {/* The categories in use, most used first; one only in the URL stays choosable. */}
        {categoryChoices([], facets?.categories, search.category).map((category) => (
          <option key={category} value={category}>
            {categoryLabel(category)} ({formatNumber(counts.get(category) ?? 0)})
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="templates-tag"
        label="Tag"
        className="max-w-36"
        value=""
        onChange={(tag) => tag && setFilters({ tag: toggleTagFilter(search.tag, tag) })}
      >
        <option value="">{unselectedTags.length > 0 ? 'Add…' : 'None left'}</option>
        {unselectedTags.map((tag) => (
          <option key={tag.name} value={tag.name}>
            {tag.name} ({formatNumber(tag.count)})
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="templates-active"
        label="Status"
        value={search.active ?? ''}
        onChange={(active) => setFilters({ active: active as TemplatesSearch['active'] })}
      >
        <option value="">All</option>
        <option value="true">Active</option>
        <option value="false">Inactive</option>
      </FilterSelect>
      <FilterSelect id="templates-provider" label="Provider" value={search.provider ?? ''} onChange={(provider) => setFilters({ provider })}>
        <option value="">All</option>
        {providerNames.map((name) => (
          <option key={name} value={name}>
            {name === 'auto' && providers.data ? `auto (now ${providers.data.auto})` : name}
          </option>
        ))}
      </FilterSelect>
      {search.tag?.length ? (
        <ul aria-label="Tag filters" className="flex flex-wrap items-center gap-1.5">
          {search.tag.map((tag) => (
            <li key={tag}>
              <Badge tone="brand" className="pr-1">
                {tag}
                <button
                  type="button"
                  className="rounded-full p-0.5 hover:bg-white/70"
                  aria-label={`Stop filtering by tag ${tag}`}
                  onClick={() => setFilters({ tag: toggleTagFilter(search.tag, tag) })}
                >
                  <X className="size-3" />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
