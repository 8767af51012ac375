/**
 * `GET /api/routes`, built once per revision and interface filter, and its JSON written once.
 *
 * At 100,000 routes the answer is about 15 MB; Fastify's schema serializer took over a second to
 * write it (each route's nullable `reason` makes it test the value against the schema's branches),
 * and the answer only changes when the configuration does. So the list is kept beside the
 * configuration document it came from (a WeakMap on the document, which the store replaces on
 * every commit: a new revision is a new key, and the old answer is collected with the old
 * document), and its text is written with `JSON.stringify` once. A test holds the text to the
 * contract: it parses to exactly the schema's fields (ADR 0032 has the figures).
 *
 * A page (`?offset=&limit=&q=&sort=&dir=`, ADR 0042) never builds the whole list: the routes
 * matching the query, in its order, are kept per revision and query (only the stored routes, no
 * status or warnings), and only the answered rows get their status and warnings.
 */
import {
  type DeviceConfig,
  normalizeRouteFilter,
  orderRoutes,
  type RouteConfig,
} from '@edgenet/network-config';
import type { RouteList, RouteListQuery } from '@edgenet/network-config/contract';

const lists = new WeakMap<DeviceConfig, Map<string, RouteList>>();
const texts = new WeakMap<RouteList, string>();

/**
 * The answer for `device` at `revision` and `filter` (the interface as asked, '' for all), built
 * at most once.
 */
export function routeList(
  device: DeviceConfig,
  revision: number,
  filter: string,
  build: () => RouteList,
): RouteList {
  let byFilter = lists.get(device);
  if (byFilter === undefined) {
    byFilter = new Map();
    lists.set(device, byFilter);
  }
  const key = `${revision} ${filter.toLowerCase()}`;
  let list = byFilter.get(key);
  if (list === undefined) {
    list = build();
    // Filters are interface names, a handful; never let a client grow the map without end.
    if (byFilter.size < 32) byFilter.set(key, list);
  }
  return list;
}

/** The JSON of an answer from `routeList`, written once per answer. */
export function routeListJson(list: RouteList): string {
  let json = texts.get(list);
  if (json === undefined) {
    json = JSON.stringify(list);
    texts.set(list, json);
  }
  return json;
}

/** The query parameters that ask for a page rather than the whole list. */
const PAGE_PARAMETERS = ['offset', 'limit', 'q', 'sort', 'dir'] as const;

export function isPageQuery(query: RouteListQuery): boolean {
  return PAGE_PARAMETERS.some((p) => query[p] !== undefined);
}

/** Queries kept per document: one per keystroke of a filter, so the oldest go first. */
const INDEX_LIMIT = 64;
const indexes = new WeakMap<DeviceConfig, Map<string, readonly RouteConfig[]>>();

/**
 * The stored routes of interface `alias` ('' for all; the caller resolves its case) matching the
 * query, in its order: built once per document and query, so each further page costs its rows.
 */
export function orderedRoutes(
  device: DeviceConfig,
  alias: string,
  query: Pick<RouteListQuery, 'q' | 'sort' | 'dir'>,
): readonly RouteConfig[] {
  let byQuery = indexes.get(device);
  if (byQuery === undefined) {
    byQuery = new Map();
    indexes.set(device, byQuery);
  }
  const q = normalizeRouteFilter(query.q ?? '');
  const key = JSON.stringify([alias, q, query.sort ?? '', query.sort ? (query.dir ?? 'asc') : '']);
  let ordered = byQuery.get(key);
  if (ordered === undefined) {
    const own = alias ? device.routes.filter((r) => r.interfaceAlias === alias) : device.routes;
    ordered = orderRoutes(own, { q, sort: query.sort, dir: query.dir }, device);
    if (byQuery.size >= INDEX_LIMIT) {
      const oldest = byQuery.keys().next().value;
      if (oldest !== undefined) byQuery.delete(oldest);
    }
  } else {
    // Most recently used last, so the oldest key is the least recently used.
    byQuery.delete(key);
  }
  byQuery.set(key, ordered);
  return ordered;
}
