/**
 * An interface's address as text, the way `ip address` and the device's tables show it:
 * `192.168.20.10/24` from an address and its subnet mask. One function for every screen and
 * cmdlet that prints it, so they cannot drift apart.
 */
import { maskToPrefixLength } from './address';

/**
 * `192.168.20.10` + `255.255.255.0` → `192.168.20.10/24`. Without a mask, or with one that is not
 * a contiguous dotted-quad mask (the validators report that), the bare address: a table cell
 * shows what is stored rather than nothing.
 */
export function formatInterfaceAddress(address: string, subnetMask: string | null): string {
  if (!subnetMask) return address;
  try {
    return `${address}/${maskToPrefixLength(subnetMask)}`;
  } catch {
    return address;
  }
}
