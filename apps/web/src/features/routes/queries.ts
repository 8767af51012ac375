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
import { confirmHeaders } from '../../lib/lifecycle';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';
import {
  CONFIGURATION_WRITE,
  LIFECYCLE_WRITE,
  useWrite,
  type WriteOptions,
} from '../../lib/writes';

export const routeQueries = {
  all: ['routes'] as const,
  list: (interfaceAlias: string | null) =>
    queryOptions({
      queryKey: [...routeQueries.all, 'list', { interfaceAlias }] as const,
      queryFn: ({ signal }) =>
        getJson<RouteList>(URLS.routes, {
          signal,
          query: { interfaceAlias: interfaceAlias ?? undefined },
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

export interface AddRoute {
  body: RouteCreateBody;
  revision: number | undefined;
  /** "Revert automatically unless I confirm" (SPEC §7.2). */
  confirm?: boolean;
}

async function addRoute({ body, revision, confirm }: AddRoute): Promise<RouteCreated> {
  // 201: the stored route, with the warnings it was saved with.
  const { data } = await request<RouteCreated>(URLS.routes, {
    method: 'POST',
    body,
    ifMatch: revision,
    headers: confirmHeaders(confirm ?? false),
  });
  return data;
}

/** POST /api/routes (Add-HcsNetRoute). */
export function useAddRouteMutation(options?: WriteOptions<RouteCreated, AddRoute>) {
  return useWrite(addRoute, LIFECYCLE_WRITE, options);
}

export interface RemoveRoute {
  route: Pick<Route, 'interfaceAlias' | 'destinationPrefix'>;
  revision: number | undefined;
}

async function removeRoute({ route, revision }: RemoveRoute): Promise<void> {
  await request(URLS.routes, {
    method: 'DELETE',
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

async function lookup(body: Probe): Promise<LookupAnswerDoc> {
  const { data } = await request<LookupAnswerDoc>(URLS.routesLookup, { method: 'POST', body });
  return data;
}

/** POST /api/routes/lookup: the route a VM picks for an address (reads; changes nothing). */
export function useLookupMutation() {
  return useWrite(lookup, undefined);
}

async function probe(body: Probe): Promise<ProbeAnswer> {
  const { data } = await request<ProbeAnswer>(URLS.probe, { method: 'POST', body });
  return data;
}

/** POST /api/probe: a real ping from a VM (Linux driver; changes nothing). */
export function useProbeMutation() {
  return useWrite(probe, undefined);
}
