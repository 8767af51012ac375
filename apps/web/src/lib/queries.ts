/**
 * Queries shared by several features: the device summary (header, overview, kiosk flag) and the
 * whole configuration the core's validators need. Queries whose document carries the device's
 * single revision are marked `meta.revisioned`, so any accepted change refreshes all of them and
 * no form keeps an old revision by accident.
 */
import type { DeviceConfig } from '@edgenet/network-config';
import type { Device } from '@edgenet/network-config/contract';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from './api';
import { URLS } from './urls';

/** GET /api/device; `kiosk` is the server-side kiosk switch. */
export type DeviceDoc = Device & { kiosk?: boolean };
/** GET /api/config: the whole configuration, as the core's validators take it. */
export type ConfigDoc = DeviceConfig & { revision: number };

export const REVISIONED = { revisioned: true } as const;

export const sharedQueries = {
  device: () =>
    queryOptions({
      queryKey: ['device'] as const,
      queryFn: ({ signal }) => getJson<DeviceDoc>(URLS.device, { signal }),
      meta: REVISIONED,
    }),
  config: () =>
    queryOptions({
      queryKey: ['config'] as const,
      queryFn: ({ signal }) => getJson<ConfigDoc>(URLS.config, { signal }),
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
