import type { VirtualNetworkInput, VirtualSwitchInput } from '@edgenet/network-config';
import type {
  VirtualNetworkAnswer,
  VirtualSwitchAnswer,
  VirtualSwitchList,
} from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';

export const virtualSwitchQueries = {
  all: ['virtualSwitches'] as const,
  list: () =>
    queryOptions({
      queryKey: [...virtualSwitchQueries.all, 'list'] as const,
      queryFn: ({ signal }) => getJson<VirtualSwitchList>(URLS.virtualSwitches, { signal }),
      meta: REVISIONED,
    }),
};

/** Adds a switch (previous null) or changes one, based on `revision`. */
export function saveSwitch(previous: string | null, body: VirtualSwitchInput, revision: number) {
  return previous === null
    ? request<VirtualSwitchAnswer>(URLS.virtualSwitches, {
        method: 'POST',
        body,
        ifMatch: revision,
      })
    : request<VirtualSwitchAnswer>(URLS.virtualSwitch(previous), {
        method: 'PUT',
        body,
        ifMatch: revision,
      });
}

/** Deletes a switch and its networks; the page has asked first, so `force`. */
export function deleteSwitch(name: string, revision: number) {
  return request<null>(URLS.virtualSwitch(name), {
    method: 'DELETE',
    ifMatch: revision,
    query: { force: 'true' },
  });
}

export function saveNetwork(
  switchName: string,
  previous: string | null,
  body: VirtualNetworkInput,
  revision: number,
) {
  return previous === null
    ? request<VirtualNetworkAnswer>(URLS.virtualNetworks(switchName), {
        method: 'POST',
        body,
        ifMatch: revision,
      })
    : request<VirtualNetworkAnswer>(URLS.virtualNetwork(switchName, previous), {
        method: 'PUT',
        body,
        ifMatch: revision,
      });
}

export function deleteNetwork(switchName: string, name: string, revision: number) {
  return request<null>(URLS.virtualNetwork(switchName, name), {
    method: 'DELETE',
    ifMatch: revision,
  });
}
