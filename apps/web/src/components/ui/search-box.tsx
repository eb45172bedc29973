import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Input } from './input';
import { Label } from './label';

const SEARCH_DELAY_MS = 300;

/**
 * A search box that writes the URL once typing pauses, and follows the URL when something else
 * changes it (back button, clear) but not when the change is its own earlier write.
 */
export function SearchBox({
  id,
  label,
  placeholder,
  value,
  onSearch,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onSearch: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  const written = useRef(value);
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const next = text.trim() === '' ? '' : text;
    if (next === written.current) return;
    const timer = setTimeout(() => {
      written.current = next;
      onSearch(next);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className="relative w-full max-w-72">
      <Label htmlFor={id} className="sr-only">
        {label}
      </Label>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
      <Input id={id} type="search" className="pl-8" placeholder={placeholder} value={text} onChange={(event) => setText(event.target.value)} />
    </div>
  );
}
