/**
 * The Linux driver's wanted kernel state, derived from the stored configuration (SPEC §10). Pure:
 * no `ip` call here, so the shape can be reasoned about (and tested) without root.
 *
 * Namespaces, all named `<prefix>-<role>` with a prefix unique to the data directory:
 * - `dev`: the device. Bridges `int` (the internal switch) and `vswitch-PortN` (the external
 *   switch, while compute is on PortN); one veth per cabled port (`PortN`, the port's wire) whose
 *   other end is `eth0` of the port network; the device's own port address sits on `PortN`, or on
 *   the bridge once the port carries the external switch (as Hyper-V moves it to a host vNIC).
 * - `nat`: the internal switch's NAT/uplink, holding the internal gateway; its default route is
 *   `unreachable` (no real Internet: a packet to nowhere gets the kernel's ICMP "Destination Host
 *   Unreachable" from the gateway).
 * - `PortN`: a cabled port's network, holding the hosts the configuration names on it (gateway,
 *   DNS servers, route next hops) and, for each custom route via one of them, the destination
 *   prefix as `local` (so any address "behind" the next hop answers a ping).
 * - `master`, `worker1`…: the Kubernetes VMs, `eth0` on the internal switch, `eth1` on the external
 *   switch, the default route via the NAT and the active custom routes.
 * Interface names live inside these namespaces, so only namespace names need the prefix.
 */
import {
  type DeviceConfig,
  externalSwitchName,
  INTERNAL_SWITCH_CIDR,
  INTERNAL_SWITCH_GATEWAY,
  kubernetesVms,
  parseIpAddress,
  parsePrefix,
  portSubnet,
  prefixContains,
  prefixesOverlap,
} from '@edgenet/network-config';
import { kernelDst, vmInnerLinks, vmTableRoutes } from './vm-table';

export { prefixOfKernelDst } from './vm-table';

export type LinkKind = 'bridge' | 'veth';

export interface LinkWant {
  name: string;
  kind: LinkKind;
  master: string | null;
  /** Addresses as `a.b.c.d/len`. */
  addrs: string[];
  /** For the end of a veth pair this namespace creates: the other end. */
  peer?: { ns: string; name: string };
}

export interface RouteWant {
  /** As `ip -j route` prints `type` (unicast omitted). */
  type: 'unicast' | 'local' | 'unreachable' | 'blackhole';
  /** As `ip -j route` prints it: `default`, `a.b.c.d/len`, or a bare address for a /32. */
  dst: string;
  gateway: string | null;
  dev: string | null;
  metric: number;
  protocol: 'static' | 'boot';
}

export interface NamespaceWant {
  name: string;
  role: 'device' | 'nat' | 'port' | 'vm';
  /** The VM's name (master, worker1…) or the port's (Port3). */
  label: string;
  links: LinkWant[];
  routes: RouteWant[];
  /** Written once when the namespace is created (inside it; never the host's). */
  sysctls: [string, string][];
}

/** How much of the cluster stands: the external switch and which VMs. */
export interface Stage {
  externalSwitch: boolean;
  vms: string[];
}

export const NO_CLUSTER: Stage = { externalSwitch: false, vms: [] };

/** The VM NICs (doc: one on each virtual switch) and their names in the VM. */
export const VM_NIC = { internal: 'eth0', external: 'eth1' } as const;

const INTERNAL_LENGTH = parsePrefix(INTERNAL_SWITCH_CIDR).length;

export function routeKey(r: {
  type?: string;
  dst: string;
  gateway?: string | null;
  dev?: string | null;
  metric?: number;
}): string {
  return `${r.type ?? 'unicast'}|${r.dst}|${r.gateway ?? ''}|${r.dev ?? ''}|${r.metric ?? 0}`;
}

function isIPv4(text: string): boolean {
  return !text.includes(':');
}

/** The cabled ports (the driver reports links; only these have a network behind them). */
export type LinkOf = (portName: string) => boolean;

/**
 * The kernel state wanted for `device` with `stage` of the cluster built. `device` should be the
 * observed document (DHCP ports carry their lease).
 */
