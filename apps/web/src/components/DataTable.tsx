import type { ReactNode } from 'react';

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Visually hide the header (e.g. an actions column), keep it for screen readers. */
  hideHeader?: boolean;
  className?: string;
  /** Hidden at mid widths so the other columns keep their words and addresses whole. */
  optional?: boolean;
}

function cellClass<T>(c: Column<T>): string | undefined {
  const names = [c.className, c.optional ? 'col-optional' : undefined].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}

/**
 * A small table (ports, nodes, pods). Below ~860 px wide each row becomes a card with the column
 * name beside each value, so the kiosk never scrolls sideways (Chromium keeps the table
 * semantics when CSS changes the display of table elements).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  className,
  stack = 'md',
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  className?: string;
  /** Below which width rows become cards: 720 px ('md', many columns) or 480 px ('sm', few). */
  stack?: 'md' | 'sm';
}) {
  return (
    <div
      className={`table-wrap${stack === 'sm' ? ' table-wrap--stack-sm' : ''}${className ? ` ${className}` : ''}`}
    >
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={cellClass(c)}>
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td
                  key={c.id}
                  data-label={c.hideHeader ? undefined : c.header}
                  className={cellClass(c)}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty ? <div className="table-empty">{empty}</div> : null}
    </div>
  );
}
