import { diffLines } from 'diff';

export interface DiffCell {
  /** 1-based line number in its own text. */
  number: number;
  text: string;
  kind: 'same' | 'removed' | 'added';
}

/** One row of a side-by-side diff; a side is null where the other text has lines this one lacks. */
export interface DiffRow {
  left: DiffCell | null;
  right: DiffCell | null;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  // diffLines keeps the newline on each line, so a trailing one leaves an empty last element.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Pairs the lines of two texts for display in two columns: unchanged lines face each other, and a
 * block of removed lines faces the block of added lines that replaced it, padded with empty cells.
 */
export function buildSideBySideRows(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let leftNumber = 1;
  let rightNumber = 1;
  let removed: string[] = [];
  const flushRemoved = (added: string[]) => {
    const height = Math.max(removed.length, added.length);
    for (let i = 0; i < height; i++) {
      const leftText = removed[i];
      const rightText = added[i];
      rows.push({
        left: leftText === undefined ? null : { number: leftNumber++, text: leftText, kind: 'removed' },
        right: rightText === undefined ? null : { number: rightNumber++, text: rightText, kind: 'added' },
      });
    }
    removed = [];
  };
  for (const part of diffLines(before, after)) {
    const lines = splitLines(part.value);
    if (part.removed) {
      flushRemoved([]);
      removed = lines;
    } else if (part.added) {
      flushRemoved(lines);
    } else {
      flushRemoved([]);
      for (const text of lines) {
        rows.push({ left: { number: leftNumber++, text, kind: 'same' }, right: { number: rightNumber++, text, kind: 'same' } });
      }
    }
  }
  flushRemoved([]);
  return rows;
}

/** JSON with keys sorted at every depth, so two schemas differing only in key order show no change. */
export function stableJson(value: unknown): string {
  const sort = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sort);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.keys(node as Record<string, unknown>)
          .sort()
          .map((key) => [key, sort((node as Record<string, unknown>)[key])]),
      );
    }
    return node;
  };
  return value === null || value === undefined ? '' : JSON.stringify(sort(value), null, 2);
}
