/**
 * The Routes page's custom routes, a page at a time (ADR 0042): the server filters, sorts and
 * counts; the page asks only for the pages the table has in view (windowed page queries keyed by
 * offset, so a jump to the end does not load everything before it), and keeps showing the previous
 * answer while a new filter or order loads.
 */
import { normalizeRouteFilter } from '@edgenet/network-config';
import type { Route, RouteList } from '@edgenet/network-config/contract';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TableSort } from '../../components/VirtualTable';
import { type RoutePageQuery, routeQueries } from './queries';

/** Rows per request: a kiosk screen shows ~10, a tall one ~40; a page covers a few screens. */
const ROUTE_PAGE_SIZE = 100;
/** Typing waits this long before asking the server (short: the filter should settle in 100 ms). */
const FILTER_DEBOUNCE_MS = 30;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useRoutePages({
  interfaceAlias,
  filter,
  sort,
}: {
  interfaceAlias: string | null;
  filter: string;
  sort: TableSort | null;
}) {
  const q = useDebounced(normalizeRouteFilter(filter), FILTER_DEBOUNCE_MS);
  const [range, setRange] = useState<readonly [number, number]>([0, 0]);
  const onRange = useCallback(
    (first: number, last: number) =>
      setRange((r) => (r[0] === first && r[1] === last ? r : [first, last])),
    [],
  );
  const base = {
    interfaceAlias,
    q,
    sort: (sort?.id as RoutePageQuery['sort']) ?? null,
    dir: sort?.direction === 'descending' ? ('desc' as const) : ('asc' as const),
  };
  const firstPage = Math.floor(range[0] / ROUTE_PAGE_SIZE);
  const lastPage = Math.max(firstPage, Math.floor(range[1] / ROUTE_PAGE_SIZE));
  const pages = useQueries({
    queries: Array.from({ length: lastPage - firstPage + 1 }, (_, i) => ({
      ...routeQueries.page({
        ...base,
        offset: (firstPage + i) * ROUTE_PAGE_SIZE,
        limit: ROUTE_PAGE_SIZE,
      }),
    })),
  });
  // "Showing 3 of 10,000": the count without the filter, asked for alone while filtering.
  const unfiltered = useQuery({
    ...routeQueries.page({ ...base, q: '', sort: null, dir: 'asc', offset: 0, limit: 0 }),
    enabled: q !== '',
  });

  // While a new filter or order loads, the last answers stay on screen (useQueries does not keep
  // previous data itself: TanStack/query#7051); each answer says its own offset.
  const fresh = pages.flatMap((p) => (p.data ? [p.data] : []));
  const shown = useRef<RouteList[]>([]);
  if (fresh.length > 0) shown.current = fresh;
  const answers = fresh.length > 0 ? fresh : shown.current;
  const current = answers[0];
  const total = current?.total ?? current?.routes.length ?? 0;
  const rowAt = (index: number): Route | undefined => {
    for (const a of answers) {
      const at = index - (a.offset ?? 0);
      if (at >= 0 && at < a.routes.length) return a.routes[at];
    }
    return undefined;
  };
  return {
    total,
    /** The whole list's count (all of the interface's routes), or undefined before it is known. */
    all: q === '' ? (fresh[0] ? total : undefined) : unfiltered.data?.total,
    /** The newest revision among the pages shown (If-Match of the changes made from them). */
    revision: answers.reduce<number | undefined>(
      (r, a) => (r === undefined || a.revision > r ? a.revision : r),
      undefined,
    ),
    rowAt,
    // Each answer's own time: a new page, filter, order or revision changes it.
    version: pages.map((p) => p.dataUpdatedAt).join(' ') + (fresh.length > 0 ? '' : ' kept'),
    onRange,
    isPending: answers.length === 0 && pages.some((p) => p.isPending),
    isError: answers.length === 0 && pages.some((p) => p.isError),
    error: pages.find((p) => p.error)?.error ?? null,
    refetch: () => Promise.all(pages.map((p) => p.refetch())),
  };
}
