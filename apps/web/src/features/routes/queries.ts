import type { RouteSortColumn, RouteSortDirection } from '@edgenet/network-config';
import type {
  EffectiveTable,
  LookupAnswerDoc,
  ProbeAnswer,
  Route,
  RouteCreateBody,
  RouteCreated,
  RouteList,
} from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';

/** What the Routes page asks `GET /api/routes` for (the contract's `RouteListQuery`). */
export interface RoutePageQuery {
  interfaceAlias: string | null;
  q: string;
  sort: RouteSortColumn | null;
  dir: RouteSortDirection;
  offset: number;
  limit: number;
}

export const routeQueries = {
  all: ['routes'] as const,
  /**
   * One page of the custom routes, filtered and sorted by the server (ADR 0042); `limit: 0` asks
   * for the count alone.
   */
  page: (query: RoutePageQuery) =>
    queryOptions({
      queryKey: [...routeQueries.all, 'list', query] as const,
      queryFn: ({ signal }) =>
        getJson<RouteList>(URLS.routes, {
          signal,
          query: {
            interfaceAlias: query.interfaceAlias ?? undefined,
            q: query.q || undefined,
            sort: query.sort ?? undefined,
            dir: query.sort ? query.dir : undefined,
            offset: String(query.offset),
            limit: String(query.limit),
          },
        }),
      meta: REVISIONED,
    }),
  effective: (vm: string) =>
    queryOptions({
      queryKey: [...routeQueries.all, 'effective', { vm }] as const,
      queryFn: ({ signal }) =>
        getJson<EffectiveTable>(URLS.routesEffective, { signal, query: { vm } }),
      meta: REVISIONED,
    }),
};

export async function addRoute(
  body: RouteCreateBody,
  revision: number | undefined,
  headers?: Record<string, string>,
): Promise<RouteCreated> {
  // 201: the stored route, with the warnings it was saved with.
  const { data } = await request<RouteCreated>(URLS.routes, {
    method: 'POST',
    body,
    ifMatch: revision,
    headers,
  });
  return data;
}

export async function removeRoute(
  route: Pick<Route, 'interfaceAlias' | 'destinationPrefix'>,
  revision: number | undefined,
): Promise<void> {
  await request(URLS.routes, {
    method: 'DELETE',
    query: { interfaceAlias: route.interfaceAlias, destinationPrefix: route.destinationPrefix },
    ifMatch: revision,
  });
}

export async function lookup(destination: string, vm: string): Promise<LookupAnswerDoc> {
  const { data } = await request<LookupAnswerDoc>(URLS.routesLookup, {
    method: 'POST',
    body: { destination, vm },
  });
  return data;
}

/** POST /api/probe: a real ping from a VM (Linux driver). */
export async function probe(destination: string, vm: string): Promise<ProbeAnswer> {
  const { data } = await request<ProbeAnswer>(URLS.probe, {
    method: 'POST',
    body: { destination, vm },
  });
  return data;
}
