/**
 * A Kubernetes VM's routing table in a network namespace, and back (SPEC §3, §10): the one place
 * that turns the core's effective table into kernel routes and reads the kernel's tables back in
 * the core's terms. The Linux driver installs every VM with it; the kernel differential test
 * (apps/server/test/kernel-differential.test.ts) installs its random tables with it too.
 *
 * The VM's interfaces: `eth0` (internal switch), `eth1` (external switch), `cali0` (its pods:
 * Calico's cali* interfaces, one stands for all) and `svc0` (the service network, which kube-proxy
 * takes over with iptables/IPVS on a real VM; here a routed interface, so the kernel's lookup
 * names it as the core's service entry does). `cali0` and `svc0` are veth pairs whose peer stays in
 * the namespace (`cali0p`, `svc0p`): up, with a carrier, going nowhere.
 */
import {
  canonicalPrefix,
  type DeviceConfig,
  type EffectiveRoute,
  effectiveRoutes,
  type Nic,
} from '@edgenet/network-config';
import type { LinkWant, RouteWant } from './topology';

/** The VM's interface for each of the core's NICs. */
export const NIC_DEV: Record<Nic, string> = {
  internal: 'eth0',
  external: 'eth1',
  pod: 'cali0',
  service: 'svc0',
  loopback: 'lo',
};

const DEV_NIC = new Map(Object.entries(NIC_DEV).map(([nic, dev]) => [dev, nic as Nic]));

/** The core's NIC of a VM interface (null: not one of the VM's). */
export function nicOfDev(dev: string | null | undefined): Nic | null {
  return dev ? (DEV_NIC.get(dev) ?? null) : null;
}

/**
 * The NIC of a blackhole entry: the kernel's has no interface; the core's one blackhole is the pod
 * CIDR, filed under the pods' NIC.
 */
export const BLACKHOLE_NIC: Nic = 'pod';

/** The pods' and the services' interfaces of a VM namespace `ns`: veth pairs kept inside it. */
export function vmInnerLinks(ns: string): LinkWant[] {
  const out: LinkWant[] = [];
  for (const name of [NIC_DEV.pod, NIC_DEV.service]) {
    out.push({ name, kind: 'veth', master: null, addrs: [], peer: { ns, name: `${name}p` } });
    out.push({ name: `${name}p`, kind: 'veth', master: null, addrs: [] });
  }
  return out;
}

/** `ip -batch` lines that create `links` (all new) in their namespace, addresses set and up. */
export function createLinkLines(links: readonly LinkWant[]): string[] {
  const lines: string[] = [];
  for (const link of links) {
    if (link.kind === 'bridge') lines.push(`link add ${link.name} type bridge`);
    else if (link.peer)
      lines.push(
        `link add ${link.name} type veth peer name ${link.peer.name} netns ${link.peer.ns}`,
      );
  }
  for (const link of links) {
    if (link.master) lines.push(`link set ${link.name} master ${link.master}`);
    for (const addr of link.addrs) lines.push(`addr add ${addr} dev ${link.name}`);
    lines.push(`link set ${link.name} up`);
  }
  return lines;
}

/** The way `ip` prints a destination: `default`, a bare address for a host route, else a prefix. */
export function kernelDst(prefix: string): string {
  const canonical = canonicalPrefix(prefix);
  if (canonical === '0.0.0.0/0') return 'default';
  return canonical.endsWith('/32') ? canonical.slice(0, -3) : canonical;
}

/** The inverse of kernelDst, to the core's canonical form. */
export function prefixOfKernelDst(dst: string): string {
  if (dst === 'default') return '0.0.0.0/0';
  return dst.includes('/') ? dst : `${dst}/32`;
}

/**
 * The routes to add to the VM's main table: the core's effective table for `vm` without its
 * connected and local entries, which the kernel makes itself from the addresses (as on the VM).
 * `external: false` leaves out what needs `eth1` (the external switch is not built yet).
 */
