import type { Nic } from '@edgenet/network-config';
import type { MessageKey } from '../../lib/messages/en';

/** The label of each NIC a route can use (the core's `Nic`). */
export const NIC_LABEL: Record<Nic, MessageKey> = {
  external: 'routes.nicExternal',
  internal: 'routes.nicInternal',
  pod: 'routes.nic.pod',
  service: 'routes.nic.service',
  loopback: 'routes.nic.loopback',
};
