/**
 * The Kubernetes VMs of the compute network (doc: one master VM plus one worker VM per node, each
 * with a NIC on the internal and one on the external virtual switch) and their effective route
 * tables (SPEC §3).
 */
import { formatIPv4, parseIPv4, parseIpAddress } from './address';
import { NetConfigError } from './errors';
import { formatIssue } from './issues';
import {
  type DeviceConfig,
  findPortCaseInsensitive,
  INTERNAL_SWITCH_CIDR,
  INTERNAL_SWITCH_GATEWAY,
  type RouteConfig,
} from './model';
import { portSubnet } from './port-config';
import { formatPrefix, type IpPrefix, parsePrefix, prefixLast } from './prefix';
import {
  CONNECTED_ROUTE_METRIC,
  clusterPrefixes,
  INTERNAL_SWITCH_PREFIX,
  isOnLink,
  routeStatus,
} from './route-config';
import { type MatchOutcome, RouteTable } from './route-table';
import { isMulticastIPv4, LIMITED_BROADCAST, LOOPBACK_PREFIX } from './special-prefixes';

export type VmRole = 'master' | 'worker';

export interface VmInfo {
  name: string;
  role: VmRole;
  /** The VM's address on the external switch (from the node IP range), or null without one. */
  externalIp: string | null;
  internalIp: string;
}

/** (ours) VMs take .10, .11, … on the internal switch. */
const INTERNAL_HOST_OFFSET = 10;
/**
 * (ours) The default route via the internal NAT switch has a metric above every custom metric, so
 * a custom 0.0.0.0/0 always takes the VMs' internet path over (which is why it warns).
 */
export const SYSTEM_DEFAULT_ROUTE_METRIC = 65536;

/** The first VM's address on the internal switch, parsed once. */
const INTERNAL_FIRST_HOST =
  Number(parsePrefix(INTERNAL_SWITCH_CIDR).network) + INTERNAL_HOST_OFFSET;

function vmName(index: number): string {
  return index === 0 ? 'master' : `worker${index}`;
}

/** Whether the cluster has a VM of this name (without building the VMs' addresses). */
function hasVm(device: Pick<DeviceConfig, 'nodeCount'>, vm: string): boolean {
  for (let i = 0; i <= device.nodeCount; i++) if (vmName(i) === vm) return true;
  return false;
}

/** master, worker1, worker2…: the master takes the first node IP, workers the next (ours). */
export function kubernetesVms(device: Pick<DeviceConfig, 'nodeCount' | 'compute'>): VmInfo[] {
  let start: number | null = null;
  const range = device.compute.nodeIpRange;
  if (device.compute.computePort && range) {
    try {
      start = parseIPv4(range.start);
    } catch {
      start = null;
    }
  }
  const internalBase = INTERNAL_FIRST_HOST;
  const vms: VmInfo[] = [];
  for (let i = 0; i <= device.nodeCount; i++) {
    vms.push({
      name: vmName(i),
      role: i === 0 ? 'master' : 'worker',
      externalIp: start === null ? null : formatIPv4(start + i),
      internalIp: formatIPv4(internalBase + i),
    });
  }
  return vms;
}

/**
 * Where a route sends packets: `external` and `internal` are the VM's two NICs, `pod` the Calico
 * `cali*` interfaces of the VM's own pods, `service` kube-proxy (iptables/IPVS), `loopback` `lo`.
 */
export type Nic = 'external' | 'internal' | 'pod' | 'service' | 'loopback';
/** The kernel's route types (rtm_type) an effective table uses. */
export type RouteType = 'unicast' | 'local' | 'broadcast' | 'blackhole';
/** How a lookup delivers a packet: a route's type, or multicast (sent on the link). */
export type DeliveryType = RouteType | 'multicast';
export type RouteOrigin = 'connected' | 'default' | 'custom' | 'local' | 'pod' | 'service';