export function vmTableRoutes(
  device: DeviceConfig,
  vm: string,
  options: { external?: boolean } = {},
): RouteWant[] {
  const out: RouteWant[] = [];
  for (const r of effectiveRoutes(device, device.routes, vm)) {
    if (r.origin === 'connected' || r.origin === 'local') continue;
    if (!r.destinationPrefix.includes('.')) continue; // IPv6 routes: the VMs are IPv4 only
    if (options.external === false && r.nic === 'external') continue;
    const protocol = r.origin === 'custom' ? 'static' : 'boot';
    if (r.type === 'blackhole') {
      out.push({
        type: 'blackhole',
        dst: kernelDst(r.destinationPrefix),
        gateway: null,
        dev: null,
        metric: r.routeMetric,
        protocol,
      });
      continue;
    }
    out.push({
      type: 'unicast',
      dst: kernelDst(r.destinationPrefix),
      gateway: r.nextHop === '0.0.0.0' ? null : r.nextHop,
      dev: NIC_DEV[r.nic],
      metric: r.routeMetric,
      protocol,
    });
  }
  return out;
}

/** A route as `ip -j route show` prints it. */
export interface KernelRouteJson {
  type?: string;
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  metric?: number;
  table?: string;
  prefsrc?: string;
}

/**
 * The loopback address's own entry (`local 127.0.0.1 dev lo`), which the kernel adds beside
 * `local 127.0.0.0/8`: the core names the /8 only (the /32 changes no answer), so the kernel's
 * view folds it into the /8 too.
 */
export function foldLoopback(prefix: string): string {
  return prefix === '127.0.0.1/32' ? '127.0.0.0/8' : prefix;
}

function modelKey(r: Pick<EffectiveRoute, 'destinationPrefix' | 'type' | 'nextHop' | 'nic'>) {
  return `${canonicalPrefix(r.destinationPrefix)}|${r.type}|${r.nextHop}|${r.nic}`;
}

/**
 * The VM's table as its kernel holds it (`main`: `ip -j route show table main`, `local`: `table
 * local`), in the core's terms and the core's order; kernel entries the core does not know come
 * last. Types map one to one (a local entry is delivered on `lo`: the loopback NIC); the origin
 * and the interface alias are the core's for the same entry, else guessed from the kernel's words
 * (`proto kernel`: connected).
 */
export function effectiveFromKernel(
  device: DeviceConfig,
  vm: string,
  main: readonly KernelRouteJson[],
  local: readonly KernelRouteJson[],
): EffectiveRoute[] {
  const model = effectiveRoutes(device, device.routes, vm);
  const byKey = new Map(model.map((r, i) => [modelKey(r), { route: r, index: i }]));
  const out: { route: EffectiveRoute; rank: number }[] = [];
  const seen = new Set<string>();
  const add = (r: KernelRouteJson, fromLocal: boolean) => {
    const kernelType = r.type ?? 'unicast';
    if (
      kernelType !== 'unicast' &&
      kernelType !== 'local' &&
      kernelType !== 'broadcast' &&
      kernelType !== 'blackhole'
    )
      return;
    const type: EffectiveRoute['type'] = kernelType;
    const nic: Nic | null =
      type === 'local' ? 'loopback' : type === 'blackhole' ? BLACKHOLE_NIC : nicOfDev(r.dev);
    if (!nic) return;
    const destinationPrefix = foldLoopback(prefixOfKernelDst(r.dst));
    const nextHop = r.gateway ?? '0.0.0.0';
    const key = modelKey({ destinationPrefix, type, nextHop, nic });
    if (seen.has(key)) return;
    seen.add(key);
    const known = byKey.get(key);
    const metric = r.metric ?? 0;
    if (known && known.route.routeMetric === metric) {
      out.push({ route: { ...known.route }, rank: known.index });
      return;
    }
    const origin: EffectiveRoute['origin'] = fromLocal
      ? 'local'
      : r.protocol === 'kernel'
        ? 'connected'
        : 'custom';
    out.push({
      route: {
        destinationPrefix,
        nextHop,
        nic,
        routeMetric: metric,
        origin,
        interfaceAlias: nic === 'external' ? device.compute.computePort : null,
        type,
      },
      rank: Number.MAX_SAFE_INTEGER,
    });
  };
  for (const r of main) add(r, false);
  for (const r of local) add(r, true);
  return out.sort((a, b) => a.rank - b.rank).map((o) => o.route);
}
