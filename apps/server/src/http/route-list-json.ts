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
 */
import type { DeviceConfig } from '@edgenet/network-config';
import type { RouteList } from '@edgenet/network-config/contract';

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