export interface EffectiveRoute {
  destinationPrefix: string;
  nextHop: string;
  nic: Nic;
  routeMetric: number;
  origin: RouteOrigin;
  interfaceAlias: string | null;
  type: RouteType;
}

interface TableEntry {
  /** The route as answers show it: one frozen object per table, shared by every answer. */
  route: Readonly<EffectiveRoute>;
  prefix: IpPrefix;
  metric: number;
  /** The next hop is on-link (0.0.0.0 or ::): the packet goes to the destination itself. */
  onLink: boolean;
}

function entry(route: EffectiveRoute): TableEntry {
  return {
    route: Object.freeze({ ...route }),
    prefix: parsePrefix(route.destinationPrefix),
    metric: route.routeMetric,
    onLink: isOnLink(parseIpAddress(route.nextHop)),
  };
}

/** Calico's default IPAM block size (doc: blockSize 26): each node's pods get a /26. */
export const CALICO_BLOCK_LENGTH = 26;

/**
 * The pod CIDR's block of each VM (ours: Calico hands out free blocks of the pool as nodes ask;
 * the simulation gives the i-th VM the i-th block). Empty when the pod CIDR is not valid IPv4.
 */
export function podBlocks(
  device: Pick<DeviceConfig, 'nodeCount' | 'compute'>,
): { vm: string; block: string }[] {
  const pod = clusterPrefixes(device).pod;
  if (pod?.family !== 4) return [];
  const length = Math.max(CALICO_BLOCK_LENGTH, pod.length);
  const size = 2 ** (32 - length);
  const count = 2 ** (length - pod.length);
  const out: { vm: string; block: string }[] = [];
  for (let i = 0; i <= device.nodeCount && i < count; i++) {
    out.push({
      vm: vmName(i),
      block: `${formatIPv4(Number(pod.network) + i * size)}/${length}`,
    });
  }
  return out;
}

/**
 * A VM's whole table, as its Linux kernel holds it (SPEC §3, §9).
 * Main table: the compute subnet on the external NIC and the internal switch subnet on the internal
 * NIC (connected, metric 0), the default route via the internal NAT switch; the pod network as
 * Calico installs it — the VM's own /26 block on its `cali*` interfaces, every other node's block
 * via that node's IP —, and the pod CIDR as a whole as a blackhole (ours: Calico routes only the
 * blocks nodes hold; naming the rest says "no pod has this address" instead of pointing at the
 * internet path, where it would be lost too); the service CIDR, which kube-proxy handles on the
 * VM (iptables/IPVS), as one named entry; and the active custom routes.
 * Local table: 127.0.0.0/8 and the VM's own addresses (local), and its subnets' broadcast
 * addresses (broadcast) — the kernel answers these before any route of the main table.
 */
