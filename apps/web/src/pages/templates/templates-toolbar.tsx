import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Input, Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { categoryLabel } from './templates-format';
import { providersQuery } from './templates-queries';
import { TEMPLATE_CATEGORIES } from '../../api/enums';
import type { TemplatesSearch } from './templates-search';
import { templatesRoute } from './templates-route';

const SEARCH_DELAY_MS = 300;

const blankToEmpty = (text: string) => (text.trim() === '' ? '' : text);

/**
 * A search box that writes the URL once typing pauses. It follows the URL when something else
 * changes it (clear filters, the back button) but not when the change is its own earlier write,
 * so a keystroke made while that write lands is never lost.
 */
function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const written = useRef(value);
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const next = blankToEmpty(text);
    if (next === written.current) return;
    const timer = setTimeout(() => {
      written.current = next;
      onSearch(next);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className="relative w-full max-w-72">
      <Label htmlFor="templates-search" className="sr-only">
        Search templates
      </Label>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
      <Input id="templates-search" type="search" className="pl-8" placeholder="Search name or description…" value={text} onChange={(event) => setText(event.target.value)} />
    </div>
  );
}

function FilterSelect({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (value: string | undefined) => void; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="text-xs text-zinc-500">
        {label}
      </Label>
      <Select id={id} className="h-8 w-auto text-sm" value={value} onChange={(event) => onChange(event.target.value || undefined)}>
        {children}
      </Select>
    </div>
  );
}

/** Search and filters of the templates list; every change goes to the URL and back to page 1. */
export function TemplatesToolbar({ search }: { search: TemplatesSearch }) {
  const navigate = templatesRoute.useNavigate();
  const providers = useQuery(providersQuery);
  const setFilters = useCallback(
    (filters: Partial<TemplatesSearch>, replace = false) => navigate({ search: (prev) => ({ ...prev, ...filters, page: undefined }), replace }),
    [navigate],
  );
  const onSearch = useCallback((text: string) => setFilters({ q: text || undefined }, true), [setFilters]);
  // Templates may name `auto` or a provider this server no longer has configured; both stay choosable.
  const providerNames = [...new Set(['auto', ...(providers.data?.items.map((provider) => provider.name) ?? []), ...(search.provider ? [search.provider] : [])])];

  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <FilterSelect id="templates-category" label="Category" value={search.category ?? ''} onChange={(category) => setFilters({ category: category as TemplatesSearch['category'] })}>
        <option value="">All</option>
        {TEMPLATE_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {categoryLabel(category)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="templates-active" label="Status" value={search.active ?? ''} onChange={(active) => setFilters({ active: active as TemplatesSearch['active'] })}>
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
    </div>
  );
}
