/**
 * The `Host` allow-list (issue 10, hole 3: DNS rebinding). A page on `evil.example` whose name
 * the attacker re-points at the device's address reaches the console with `Host: evil.example`;
 * answering only the names the device really has closes that door. Allowed (ours):
 * - `localhost` and `*.localhost` (RFC 6761: always loopback);
 * - loopback addresses (127.0.0.0/8, ::1);
 * - the addresses of this machine's interfaces and of the device's ports;
 * - the names listed in `EDGENET_ALLOWED_HOSTS` (a DNS name for the device, a proxy's name).
 * Anything else is refused with 421 before any route runs, static pages included.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** The host name of a `Host` header (`[::1]:8080` → `::1`, `Example.COM.:80` → `example.com`). */
export function hostnameOf(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) {
    const close = name.indexOf(']');
    name = close > 0 ? name.slice(1, close) : name;
  } else {
    const colon = name.indexOf(':');
    if (colon >= 0 && name.indexOf(':', colon + 1) < 0) name = name.slice(0, colon);
  }
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function isLoopback(name: string): boolean {
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6)
    return name === '::1' || name === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(name);
  return false;
}

/** The addresses of this machine's network interfaces, read once (IPv6 without zone). */
function machineAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) out.add(info.address.split('%')[0]?.toLowerCase() ?? '');
  }
  return out;
}

/** `Host` values whose answer is kept (the same few arrive on every request); then it starts over. */
const MAX_REMEMBERED = 256;

export class HostAllowList {
  private readonly names: Set<string>;
  /** Read on the first request that needs them, not at start-up (ADR 0044). */
  private machineSet: Set<string> | undefined;
  /**
   * Answers by `Host` header that do not depend on the configuration: everything but a match
   * among the device's port addresses, which change with it and are checked on every request.
   */
  private readonly remembered = new Map<string, boolean>();

  constructor(
    allowedHosts: readonly string[],
    /** The device's own port addresses now (they change with its configuration). */
    private readonly deviceAddresses: () => Iterable<string | null>,
  ) {
    this.names = new Set(allowedHosts.map((h) => hostnameOf(h)).filter((h) => h !== ''));
  }

  allows(host: string | undefined): boolean {
    if (!host) return false;
    const known = this.remembered.get(host);
    if (known === true) return true;
    const name = hostnameOf(host);
    if (known === undefined) {
      const fixed = this.fixedAnswer(name);
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(host, fixed);
      if (fixed) return true;
    }
    if (isIP(name) !== 0) {
      for (const address of this.deviceAddresses()) if (address === name) return true;
    }
    return false;
  }

  /** Allowed whatever the configuration says (false: only a device address can allow it). */
  private fixedAnswer(name: string): boolean {
    if (name === 'localhost' || name.endsWith('.localhost')) return true;
    this.machineSet ??= machineAddresses();
    return this.names.has(name) || isLoopback(name) || this.machineSet.has(name);
  }
}

/** `EDGENET_ALLOWED_HOSTS`: names separated by commas or spaces. */
export function parseAllowedHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter((h) => h !== '');
}
