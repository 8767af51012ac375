import { tryParsePrefix } from '@edgenet/network-config';

/** `192.168.20.0/24` → ['192.168.20.0', '24'], via the core's parser (a bare address is /32 or /128). */
export function splitDestinationText(prefix: string): [string, string] {
  const slash = prefix.indexOf('/');
  const address = slash === -1 ? prefix : prefix.slice(0, slash);
  const parsed = tryParsePrefix(prefix);
  if (parsed) return [address, String(parsed.length)];
  return [address, slash === -1 ? '' : prefix.slice(slash + 1)];
}
