/**
 * IP addresses at the edge: text in, numbers out. Everything inside the library works on numbers
 * (IPv4: a uint32 in a JS number; IPv6: a bigint), so no string is parsed in a hot loop.
 * `ip-address` parses and prints IPv6. Dotted-quad IPv4 is read by a small strict scanner instead:
 * validating a device parses every route's prefix and next hop, and constructing an `Address4`
 * per field made 100,000 routes take seconds. The scanner accepts exactly what `Address4.isValid`
 * accepts for a bare address (a property test holds the two together).
 */
import { Address6 } from 'ip-address';
import { NetConfigError } from './errors';

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** IPv4: 0..2^32-1; IPv6: 0..2^128-1. */
  value: bigint;
}

export const IPV4_BITS = 32;
export const IPV6_BITS = 128;

export function familyBits(family: IpFamily): number {
  return family === 4 ? IPV4_BITS : IPV6_BITS;
}

/**
 * Reads a dotted quad (four decimal octets 0–255, no leading zeros, nothing else) to a uint32,
 * or returns -1.
 */
export function scanIPv4(text: string): number {
  if (typeof text !== 'string') return -1;
  const n = text.length;
  if (n < 7 || n > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1; // a leading zero
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

/** Dotted-quad IPv4 only: no prefix, no leading zeros, no surrounding space. */
export function isIPv4(text: string): boolean {
  return scanIPv4(text) !== -1;
}

/** IPv6 without a prefix or a zone index. */
export function isIPv6(text: string): boolean {
  return (
    typeof text === 'string' &&
    !text.includes('/') &&
    !text.includes('%') &&
    text.includes(':') &&
    Address6.isValid(text)
  );
}

export function isIpAddress(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/** Parses an IPv4 address to a uint32. Throws `address.invalid`. */
export function parseIPv4(text: string): number {
  const value = scanIPv4(text);
  if (value === -1) throw new NetConfigError('address.invalid', { value: String(text) });
  return value;
}

export function formatIPv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Parses an IPv4 or IPv6 address. Throws `address.invalid`. */
export function parseIpAddress(text: string): IpAddress {
  const v4 = scanIPv4(text);
  if (v4 !== -1) return { family: 4, value: BigInt(v4) };
  if (isIPv6(text)) return { family: 6, value: new Address6(text).bigInt() };
  throw new NetConfigError('address.invalid', { value: String(text) });
}

/** Canonical text: dotted quad, or RFC 5952 IPv6. */
export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) return formatIPv4(Number(address.value));
  return Address6.fromBigInt(address.value).correctForm();
}

/** `255.255.255.0` → 24. Throws `mask.invalid` (not an address) or `mask.notContiguous`. */
export function maskToPrefixLength(mask: string): number {
  const value = parseIPv4OrThrow(mask, 'mask.invalid');
  const inverted = ~value >>> 0;
  // A contiguous mask inverted is 2^k - 1: adding one leaves a single bit set.
  if ((inverted & (inverted + 1)) !== 0) {
    throw new NetConfigError('mask.notContiguous', { value: mask });
  }
  return 32 - Math.log2(inverted + 1);
}

/** 24 → `255.255.255.0`. */
export function prefixLengthToMask(length: number): string {
  if (!Number.isInteger(length) || length < 0 || length > 32) {
    throw new NetConfigError('prefix.lengthInvalid', { value: String(length), max: 32 });
  }
  return formatIPv4(length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0);
}

function parseIPv4OrThrow(text: string, code: 'mask.invalid'): number {
  const value = scanIPv4(text);
  if (value === -1) throw new NetConfigError(code, { value: String(text) });
  return value;
}

/** Loopback, multicast, unspecified and broadcast addresses (RFC 1122, RFC 5771, RFC 919). */
export function isUnusableHostIPv4(value: number): boolean {
  const first = value >>> 24;
  return (
    value === 0 || // 0.0.0.0, "this host" (RFC 1122 §3.2.1.3)
    first === 127 || // loopback (RFC 1122)
    (first >= 224 && first <= 239) || // multicast (RFC 5771)
    value === 0xffffffff // limited broadcast (RFC 919)
  );
}