export function effectiveRoutes(
  device: DeviceConfig,
  routes: readonly RouteConfig[] = device.routes,
  vm = 'master',
): EffectiveRoute[] {
  const out: EffectiveRoute[] = [];
  const vms = kubernetesVms(device);
  const self = vms.find((v) => v.name === vm) ?? (vms[0] as VmInfo);
  const computePort = device.compute.computePort
    ? findPortCaseInsensitive(device, device.compute.computePort)
    : undefined;
  const subnet = computePort ? portSubnet(computePort) : null;
  const route = (
    destinationPrefix: string,
    nextHop: string,
    nic: Nic,
    origin: RouteOrigin,
    type: RouteType = 'unicast',
    routeMetric = CONNECTED_ROUTE_METRIC,
    interfaceAlias: string | null = null,
  ) => out.push({ destinationPrefix, nextHop, nic, routeMetric, origin, interfaceAlias, type });

  if (subnet && computePort) {
    route(
      formatPrefix(subnet.prefix),
      '0.0.0.0',
      'external',
      'connected',
      'unicast',
      0,
      computePort.name,
    );
  }
  route(INTERNAL_SWITCH_CIDR, '0.0.0.0', 'internal', 'connected');
  route(
    '0.0.0.0/0',
    INTERNAL_SWITCH_GATEWAY,
    'internal',
    'default',
    'unicast',
    SYSTEM_DEFAULT_ROUTE_METRIC,
  );

  const { pod, service } = clusterPrefixes(device);
  if (pod && pod.family === 4) {
    route(formatPrefix(pod), '0.0.0.0', 'pod', 'pod', 'blackhole');
    for (const { vm: owner, block } of podBlocks(device)) {
      if (owner === self.name) route(block, '0.0.0.0', 'pod', 'pod');
      else {
        const node = vms.find((v) => v.name === owner)?.externalIp;
        if (node && subnet) route(block, node, 'external', 'pod', 'unicast', 0, computePort?.name);
      }
    }
  }
  if (service && service.family === 4)
    route(formatPrefix(service), '0.0.0.0', 'service', 'service');

  for (const custom of routes) {
    if (!routeStatus(custom, device).active) continue;
    route(
      custom.destinationPrefix,
      custom.nextHop,
      'external',
      'custom',
      'unicast',
      custom.routeMetric,
      custom.interfaceAlias,
    );
  }

  // The local table (ip route show table local).
  route(formatPrefix(LOOPBACK_PREFIX), '0.0.0.0', 'loopback', 'local', 'local');
  route('127.255.255.255/32', '0.0.0.0', 'loopback', 'local', 'broadcast');
  if (self.externalIp && subnet)
    route(`${self.externalIp}/32`, '0.0.0.0', 'loopback', 'local', 'local');
  route(`${self.internalIp}/32`, '0.0.0.0', 'loopback', 'local', 'local');
  // /31 (RFC 3021) and /32 subnets have no broadcast address.
  if (self.externalIp && subnet && subnet.prefix.length <= 30)
    route(`${formatIPv4(subnet.last)}/32`, '0.0.0.0', 'external', 'local', 'broadcast');
  const internal = INTERNAL_SWITCH_PREFIX;
  route(
    `${formatIPv4(Number(prefixLast(internal)))}/32`,
    '0.0.0.0',
    'internal',
    'local',
    'broadcast',
  );
  return out;
}

/** One VM's table, split as the kernel splits it: the local table is consulted first. */
export class VmRouteTable {
  constructor(
    readonly vm: string,
    readonly main: RouteTable<TableEntry>,
    readonly local: RouteTable<TableEntry>,
  ) {}

  get size(): number {
    return this.main.size + this.local.size;
  }
}

export function buildEffectiveTable(device: DeviceConfig, vm = 'master'): VmRouteTable {
  const entries = effectiveRoutes(device, device.routes, vm).map(entry);
  return new VmRouteTable(
    vm,
    new RouteTable(entries.filter((e) => e.route.origin !== 'local')),
    new RouteTable(entries.filter((e) => e.route.origin === 'local')),
  );
}

export interface LookupCandidate {
  /** Shared with every answer of the same table: do not change it. */
  route: Readonly<EffectiveRoute>;
  outcome: MatchOutcome;
}

export interface LookupAnswer {
  destination: string;
  vm: string;
  route: Readonly<EffectiveRoute> | null;
  /** Where the packet is sent: the route's next hop, or the destination itself when on-link. */
  nextHop: string | null;
  nic: Nic | null;
  /** How the kernel delivers it (null: no route). */
  type: DeliveryType | null;
  explanation: { candidates: LookupCandidate[]; summary: { en: string; ja: string } };
}

/** 0.0.0.0 as a destination: the kernel answers "local, on lo" (ip_route_output_key_hash). */
const UNSPECIFIED_LOCAL: TableEntry = entry({
  destinationPrefix: '0.0.0.0/32',
  nextHop: '0.0.0.0',
  nic: 'loopback',
  routeMetric: 0,
  origin: 'local',
  interfaceAlias: null,
  type: 'local',
});

