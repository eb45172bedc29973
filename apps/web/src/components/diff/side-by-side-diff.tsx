import { useMemo } from 'react';
import { cn } from '../../lib/cn';
import { type DiffCell, buildSideBySideRows } from './side-by-side-rows';

const CELL_TONE: Record<DiffCell['kind'], string> = {
  same: '',
  removed: 'bg-red-50 text-red-900',
  added: 'bg-emerald-50 text-emerald-900',
};

function Cell({ cell }: { cell: DiffCell | null }) {
  if (!cell) return <td colSpan={2} className="bg-zinc-50" />;
  return (
    <>
      <td className={cn('w-10 select-none border-r border-zinc-100 px-2 text-right text-zinc-400', CELL_TONE[cell.kind])}>{cell.number}</td>
      <td className={cn('whitespace-pre-wrap break-all px-2', CELL_TONE[cell.kind])} data-kind={cell.kind}>
        {cell.kind === 'removed' ? '- ' : cell.kind === 'added' ? '+ ' : '  '}
        {cell.text}
      </td>
    </>
  );
}

/** Two texts side by side, line by line, with removed lines red on the left and added lines green on the right. */
export function SideBySideDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  className,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  className?: string;
}) {
  const rows = useMemo(() => buildSideBySideRows(before, after), [before, after]);
  const unchanged = before === after;
  return (
    <div className={cn('overflow-hidden rounded-md border border-zinc-200 bg-white', className)}>
      <table className="w-full table-fixed border-collapse font-mono text-xs">
        {/* A fixed layout takes column widths from the first row, whose headers span two columns each; without these the line numbers would get a quarter of the width. */}
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-10" />
          <col />
        </colgroup>
        <thead>
          <tr className="bg-zinc-50 text-left text-zinc-600">
            <th colSpan={2} className="border-b border-r border-zinc-200 px-2 py-1.5 font-sans font-medium">
              {beforeLabel}
            </th>
            <th colSpan={2} className="border-b border-zinc-200 px-2 py-1.5 font-sans font-medium">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {unchanged && rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="px-2 py-3 text-center font-sans text-zinc-500">
                Both are empty
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and recomputed as a whole.
              <tr key={index} className="align-top">
                <Cell cell={row.left} />
                <Cell cell={row.right} />
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
