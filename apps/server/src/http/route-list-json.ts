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
import { DocumentMemo, jsonOnce } from './document-memo';

/** Filters are interface names, a handful; never let a client grow the map without end. */
const lists = new DocumentMemo<RouteList>(32);

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
  return lists.get(device, `${revision} ${filter.toLowerCase()}`, build);
}

/** The JSON of an answer from `routeList`, written once per answer. */
export function routeListJson(list: RouteList): string {
  return jsonOnce(list, JSON.stringify);
}

/** The query parameters that ask for a page rather than the whole list. */
const PAGE_PARAMETERS = ['offset', 'limit', 'q', 'sort', 'dir'] as const;

export function isPageQuery(query: RouteListQuery): boolean {
  return PAGE_PARAMETERS.some((p) => query[p] !== undefined);
}

/** Queries kept per document: one per keystroke of a filter, so the oldest go first. */
const indexes = new DocumentMemo<readonly RouteConfig[]>(64);

/**
 * The stored routes of interface `alias` ('' for all; the caller resolves its case) matching the
 * query, in its order: built once per document and query, so each further page costs its rows.
 */
export function orderedRoutes(
  device: DeviceConfig,
  alias: string,
  query: Pick<RouteListQuery, 'q' | 'sort' | 'dir'>,
): readonly RouteConfig[] {
  const q = normalizeRouteFilter(query.q ?? '');
  const key = JSON.stringify([alias, q, query.sort ?? '', query.sort ? (query.dir ?? 'asc') : '']);
  return indexes.get(device, key, () => {
    const own = alias ? device.routes.filter((r) => r.interfaceAlias === alias) : device.routes;
    return orderRoutes(own, { q, sort: query.sort, dir: query.dir }, device);
  });
}