/**
 * Which route carries `destination` from a VM, as the VM's Linux kernel decides: the local table
 * first (its own addresses and 127.0.0.0/8 are delivered locally; its subnets' broadcasts go out on
 * their link), then the main table — longest prefix, then lowest metric — with every matching route
 * and why it lost. The limited broadcast and multicast go out on the link of the route that matches,
 * without its gateway; a blackhole drops. Throws NetConfigError (`address.invalid`,
 * `route.vmUnknown`). A `table` built for another VM is not used.
 */
export function lookupRoute(
  device: DeviceConfig,
  destination: string,
  vm = 'master',
  table?: VmRouteTable,
): LookupAnswer {
  const address = parseIpAddress(destination);
  if (!hasVm(device, vm))
    throw new NetConfigError('route.vmUnknown', {
      vm,
      vms: kubernetesVms(device)
        .map((v) => v.name)
        .join(', '),
    });
  const tables = table && table.vm === vm ? table : buildEffectiveTable(device, vm);
  const value = address.family === 4 ? Number(address.value) : -1;
  const local =
    address.family === 4
      ? value === 0
        ? UNSPECIFIED_LOCAL
        : tables.local.lookupIPv4(value)
      : null;
  let chosen: TableEntry | null;
  let candidates: LookupCandidate[];
  let type: DeliveryType | null;
  let nextHop: string | null;
  if (local) {
    chosen = local;
    candidates = [{ route: local.route, outcome: 'chosen' }];
    type = local.route.type;
    nextHop = destination;
  } else {
    const matches = tables.main.matches(address);
    chosen = matches[0]?.entry ?? null;
    candidates = matches.map((m) => ({ route: m.entry.route, outcome: m.outcome }));
    if (!chosen) {
      type = null;
      nextHop = null;
    } else if (chosen.route.type === 'blackhole') {
      type = 'blackhole';
      nextHop = null;
    } else if (value === LIMITED_BROADCAST) {
      type = 'broadcast';
      nextHop = destination;
    } else if (address.family === 4 && isMulticastIPv4(value) && chosen.prefix.length < 4) {
      // The kernel drops the gateway of a route shorter than /4 for multicast (__mkroute_output).
      type = 'multicast';
      nextHop = destination;
    } else {
      type = 'unicast';
      nextHop = chosen.onLink ? destination : chosen.route.nextHop;
    }
  }
  const params: SummaryParams = {
    destination,
    vm,
    route: chosen ? chosen.route.destinationPrefix : '',
    nextHop: nextHop ?? '',
    nic: chosen?.route.nic ?? '',
    others: Math.max(0, candidates.length - 1),
  };
  return {
    destination,
    vm,
    route: chosen ? chosen.route : null,
    nextHop,
    nic: chosen?.route.nic ?? null,
    type,
    explanation: {
      candidates,
      summary: {
        en: summaryEn(params, chosen?.route, type),
        ja: summaryJa(params, chosen?.route, type),
      },
    },
  };
}

type SummaryParams = Record<'destination' | 'vm' | 'route' | 'nextHop' | 'nic', string> & {
  others: number;
};

const NIC_EN: Record<Nic, string> = {
  external: 'the external NIC',
  internal: 'the internal NIC',
  pod: "the pods' cali interfaces",
  service: 'kube-proxy',
  loopback: 'the loopback interface',
};
const NIC_JA: Record<Nic, string> = {
  external: '外部仮想スイッチ側の NIC',
  internal: '内部仮想スイッチ側の NIC',
  pod: 'ポッドの cali インターフェイス',
  service: 'kube-proxy',
  loopback: 'ループバック インターフェイス',
};

