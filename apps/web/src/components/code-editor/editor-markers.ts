/** An error to mark in an editor; line and column are 1-based, as the API reports them. */
export interface EditorMarker {
  line: number | null;
  column: number | null;
  message: string;
}

interface DocumentLines {
  lines: number;
  line(n: number): { from: number; to: number };
}

/**
 * The character range to underline for a marker: the character at its column, or the whole line
 * when no column is known; out-of-range positions are clamped to the document.
 */
export function markerToRange(doc: DocumentLines, marker: EditorMarker): { from: number; to: number } {
  const lineNumber = Math.min(Math.max(marker.line ?? 1, 1), doc.lines);
  const line = doc.line(lineNumber);
  if (marker.column === null) return { from: line.from, to: line.to };
  const from = Math.min(line.from + Math.max(marker.column - 1, 0), line.to);
  return { from, to: Math.min(from + 1, line.to) };
}
