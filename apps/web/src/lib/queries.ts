/**
 * Queries shared by several features: the device summary (header, overview, kiosk flag) and the
 * whole configuration the core's validators need. Queries whose document carries the device's
 * single revision are marked `meta.revisioned`, so any accepted change refreshes all of them and
 * no form keeps an old revision by accident.
 */
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

/** GET /api/device; `kiosk` is the server-side kiosk switch. */
export type DeviceDoc = AnswerOf<'getDevice'>;
/** GET /api/config: the whole configuration, as the core's validators take it. */
export type ConfigDoc = AnswerOf<'getConfig'>;

export const REVISIONED = { revisioned: true } as const;

export const sharedQueries = {
  device: () =>
    queryOptions({
      queryKey: ['device'] as const,
      queryFn: async ({ signal }) => (await api.call('getDevice', { signal })).data,
      meta: REVISIONED,
    }),
  config: () =>
    queryOptions({
      queryKey: ['config'] as const,
      queryFn: async ({ signal }) => (await api.call('getConfig', { signal })).data,
      meta: REVISIONED,
    }),
};

export function useDeviceConfig() {
  return useQuery(sharedQueries.config());
}

/** After any accepted change: every document that carries the revision is refetched. */
export function invalidateConfiguration(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.meta?.revisioned === true });
}
