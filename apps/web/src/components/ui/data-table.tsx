import { flexRender, type Row, type Table as TanStackTable } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { Fragment, type HTMLAttributes, type ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { Table, Td, Th, Tr } from './table';

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  if (direction === 'asc') return <ArrowUp className="size-3.5" />;
  if (direction === 'desc') return <ArrowDown className="size-3.5" />;
  return <ArrowUpDown className="size-3.5 opacity-40" />;
}

export interface DataTableProps<T> extends Omit<HTMLAttributes<HTMLTableElement>, 'children'> {
  table: TanStackTable<T>;
  /** Classes for a column's header and cells, by column id. */
  columnClassName?: (columnId: string) => string | undefined;
  /** Extra classes for a column's header only. */
  headerClassName?: (columnId: string) => string | undefined;
  /** Props for each body row: a click target, a highlight, an accessible name. */
  rowProps?: (row: Row<T>) => HTMLAttributes<HTMLTableRowElement>;
  /** A full-width row under a row (an expanded detail), or null. */
  renderSubRow?: (row: Row<T>) => ReactNode;
  /** Rows to show instead of the data (placeholders while loading). */
  placeholder?: ReactNode;
}

/**
 * A TanStack table rendered with the console's table styles: sortable columns get a header button
 * and `aria-sort`, so every list sorts and reads the same way.
 */
export function DataTable<T>({ table, columnClassName, headerClassName, rowProps, renderSubRow, placeholder, ...tableProps }: DataTableProps<T>) {
  return (
    <Table {...tableProps}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const label = flexRender(header.column.columnDef.header, header.getContext());
              const sortable = header.column.getCanSort();
              const direction = header.column.getIsSorted();
              const ariaSort = !sortable ? undefined : direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
              return (
                <Th key={header.id} aria-sort={ariaSort} className={cn(columnClassName?.(header.column.id), headerClassName?.(header.column.id))}>
                  {sortable ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="inline-flex items-center gap-1 uppercase hover:text-zinc-900"
                    >
                      {label}
                      <SortIcon direction={direction} />
                    </button>
                  ) : (
                    label
                  )}
                </Th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {placeholder ??
          table.getRowModel().rows.map((row) => {
            const subRow = renderSubRow?.(row);
            return (
              <Fragment key={row.id}>
                <Tr {...rowProps?.(row)}>
                  {row.getVisibleCells().map((cell) => (
                    <Td key={cell.id} className={columnClassName?.(cell.column.id)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Td>
                  ))}
                </Tr>
                {subRow ? (
                  <tr>
                    <td colSpan={row.getVisibleCells().length} className="border-b border-zinc-100 bg-zinc-50 px-12 py-3">
                      {subRow}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
      </tbody>
    </Table>
  );
}
