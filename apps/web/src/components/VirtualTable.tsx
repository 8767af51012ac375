import { sortByKey } from '@edgenet/network-config';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Icon } from './Icon';

export interface VirtualColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** A CSS grid track, e.g. `minmax(8rem, 1.3fr)`. */
  width: string;
  hideHeader?: boolean;
  /**
   * Makes the column sortable: the value rows are ordered by (numbers numerically, text by code
   * points — give addresses a key that sorts like the address, see `addressSortKey`).
   */
  sortKey?: (row: T) => string | number;
  /** Sortable by whoever holds the rows (`remote`), when there is no `sortKey` here. */
  sortable?: boolean;
}

export type SortDirection = 'ascending' | 'descending';
export interface TableSort {
  id: string;
  direction: SortDirection;
}

/**
 * Rows held elsewhere (a server's pages, ADR 0042): the table asks for the rows in view, shows
 * a placeholder row until one is loaded, and leaves the order to its holder.
 */
export interface RemoteRows<T> {
  /** How many rows there are in all (`aria-rowcount`). */
  count: number;
  /** The row at an index of the whole list, or undefined while its page loads. */
  rowAt: (index: number) => T | undefined;
  /** Changes whenever the rows do (a new answer, filter or order). */
  version: string;
  /** The first and last index in view (with overscan), whenever they change. */
  onRange: (first: number, last: number) => void;
  sort: TableSort | null;
  onSort: (sort: TableSort) => void;
}

/**
 * The rows in the column's order (stable: equal keys keep their order). Each row's key is computed
 * once, so sorting 10,000 routes costs one key per row, not one per comparison.
 */
export function sortRows<T>(
  rows: readonly T[],
  key: (row: T) => string | number,
  direction: SortDirection,
): T[] {
  return sortByKey(rows, key, direction === 'ascending' ? 'asc' : 'desc');
}

/** A grid track (`minmax(a, b)` or a length) whose minimum is raised to `px` (when measured). */
export function atLeast(track: string, px: number | undefined): string {
  if (!px) return track;
  const minmax = /^minmax\(([^,]+),\s*(.+)\)$/.exec(track);
  return minmax ? `minmax(max(${px}px, ${minmax[1]}), ${minmax[2]})` : `max(${px}px, ${track})`;
}

/**
 * A table that renders only the rows in view, so 10,000 routes stay smooth and the DOM stays the
 * same size whatever the count. Real table elements laid out as CSS grid (TanStack's pattern):
 * a sticky header inside the scrolling box, absolutely placed measured rows (a status reason may
 * wrap), `aria-rowcount` / `aria-rowindex` so screen readers know the real size.
 */
