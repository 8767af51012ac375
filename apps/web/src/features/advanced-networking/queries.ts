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
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const virtualSwitchQueries = {
  all: ['virtualSwitches'] as const,
  list: () =>
    queryOptions({
      queryKey: [...virtualSwitchQueries.all, 'list'] as const,
      queryFn: ({ signal }) => getJson<VirtualSwitchList>(URLS.virtualSwitches, { signal }),
      meta: REVISIONED,
    }),
};

export interface SaveSwitch {
  /** The switch's name before the change; null adds a switch. */
  previous: string | null;
  body: VirtualSwitchInput;
  revision: number;
}

async function saveSwitch({ previous, body, revision }: SaveSwitch) {
  const { data } = await request<VirtualSwitchAnswer>(
    previous === null ? URLS.virtualSwitches : URLS.virtualSwitch(previous),
    { method: previous === null ? 'POST' : 'PUT', body, ifMatch: revision },
  );
  return data;
}

/** POST /api/virtual-switches (add) or PUT /api/virtual-switches/:name (change). */
export function useSaveSwitchMutation(options?: WriteOptions<VirtualSwitchAnswer, SaveSwitch>) {
  return useWrite(saveSwitch, CONFIGURATION_WRITE, options);
}

export interface SaveNetwork {
  switchName: string;
  /** The network's name before the change; null adds a network. */
  previous: string | null;
  body: VirtualNetworkInput;
  revision: number;
}

async function saveNetwork({ switchName, previous, body, revision }: SaveNetwork) {
  const { data } = await request<VirtualNetworkAnswer>(
    previous === null
      ? URLS.virtualNetworks(switchName)
      : URLS.virtualNetwork(switchName, previous),
    { method: previous === null ? 'POST' : 'PUT', body, ifMatch: revision },
  );
  return data;
}

/** POST …/:switch/networks (add) or PUT …/:switch/networks/:name (change). */
export function useSaveNetworkMutation(options?: WriteOptions<VirtualNetworkAnswer, SaveNetwork>) {
  return useWrite(saveNetwork, CONFIGURATION_WRITE, options);
}

/** What the Advanced networking page deletes: a switch (with its networks) or one network. */
export type DeleteTarget =
  | { kind: 'switch'; name: string }
  | { kind: 'network'; switchName: string; name: string };

async function deleteVirtual({ target, revision }: { target: DeleteTarget; revision: number }) {
  if (target.kind === 'switch') {
    // The page has asked first, so `force`: the switch goes with its networks.
    await request<null>(URLS.virtualSwitch(target.name), {
      method: 'DELETE',
      ifMatch: revision,
      query: { force: 'true' },
    });
  } else {
    await request<null>(URLS.virtualNetwork(target.switchName, target.name), {
      method: 'DELETE',
      ifMatch: revision,
    });
  }
  return target;
}

/** DELETE /api/virtual-switches/:name?force=true or …/:switch/networks/:name. */
export function useDeleteVirtualMutation(
  options?: WriteOptions<DeleteTarget, { target: DeleteTarget; revision: number }>,
) {
  return useWrite(deleteVirtual, CONFIGURATION_WRITE, options);
}
