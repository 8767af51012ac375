/**
 * Whether this process may build network namespaces: CAP_NET_ADMIN (bit 12) and CAP_SYS_ADMIN
 * (bit 21, `ip netns add` mounts) in the effective set, as /proc/self/status reports them.
 */
import { readFileSync } from 'node:fs';

const CAP_NET_ADMIN = 12n;
const CAP_SYS_ADMIN = 21n;

/** Reads `CapEff:` from a /proc/<pid>/status text; false when absent or unreadable. */
export function capableOfNamespaces(statusText: string): boolean {
  const match = /^CapEff:\s*([0-9a-f]+)$/im.exec(statusText);
  if (!match?.[1]) return false;
  const mask = BigInt(`0x${match[1]}`);
  return ((mask >> CAP_NET_ADMIN) & 1n) === 1n && ((mask >> CAP_SYS_ADMIN) & 1n) === 1n;
}

export function processCanBuildNamespaces(): boolean {
  try {
    return capableOfNamespaces(readFileSync('/proc/self/status', 'utf8'));
  } catch {
    return false;
  }
}