export function wantedTopology(
  prefix: string,
  device: DeviceConfig,
  stage: Stage,
  cabled: LinkOf,
): NamespaceWant[] {
  const ns = (label: string) => `${prefix}-${label}`;
  const computePort = device.compute.computePort;
  const vswitch = computePort && stage.externalSwitch ? externalSwitchName(computePort) : null;
  const devLinks: LinkWant[] = [{ name: 'int', kind: 'bridge', master: null, addrs: [] }];
  const out: NamespaceWant[] = [];

  devLinks.push({
    name: 'nat',
    kind: 'veth',
    master: 'int',
    addrs: [],
    peer: { ns: ns('nat'), name: 'eth0' },
  });
  out.push({
    name: ns('nat'),
    role: 'nat',
    label: 'nat',
    links: [
      {
        name: 'eth0',
        kind: 'veth',
        master: null,
        addrs: [`${INTERNAL_SWITCH_GATEWAY}/${INTERNAL_LENGTH}`],
      },
    ],
    routes: [
      {
        type: 'unreachable',
        dst: 'default',
        gateway: null,
        dev: null,
        metric: 0,
        protocol: 'boot',
      },
    ],
    // Forwards (so a packet to nowhere gets the kernel's ICMP answer) and answers every probe:
    // the default ICMP rate limit (1 s) would swallow the TTL walk's answers after a ping.
    sysctls: [
      ['net.ipv4.ip_forward', '1'],
      ['net.ipv4.icmp_ratelimit', '0'],
    ],
  });

  if (vswitch) {
    const port = device.ports.find((p) => p.name === computePort);
    const subnet = port ? portSubnet(port) : null;
    devLinks.push({
      name: vswitch,
      kind: 'bridge',
      master: null,
      addrs: subnet && port?.address ? [`${port.address}/${subnet.prefix.length}`] : [],
    });
  }

  for (const port of device.ports) {
    if (!cabled(port.name)) continue;
    const subnet = portSubnet(port);
    const bridged = vswitch !== null && port.name === computePort;
    devLinks.push({
      name: port.name,
      kind: 'veth',
      master: bridged ? vswitch : null,
      addrs: subnet && port.address && !bridged ? [`${port.address}/${subnet.prefix.length}`] : [],
      peer: { ns: ns(port.name), name: 'eth0' },
    });
    const hosts = new Set<string>();
    const routes: RouteWant[] = [];
    if (subnet) {
      const inSubnet = (text: string | null) => {
        if (!text || !isIPv4(text)) return false;
        try {
          const address = parseIpAddress(text);
          return prefixContains(subnet.prefix, address) && text !== port.address;
        } catch {
          return false;
        }
      };
      if (inSubnet(port.gateway)) hosts.add(port.gateway as string);
      for (const dns of port.dns) if (inSubnet(dns)) hosts.add(dns);
      const behind = new Set<string>();
      for (const route of device.routes) {
        if (route.interfaceAlias !== port.name || !isIPv4(route.destinationPrefix)) continue;
        if (!inSubnet(route.nextHop)) continue;
        hosts.add(route.nextHop);
        const destination = parsePrefix(route.destinationPrefix);
        // The connected subnet is the hosts' own network; the whole Internet would swallow it.
        if (destination.length === 0 || prefixesOverlap(destination, subnet.prefix)) continue;
        behind.add(kernelDst(route.destinationPrefix));
      }
      for (const dst of [...behind].sort()) {
        routes.push({
          type: 'local',
          dst,
          gateway: null,
          dev: 'lo',
          metric: 0,
          protocol: 'static',
        });
      }
    }
    out.push({
      name: ns(port.name),
      role: 'port',
      label: port.name,
      links: [
        {
          name: 'eth0',
          kind: 'veth',
          master: null,
          addrs: [...hosts].sort().map((h) => `${h}/${subnet?.prefix.length ?? 32}`),
        },
      ],
      routes,
      sysctls: [],
    });
  }

  const computeSubnet = (() => {
    const port = computePort ? device.ports.find((p) => p.name === computePort) : undefined;
    return port ? portSubnet(port) : null;
  })();
  const vms = kubernetesVms(device).filter((vm) => stage.vms.includes(vm.name));
  for (const vm of vms) {
    devLinks.push({
      name: `${vm.name}-i`,
      kind: 'veth',
      master: 'int',
      addrs: [],
      peer: { ns: ns(vm.name), name: VM_NIC.internal },
    });
    if (vswitch) {
      devLinks.push({
        name: `${vm.name}-e`,
        kind: 'veth',
        master: vswitch,
        addrs: [],
        peer: { ns: ns(vm.name), name: VM_NIC.external },
      });
    }
    // The VM's whole table as the core models it (pod blocks, the pod CIDR's blackhole, the
    // service network, the default route, the active custom routes); what needs the external
    // switch waits for it.
    const routes = vmTableRoutes(device, vm.name, { external: vswitch !== null });
    const links: LinkWant[] = [
      {
        name: VM_NIC.internal,
        kind: 'veth',
        master: null,
        addrs: [`${vm.internalIp}/${INTERNAL_LENGTH}`],
      },
    ];
    if (vswitch) {
      links.push({
        name: VM_NIC.external,
        kind: 'veth',
        master: null,
        addrs:
          vm.externalIp && computeSubnet ? [`${vm.externalIp}/${computeSubnet.prefix.length}`] : [],
      });
    }
    links.push(...vmInnerLinks(ns(vm.name)));
    out.push({ name: ns(vm.name), role: 'vm', label: vm.name, links, routes, sysctls: [] });
  }

  out.unshift({
    name: ns('dev'),
    role: 'device',
    label: 'dev',
    links: devLinks,
    routes: [],
    sysctls: [],
  });
  return out;
}

/** The kernel's `ip route add|del` words for a wanted route. */
export function routeArgs(r: RouteWant): string[] {
  const args: string[] = [];
  if (r.type !== 'unicast') args.push(r.type);
  args.push(r.dst);
  if (r.gateway) args.push('via', r.gateway);
  if (r.dev) args.push('dev', r.dev);
  if (r.metric) args.push('metric', String(r.metric));
  if (r.type === 'unicast' && !r.gateway) args.push('scope', 'link');
  // A `local` route goes to the local table unless told; ours live in main, where we read them.
  if (r.type === 'local') args.push('table', 'main');
  return args;
}
