/**
 * IPv4 blocks the Linux kernel of the Kubernetes VMs treats specially, whatever the main routing
 * table says (SPEC §2 routes, §3). Parsed once; compared as numbers.
 */
import type { IpPrefix } from './prefix';

function v4(a: number, b: number, c: number, d: number, length: number): IpPrefix {
  return {
    family: 4,
    network: BigInt(((a << 24) | (b << 16) | (c << 8) | d) >>> 0),
    length,
  };
}

/** 127.0.0.0/8, loopback (RFC 1122 §3.2.1.3): the kernel's local table delivers it on `lo`. */
export const LOOPBACK_PREFIX = v4(127, 0, 0, 0, 8);
/** 224.0.0.0/4, multicast (RFC 5771): sent on the link of the matching route, never to a gateway. */
export const MULTICAST_PREFIX = v4(224, 0, 0, 0, 4);
/** 255.255.255.255, the limited broadcast (RFC 919, RFC 8190): sent on the link, no gateway. */
export const LIMITED_BROADCAST_PREFIX = v4(255, 255, 255, 255, 32);
export const LIMITED_BROADCAST = 0xffffffff;

/** Whether a uint32 IPv4 address is multicast (224.0.0.0/4, RFC 5771). */
export function isMulticastIPv4(value: number): boolean {
  return value >>> 28 === 0xe;
}

/** Whether a uint32 IPv4 address is loopback (127.0.0.0/8, RFC 1122). */
export function isLoopbackIPv4(value: number): boolean {
  return value >>> 24 === 127;
}
