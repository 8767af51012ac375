import type { VirtualNetworkInput, VirtualSwitchInput } from '@edgenet/network-config';
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { api } from '../../lib/api';
import { revisionedQuery } from '../../lib/queries';
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const virtualSwitchQueries = {
  all: ['virtualSwitches'] as const,
  list: () => revisionedQuery([...virtualSwitchQueries.all, 'list'], 'listVirtualSwitches'),
};

export interface SaveSwitch {
  /** The switch's name before the change; null adds a switch. */
  previous: string | null;
  body: VirtualSwitchInput;
  revision: number;
}

async function saveSwitch({ previous, body, revision }: SaveSwitch) {
  const sent = { body, ifMatch: revision };
  const answer =
    previous === null
      ? await api.call('addVirtualSwitch', sent)
      : await api.call('updateVirtualSwitch', { ...sent, params: { name: previous } });
  return answer.data;
}

/** POST /api/virtual-switches (add) or PUT /api/virtual-switches/:name (change). */
export function useSaveSwitchMutation(
  options?: WriteOptions<AnswerOf<'addVirtualSwitch'>, SaveSwitch>,
) {
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
  const sent = { body, ifMatch: revision };
  const answer =
    previous === null
      ? await api.call('addVirtualNetwork', { ...sent, params: { name: switchName } })
      : await api.call('updateVirtualNetwork', {
          ...sent,
          params: { name: switchName, vnet: previous },
        });
  return answer.data;
}

/** POST …/:switch/networks (add) or PUT …/:switch/networks/:name (change). */
export function useSaveNetworkMutation(
  options?: WriteOptions<AnswerOf<'addVirtualNetwork'>, SaveNetwork>,
) {
  return useWrite(saveNetwork, CONFIGURATION_WRITE, options);
}

/** What the Advanced networking page deletes: a switch (with its networks) or one network. */
export type DeleteTarget =
  | { kind: 'switch'; name: string }
  | { kind: 'network'; switchName: string; name: string };

async function deleteVirtual({ target, revision }: { target: DeleteTarget; revision: number }) {
  if (target.kind === 'switch') {
    // The page has asked first, so `force`: the switch goes with its networks.
    await api.call('removeVirtualSwitch', {
      params: { name: target.name },
      query: { force: 'true' },
      ifMatch: revision,
    });
  } else {
    await api.call('removeVirtualNetwork', {
      params: { name: target.switchName, vnet: target.name },
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
