/**
 * `GET /api/routes` written with `JSON.stringify`, once per answer object.
 *
 * At 100,000 routes the whole list is about 15 MB; Fastify's schema serializer took over a second
 * to write it (each route's nullable `reason` makes it test the value against the schema's
 * branches). The route service builds the list once per revision and interface
 * (`RouteService.listAnswer`), so its text is written once too. A test holds the text to the
 * contract: it parses to exactly the schema's fields (ADR 0032 has the figures).
 */
import type { RouteList } from '@edgenet/network-config/contract';
import { jsonOnce } from './serialize-once';

export function routeListJson(list: RouteList): string {
  return jsonOnce(list, JSON.stringify);
}
