/**
 * The order and the text filter of the custom route list (the Routes page's table, SPEC §4
 * `GET /api/routes?q=&sort=&dir=`). One definition, so the server's pages come in exactly the order
 * and with exactly the matches the page showed when it sorted and filtered on its own (ours).
 */
import type { DeviceConfig, RouteConfig } from './model';
import { tryParsePrefix } from './prefix';
import { routeStatus } from './route-config';

/** The sortable columns of the route table, by the table's column ids. */
export const ROUTE_SORT_COLUMNS = [
  'destination',
  'length',
  'nextHop',
  'interface',
  'metric',
  'status',
] as const;
export type RouteSortColumn = (typeof ROUTE_SORT_COLUMNS)[number];
export type RouteSortDirection = 'asc' | 'desc';

/**
 * A text key that sorts like the address or prefix (IPv4 before IPv6, then by number, then by
 * prefix length); what does not parse sorts last, by its text.
 */
export function addressSortKey(text: string): string {
  const parsed = tryParsePrefix(text);
  if (!parsed) return `9 ${text}`;
  const network = parsed.network.toString(16).padStart(32, '0');
  return `${parsed.family} ${network} ${String(parsed.length).padStart(3, '0')}`;
}

/** What the user typed into the filter, as it is compared: trimmed, lower case. */
export function normalizeRouteFilter(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Does the route match a filter (already normalized)? Destination and next hop contain it, the
 * interface contains it ignoring case, or the metric is exactly it.
 */
export function routeMatchesFilter(route: RouteConfig, needle: string): boolean {
  if (!needle) return true;
  return (
    route.destinationPrefix.includes(needle) ||
    route.nextHop.includes(needle) ||
    route.interfaceAlias.toLowerCase().includes(needle) ||
    String(route.routeMetric) === needle
  );
}

/** The key a column sorts by: numbers numerically, text by code points. */
export function routeSortKey(
  column: RouteSortColumn,
  route: RouteConfig,
  device: Pick<DeviceConfig, 'ports' | 'compute'>,
): string | number {
  switch (column) {
    case 'destination':
      return addressSortKey(route.destinationPrefix);
    case 'length':
      return tryParsePrefix(route.destinationPrefix)?.length ?? -1;
    case 'nextHop':
      return addressSortKey(route.nextHop);
    case 'interface':
      return route.interfaceAlias;
    case 'metric':
      return route.routeMetric;
    case 'status':
      // Active first.
      return routeStatus(route, device).active ? 0 : 1;
  }
}

/**
 * Rows in a column's order, stable: equal keys keep their order in `rows`, in both directions.
 * Each row's key is computed once (one key per row, not one per comparison).
 */
export function sortByKey<T>(
  rows: readonly T[],
  key: (row: T) => string | number,
  direction: RouteSortDirection,
): T[] {
  const keyed = rows.map((row, index) => ({ row, index, key: key(row) }));
  const sign = direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.index - b.index));
  return keyed.map((k) => k.row);
}

/** The routes matching `q`, in the order of `sort`/`dir` (none: as stored). */
export function orderRoutes(
  routes: readonly RouteConfig[],
  query: { q?: string; sort?: RouteSortColumn; dir?: RouteSortDirection },
  device: Pick<DeviceConfig, 'ports' | 'compute'>,
): readonly RouteConfig[] {
  const needle = normalizeRouteFilter(query.q ?? '');
  const matching = needle ? routes.filter((r) => routeMatchesFilter(r, needle)) : routes;
  if (!query.sort) return matching;
  const column = query.sort;
  return sortByKey(matching, (r) => routeSortKey(column, r, device), query.dir ?? 'asc');
}
