/**
 * IP prefixes (`a.b.c.d/len`, `2001:db8::/32`). A bare address is a host route (/32 or /128).
 * A prefix with host bits set is refused with the canonical prefix as the suggested fix.
 */

import {
  familyBits,
  formatIpAddress,
  type IpAddress,
  type IpFamily,
  maskToPrefixLength,
  parseIpAddress,
} from './address';
import { NetConfigError } from './errors';

export interface IpPrefix {
  family: IpFamily;
  /** The network address (host bits cleared). */
  network: bigint;
  length: number;
}

function hostMask(family: IpFamily, length: number): bigint {
  return (1n << BigInt(familyBits(family) - length)) - 1n;
}

export function prefixFirst(prefix: IpPrefix): bigint {
  return prefix.network;
}

export function prefixLast(prefix: IpPrefix): bigint {
  return prefix.network | hostMask(prefix.family, prefix.length);
}

export function prefixSize(prefix: IpPrefix): bigint {
  return hostMask(prefix.family, prefix.length) + 1n;
}

/** Clears the host bits of an address: the prefix it belongs to at `length`. */
export function prefixOf(address: IpAddress, length: number): IpPrefix {
  return {
    family: address.family,
    network: address.value & ~hostMask(address.family, length),
    length,
  };
}

export interface ParsePrefixOptions {
  /** Accept a bare address as a host prefix (/32, /128). Default true. */
  allowBareAddress?: boolean;
}

/**
 * Parses `a.b.c.d/len` or a bare address. Throws `prefix.invalid`, `prefix.lengthInvalid` or
 * `prefix.hostBits` (with `canonical`, the prefix the user most likely meant).
 */
export function parsePrefix(text: string, options: ParsePrefixOptions = {}): IpPrefix {
  if (typeof text !== 'string') throw new NetConfigError('prefix.invalid', { value: String(text) });
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  let address: IpAddress;
  try {
    address = parseIpAddress(addressText);
  } catch {
    throw new NetConfigError('prefix.invalid', { value: text });
  }
  const max = familyBits(address.family);
  let length = max;
  if (slash === -1) {
    if (options.allowBareAddress === false)
      throw new NetConfigError('prefix.invalid', { value: text });
  } else {
    const lengthText = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(lengthText) || Number(lengthText) > max) {
      throw new NetConfigError('prefix.lengthInvalid', { value: text, max });
    }
    length = Number(lengthText);
  }
  const prefix = prefixOf(address, length);
  if (prefix.network !== address.value) {
    throw new NetConfigError('prefix.hostBits', { value: text, canonical: formatPrefix(prefix) });
  }
  return prefix;
}

/** Like parsePrefix, but returns null instead of throwing. */
export function tryParsePrefix(text: string): IpPrefix | null {
  try {
    return parsePrefix(text);
  } catch {
    return null;
  }
}

export function formatPrefix(prefix: IpPrefix): string {
  return `${formatIpAddress({ family: prefix.family, value: prefix.network })}/${prefix.length}`;
}

/** The canonical text of a prefix the user typed (a bare address gains /32 or /128). */
export function canonicalPrefix(text: string): string {
  return formatPrefix(parsePrefix(text));
}

export function prefixContains(prefix: IpPrefix, address: IpAddress): boolean {
  return (
    prefix.family === address.family &&
    (address.value & ~hostMask(prefix.family, prefix.length)) === prefix.network
  );
}

/** `outer` contains every address of `inner` (equal prefixes contain each other). */
export function prefixContainsPrefix(outer: IpPrefix, inner: IpPrefix): boolean {
  return (
    outer.family === inner.family &&
    outer.length <= inner.length &&
    (inner.network & ~hostMask(outer.family, outer.length)) === outer.network
  );
}

export function prefixesOverlap(a: IpPrefix, b: IpPrefix): boolean {
  return prefixContainsPrefix(a, b) || prefixContainsPrefix(b, a);
}

export function prefixesEqual(a: IpPrefix, b: IpPrefix): boolean {
  return a.family === b.family && a.length === b.length && a.network === b.network;
}

/** The IPv4 subnet of an address and a dotted mask (`192.168.20.10`, `255.255.255.0`). */
export function subnetOf(address: string, subnetMask: string): IpPrefix {
  const parsed = parseIpAddress(address);
  if (parsed.family !== 4) throw new NetConfigError('address.notIPv4', { value: address });
  return prefixOf(parsed, maskToPrefixLength(subnetMask));
}
