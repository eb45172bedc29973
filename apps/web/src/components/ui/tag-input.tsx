import { X } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';
import { Badge } from './badge';
import { Input } from './input';

export interface TagInputProps {
  id: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  /** Adds what was typed (comma-separated) to the tags: the rules of what a tag may be live in the caller. */
  addTyped: (tags: readonly string[], typed: string) => string[];
  suggestions?: string[];
  invalid?: boolean;
}

/**
 * Tags as chips: Enter or a comma adds what was typed, × or Backspace in the empty box removes
 * one, and tags already in use are offered as suggestions.
 */
export function TagInput({ id, tags, onChange, addTyped, suggestions = [], invalid }: TagInputProps) {
  const [text, setText] = useState('');
  const commit = () => {
    if (text.trim() === '') return;
    onChange(addTyped(tags, text));
    setText('');
  };
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }
  const offered = suggestions.filter((tag) => !tags.includes(tag));
  const listId = `${id}-suggestions`;
  return (
    <div
      className="flex min-h-9 flex-wrap items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 shadow-sm focus-within:outline-2 focus-within:outline-brand-500 aria-[invalid=true]:border-red-500"
      aria-invalid={invalid ? true : undefined}
    >
      <ul aria-label="Chosen tags" className="contents">
        {tags.map((tag) => (
          <li key={tag} className="contents">
            <Badge tone="brand" className="pr-1">
              <span className="max-w-40 truncate" title={tag}>
                {tag}
              </span>
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-white/70"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((each) => each !== tag))}
              >
                <X className="size-3" />
              </button>
            </Badge>
          </li>
        ))}
      </ul>
      <Input
        id={id}
        list={offered.length > 0 ? listId : undefined}
        className="h-7 min-w-32 flex-1 border-0 px-1 shadow-none focus-visible:outline-0"
        placeholder={tags.length === 0 ? 'Add a tag, then Enter' : ''}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {offered.length > 0 ? (
        <datalist id={listId}>
          {offered.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