export function VirtualTable<T>({
  label,
  columns,
  rows,
  rowKey,
  estimateRowHeight = 48,
  empty,
  className,
  testId,
  remote,
}: {
  label: string;
  columns: VirtualColumn<T>[];
  /** The rows, sorted here by the columns' `sortKey` (unused with `remote`). */
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  estimateRowHeight?: number;
  empty?: ReactNode;
  className?: string;
  testId?: string;
  remote?: RemoteRows<T>;
}) {
  const [ownSort, setOwnSort] = useState<TableSort | null>(null);
  const sort = remote ? remote.sort : ownSort;
  const sortable = (c: VirtualColumn<T>) =>
    c.sortKey !== undefined || (remote !== undefined && c.sortable === true);
  const sortColumn = sort ? columns.find((c) => c.id === sort.id && c.sortKey) : undefined;
  const sortKey = remote ? undefined : sortColumn?.sortKey;
  const direction = sort?.direction ?? 'ascending';
  const sorted = useMemo(
    () => (sortKey ? sortRows(rows, sortKey, direction) : rows),
    [rows, sortKey, direction],
  );
  const count = remote ? remote.count : sorted.length;
  const rowAt = (index: number): T | undefined => (remote ? remote.rowAt(index) : sorted[index]);
  // The virtualizer lays out every row again whenever `getItemKey` changes: keep it the same
  // function until the rows do (at 100,000 rows a layout is tens of ms, and a render per key typed
  // into a filter would pay it each time).
  const current = useRef({ rowAt, rowKey });
  current.current = { rowAt, rowKey };
  const rowsVersion = remote ? remote.version : sorted;
  // biome-ignore lint/correctness/useExhaustiveDependencies: renewed when the rows change
  const getItemKey = useCallback(
    (index: number) => {
      const row = current.current.rowAt(index);
      return row === undefined ? `loading ${index}` : current.current.rowKey(row, index);
    },
    [rowsVersion],
  );
  const toggleSort = (id: string) => {
    const next: TableSort =
      sort?.id === id && sort.direction === 'ascending'
        ? { id, direction: 'descending' }
        : { id, direction: 'ascending' };
    if (remote) remote.onSort(next);
    else setOwnSort(next);
  };
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const headRef = useRef<HTMLTableSectionElement | null>(null);
  const [headHeight, setHeadHeight] = useState(44);
  useLayoutEffect(() => {
    const h = headRef.current?.getBoundingClientRect().height;
    if (h) setHeadHeight(h);
  }, []);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 6,
    scrollMargin: headHeight,
    // Before layout (and in engines without layout) assume a kiosk-sized viewport.
    initialRect: { width: 800, height: 480 },
    getItemKey,
    measureElement: (element) => element.getBoundingClientRect().height || estimateRowHeight,
  });

  // Each column at least as wide as its header's longest word (measured: the header's words and
  // the language decide it, not a guess), so a header never breaks inside a word.
  const [headMins, setHeadMins] = useState<number[]>([]);
  const headerText = columns.map((c) => c.header).join('|');
  useLayoutEffect(() => {
    void headerText;
    const cells = [...(headRef.current?.querySelectorAll<HTMLElement>('th') ?? [])];
    const mins = cells.map((th) => {
      const previous = th.style.width;
      th.style.width = 'min-content';
      const width = Math.ceil(th.getBoundingClientRect().width);
      th.style.width = previous;
      return width;
    });
    setHeadMins((old) => (old.join() === mins.join() ? old : mins));
  }, [headerText]);
  const grid: CSSProperties = {
    gridTemplateColumns: columns.map((c, i) => atLeast(c.width, headMins[i])).join(' '),
  };
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const onRange = remote?.onRange;
  useEffect(() => {
    onRange?.(first, last);
  }, [onRange, first, last]);
  return (
    <div
      ref={scrollRef}
      className={`vtable${className ? ` ${className}` : ''}`}
      // The box scrolls, so it must be reachable by keyboard (WCAG 2.1.1); it is named by its table.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus
      tabIndex={0}
      data-testid={testId}
    >
      <table aria-label={label} aria-rowcount={count + 1}>
        <thead className="vtable-head" ref={headRef}>
          <tr aria-rowindex={1} className="vtable-row" style={grid}>
            {columns.map((c) => {
              const active = sort?.id === c.id && sortable(c);
              return (
                <th
                  key={c.id}
                  scope="col"
                  className="vtable-cell"
                  aria-sort={sortable(c) ? (active ? direction : 'none') : undefined}
                >
                  {c.hideHeader ? (
                    <span className="visually-hidden">{c.header}</span>
                  ) : sortable(c) ? (
                    // A real button: Enter and Space sort, and it is in the Tab order.
                    <button type="button" className="vtable-sort" onClick={() => toggleSort(c.id)}>
                      <span>{c.header}</span>
                      <Icon
                        name={
                          active
                            ? direction === 'ascending'
                              ? 'sortAscending'
                              : 'sortDescending'
                            : 'sortNone'
                        }
                        size={16}
                      />
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="vtable-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            // A row whose page is on the way keeps its place and size, marked busy.
            const row = rowAt(item.index);
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                aria-busy={row === undefined ? true : undefined}
                className="vtable-row"
                style={{
                  ...grid,
                  transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                }}
              >
                {columns.map((c) => (
                  <td key={c.id} className="vtable-cell" data-column={c.id}>
                    {row === undefined ? null : c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {count === 0 && empty ? <div className="table-empty">{empty}</div> : null}
    </div>
  );
}