function summaryEn(
  p: SummaryParams,
  chosen: Readonly<EffectiveRoute> | undefined,
  type: DeliveryType | null,
): string {
  if (!chosen) return `No route on ${p.vm} matches ${p.destination}.`;
  const nic = NIC_EN[chosen.nic];
  switch (type) {
    case 'local':
      return `${p.destination} is an address of ${p.vm} itself: its kernel delivers it locally (${chosen.destinationPrefix}, local table), before any route.`;
    case 'broadcast':
      return `${p.destination} is a broadcast address: ${p.vm} sends it on the link of ${nic}, without a gateway.`;
    case 'multicast':
      return `${p.destination} is a multicast address: ${p.vm} sends it on the link of ${nic} (the link of ${p.route}), without a gateway.`;
    case 'blackhole':
      return `${p.destination} is in the pod network ${p.route}, but no node holds a Calico block for it: no pod has this address, and ${p.vm} drops the packet.`;
    default:
      break;
  }
  const why =
    p.others > 0
      ? ` It is the longest matching prefix with the lowest metric; ${p.others} other matching route(s) lost.`
      : ' It is the only matching route.';
  if (chosen.origin === 'service')
    return `${p.destination} is in the service network ${p.route}: kube-proxy on ${p.vm} hands it to the service's pods.${why}`;
  if (chosen.origin === 'pod' && chosen.nic === 'pod')
    return `${p.destination} is in ${p.vm}'s own pod block ${p.route}: it goes to the pod through its cali interface.${why}`;
  if (chosen.origin === 'pod')
    return `${p.destination} is in the pod block ${p.route} of another node: it goes to that node's IP ${p.nextHop} on ${nic}.${why}`;
  return `${p.destination} goes from ${p.vm} via ${p.route} to ${p.nextHop} on ${nic} (${chosen.origin} route).${why}`;
}

function summaryJa(
  p: SummaryParams,
  chosen: Readonly<EffectiveRoute> | undefined,
  type: DeliveryType | null,
): string {
  if (!chosen) return `${p.vm} には ${p.destination} に一致するルートがありません。`;
  const nic = NIC_JA[chosen.nic];
  switch (type) {
    case 'local':
      return `${p.destination} は ${p.vm} 自身のアドレスです。カーネルはどのルートよりも先に、ローカル テーブル (${chosen.destinationPrefix}) により VM 内に配送します。`;
    case 'broadcast':
      return `${p.destination} はブロードキャスト アドレスです。${p.vm} はゲートウェイを経由せず、${nic}のリンク上に送信します。`;
    case 'multicast':
      return `${p.destination} はマルチキャスト アドレスです。${p.vm} はゲートウェイを経由せず、${nic}のリンク上 (${p.route} のリンク) に送信します。`;
    case 'blackhole':
      return `${p.destination} はポッド ネットワーク ${p.route} 内ですが、このアドレスの Calico ブロックを持つノードはありません。このアドレスのポッドはなく、${p.vm} はパケットを破棄します。`;
    default:
      break;
  }
  const why =
    p.others > 0
      ? ` 一致するルートのうちプレフィックス長が最も長く、メトリックが最も小さいルートです。他に一致した ${p.others} 件のルートは選ばれませんでした。`
      : ' 一致するルートはこれだけです。';
  if (chosen.origin === 'service')
    return `${p.destination} はサービス ネットワーク ${p.route} 内にあります。${p.vm} の kube-proxy がサービスのポッドに転送します。${why}`;
  if (chosen.origin === 'pod' && chosen.nic === 'pod')
    return `${p.destination} は ${p.vm} 自身のポッド ブロック ${p.route} 内にあります。cali インターフェイス経由でポッドに送られます。${why}`;
  if (chosen.origin === 'pod')
    return `${p.destination} は別のノードのポッド ブロック ${p.route} 内にあります。${nic}のそのノードの IP ${p.nextHop} に送られます。${why}`;
  return `${p.destination} は ${p.vm} から ${p.route} 経由で ${nic}の ${p.nextHop} に送られます。${why}`;
}

/** The localized text of a route status reason. */
export function routeStatusMessage(reason: {
  code: string;
  params: Record<string, string | number>;
}) {
  const code = reason.code as Parameters<typeof formatIssue>[0]['code'];
  return {
    en: formatIssue({ code, params: reason.params }, 'en'),
    ja: formatIssue({ code, params: reason.params }, 'ja'),
  };
}
