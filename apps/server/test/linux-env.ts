/**
 * Whether the Linux driver can run here (root with namespace rights, iproute2, ping), and a
 * snapshot of the host's network state (what the driver must never change).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processCanBuildNamespaces } from '../src/driver/linux/capability';

function has(binary: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Null when the Linux driver can run; else why not (printed by the skipping suites). */
export function linuxSkipReason(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (!processCanBuildNamespaces()) return 'not root (CAP_NET_ADMIN and CAP_SYS_ADMIN needed)';
  if (!has('ip')) return 'iproute2 (ip) is not installed';
  if (!has('ping')) return 'ping (iputils-ping) is not installed';
  return null;
}

const SYSCTLS = [
  'net/ipv4/ip_forward',
  'net/ipv4/conf/all/forwarding',
  'net/ipv4/conf/all/rp_filter',
  'net/ipv4/conf/default/rp_filter',
  'net/ipv6/conf/all/forwarding',
  'net/ipv4/conf/all/arp_ignore',
];

/** The host namespace's links, addresses, routes (all tables), nftables rules and sysctls. */
export function hostSnapshot(): Record<string, unknown> {
  const ip = (...args: string[]) =>
    JSON.parse(execFileSync('ip', ['-j', ...args], { encoding: 'utf8' }) || '[]');
  // Counters and timers move on their own; the rest must not.
  const links = (ip('link', 'show') as Record<string, unknown>[]).map(
    ({ ifindex, ifname, flags, mtu, operstate, link_type, address, master }) => ({
      ifindex,
      ifname,
      flags,
      mtu,
      operstate,
      link_type,
      address,
      master,
    }),
  );
  const addrs = (
    ip('addr', 'show') as { ifname: string; addr_info: { local: string; prefixlen: number }[] }[]
  ).map((l) => ({
    ifname: l.ifname,
    addrs: l.addr_info.map((a) => `${a.local}/${a.prefixlen}`).sort(),
  }));
  const routes = [
    ...ip('route', 'show', 'table', 'all'),
    ...ip('-6', 'route', 'show', 'table', 'all'),
  ].map((r: Record<string, unknown>) => ({ ...r, expires: undefined }));
  let nft: string | null = null;
  if (has('nft')) nft = execFileSync('nft', ['list', 'ruleset'], { encoding: 'utf8' });
  const sysctls = Object.fromEntries(
    SYSCTLS.map((k) => {
      try {
        return [k, readFileSync(`/proc/sys/${k}`, 'utf8').trim()];
      } catch {
        return [k, null];
      }
    }),
  );
  return { links, addrs, routes, nft, sysctls };
}

export function namespaces(prefix: string): string[] {
  const text = execFileSync('ip', ['-j', 'netns', 'list'], { encoding: 'utf8' });
  const list = text.trim() ? (JSON.parse(text) as { name: string }[]) : [];
  return list
    .map((n) => n.name)
    .filter((n) => n.startsWith(`${prefix}-`))
    .sort();
}
