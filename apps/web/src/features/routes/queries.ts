import type { RouteSortColumn, RouteSortDirection } from '@edgenet/network-config';
import type { Route, RouteCreateBody } from '@edgenet/network-config/contract';
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { confirmHeaders } from '../../lib/lifecycle';
import { REVISIONED } from '../../lib/queries';
import {
  CONFIGURATION_WRITE,
  LIFECYCLE_WRITE,
  useWrite,
  type WriteOptions,
} from '../../lib/writes';

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
      queryFn: async ({ signal }) =>
        (
          await api.call('listRoutes', {
            signal,
            query: {
              interfaceAlias: query.interfaceAlias ?? undefined,
              q: query.q || undefined,
              sort: query.sort ?? undefined,
              dir: query.sort ? query.dir : undefined,
              offset: query.offset,
              limit: query.limit,
            },
          })
        ).data,
      meta: REVISIONED,
    }),
  effective: (vm: string) =>
    queryOptions({
      queryKey: [...routeQueries.all, 'effective', { vm }] as const,
      queryFn: async ({ signal }) =>
        (await api.call('getEffectiveRoutes', { signal, query: { vm } })).data,
      meta: REVISIONED,
    }),
};

export interface AddRoute {
  body: RouteCreateBody;
  revision: number | undefined;
  /** "Revert automatically unless I confirm" (SPEC §7.2). */
  confirm?: boolean;
}

async function addRoute({ body, revision, confirm }: AddRoute) {
  // 201: the stored route, with the warnings it was saved with.
  const answer = await api.call('addRoute', {
    body,
    ifMatch: revision,
    headers: confirmHeaders(confirm ?? false),
  });
  return answer.data;
}

/** POST /api/routes (Add-HcsNetRoute). */
export function useAddRouteMutation(options?: WriteOptions<AnswerOf<'addRoute'>, AddRoute>) {
  return useWrite(addRoute, LIFECYCLE_WRITE, options);
}

export interface RemoveRoute {
  route: Pick<Route, 'interfaceAlias' | 'destinationPrefix'>;
  revision: number | undefined;
}

async function removeRoute({ route, revision }: RemoveRoute): Promise<void> {
  await api.call('removeRoute', {
    query: { interfaceAlias: route.interfaceAlias, destinationPrefix: route.destinationPrefix },
    ifMatch: revision,
  });
}

/**
 * DELETE /api/routes (Remove-HcsNetRoute). Refused or not, the list is reloaded: nothing was
 * typed, so the admin simply decides again on fresh data.
 */
export function useRemoveRouteMutation(options?: WriteOptions<void, RemoveRoute>) {
  return useWrite(removeRoute, { ...CONFIGURATION_WRITE, afterError: 'always' }, options);
}

export interface Probe {
  destination: string;
  vm: string;
}

async function lookup(body: Probe) {
  return (await api.call('lookupRoute', { body })).data;
}

/** POST /api/routes/lookup: the route a VM picks for an address (reads; changes nothing). */
export function useLookupMutation() {
  return useWrite(lookup, undefined);
}

async function probe(body: Probe) {
  return (await api.call('probeAddress', { body })).data;
}

/** POST /api/probe: a real ping from a VM (Linux driver; changes nothing). */
export function useProbeMutation() {
  return useWrite(probe, undefined);
}
