/**
 * Queries shared by several features: the device summary (header, overview, kiosk flag) and the
 * whole configuration the core's validators need. Queries whose document carries the device's
 * single revision are marked `meta.revisioned`, so any accepted change refreshes all of them and
 * no form keeps an old revision by accident.
 */
import type {
  AnswerOf,
  ApiAnswer,
  EndpointName,
  InputOf,
} from '@edgenet/network-config/contract/client';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

/** GET /api/config: the whole configuration, as the core's validators take it. */
export type ConfigDoc = AnswerOf<'getConfig'>;

export const REVISIONED = { revisioned: true } as const;

/** The endpoints read without any input (a GET of one document). */
type Readable = { [K in EndpointName]: object extends InputOf<K> ? K : never }[EndpointName];

/** The query of a document that carries the device's revision, read by `name`. */
export function revisionedQuery<const Q extends readonly unknown[], K extends Readable>(
  queryKey: Q,
  name: K,
) {
  const read = api.call as (name: K, input: { signal: AbortSignal }) => Promise<ApiAnswer<K>>;
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<AnswerOf<K>> => (await read(name, { signal })).data,
    meta: REVISIONED,
  });
}

export const sharedQueries = {
  device: () => revisionedQuery(['device'], 'getDevice'),
  config: () => revisionedQuery(['config'], 'getConfig'),
};

export function useDeviceConfig() {
  return useQuery(sharedQueries.config());
}

/** After any accepted change: every document that carries the revision is refetched. */
export function invalidateConfiguration(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.meta?.revisioned === true });
}
