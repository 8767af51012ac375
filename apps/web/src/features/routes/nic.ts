import type { EffectiveRoute, Nic } from '@edgenet/network-config';
import type { MessageKey } from '../../lib/messages/en';

/** The label of each NIC a route can use (the core's `Nic`). */
export const NIC_LABEL: Record<Nic, MessageKey> = {
  external: 'routes.nicExternal',
  internal: 'routes.nicInternal',
  pod: 'routes.nic.pod',
  service: 'routes.nic.service',
  loopback: 'routes.nic.loopback',
};

/** A route's next hop as the tables show it: its kind when not unicast, On-link, or the address. */
export function nextHopText(
  route: Pick<EffectiveRoute, 'nextHop' | 'type'>,
  t: (key: MessageKey) => string,
): string {
  if (route.type !== 'unicast') return t(`routes.type.${route.type}`);
  return route.nextHop === '0.0.0.0' ? t('routes.onLink') : route.nextHop;
}
