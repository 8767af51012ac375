import { addressSortKey, tryParsePrefix } from '@edgenet/network-config';
import type { VirtualColumn } from '../../components/VirtualTable';

/** `192.168.20.0/24` → ['192.168.20.0', '24'], via the core's parser (a bare address is /32 or /128). */
export function splitDestinationText(prefix: string): [string, string] {
  const slash = prefix.indexOf('/');
  const address = slash === -1 ? prefix : prefix.slice(0, slash);
  const parsed = tryParsePrefix(prefix);
  if (parsed) return [address, String(parsed.length)];
  return [address, slash === -1 ? '' : prefix.slice(slash + 1)];
}

/** The destination and prefix-length columns every route table starts with. */
export function destinationColumns<T extends { destinationPrefix: string }>(
  t: (key: 'routes.destination' | 'routes.prefixLength') => string,
): VirtualColumn<T>[] {
  return [
    {
      id: 'destination',
      header: t('routes.destination'),
      // Room for 255.255.255.255 whole: an address is never broken.
      width: 'minmax(9rem, 1.3fr)',
      cell: (r) => splitDestinationText(r.destinationPrefix)[0],
      sortKey: (r) => addressSortKey(r.destinationPrefix),
    },
    {
      id: 'length',
      header: t('routes.prefixLength'),
      width: 'minmax(4rem, 0.6fr)',
      cell: (r) => splitDestinationText(r.destinationPrefix)[1],
      sortKey: (r) => tryParsePrefix(r.destinationPrefix)?.length ?? -1,
    },
  ];
}
