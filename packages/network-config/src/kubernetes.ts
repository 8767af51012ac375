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
import { formatPrefix, type IpPrefix, parsePrefix } from './prefix';
import { isOnLink, routeStatus } from './route-config';
import { type MatchOutcome, RouteTable } from './route-table';

export type VmRole = 'master' | 'worker';
export type Nic = 'external' | 'internal';

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

export interface EffectiveRoute {
  destinationPrefix: string;
  nextHop: string;
  nic: Nic;
  routeMetric: number;
  origin: 'connected' | 'default' | 'custom';
  interfaceAlias: string | null;
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

/**
 * A VM's whole table: the compute subnet on the external NIC, the internal switch subnet on the
 * internal NIC, the default route via the internal NAT switch, and the active custom routes.
 * Every VM of the cluster has the same routes; only its NIC addresses differ.
 */
export function effectiveRoutes(
  device: DeviceConfig,
  routes: readonly RouteConfig[] = device.routes,
): EffectiveRoute[] {
  const out: EffectiveRoute[] = [];
  const computePort = device.compute.computePort
    ? findPortCaseInsensitive(device, device.compute.computePort)
    : undefined;
  const subnet = computePort ? portSubnet(computePort) : null;
  if (subnet && computePort) {
    out.push({
      destinationPrefix: formatPrefix(subnet.prefix),
      nextHop: '0.0.0.0',
      nic: 'external',
      routeMetric: 0,
      origin: 'connected',
      interfaceAlias: computePort.name,
    });
  }
  out.push({
    destinationPrefix: INTERNAL_SWITCH_CIDR,
    nextHop: '0.0.0.0',
    nic: 'internal',
    routeMetric: 0,
    origin: 'connected',
    interfaceAlias: null,
  });
  out.push({
    destinationPrefix: '0.0.0.0/0',
    nextHop: INTERNAL_SWITCH_GATEWAY,
    nic: 'internal',
    routeMetric: SYSTEM_DEFAULT_ROUTE_METRIC,
    origin: 'default',
    interfaceAlias: null,
  });
  for (const route of routes) {
    if (!routeStatus(route, device).active) continue;
    out.push({
      destinationPrefix: route.destinationPrefix,
      nextHop: route.nextHop,
      nic: 'external',
      routeMetric: route.routeMetric,
      origin: 'custom',
      interfaceAlias: route.interfaceAlias,
    });
  }
  return out;
}

export function buildEffectiveTable(device: DeviceConfig): RouteTable<TableEntry> {
  return new RouteTable(effectiveRoutes(device).map(entry));
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
  explanation: { candidates: LookupCandidate[]; summary: { en: string; ja: string } };
}

/**
 * Which route carries `destination` from a VM: longest prefix, then lowest metric, with every
 * matching route and why it lost. Throws NetConfigError (`address.invalid`, `route.vmUnknown`).
 */
export function lookupRoute(
  device: DeviceConfig,
  destination: string,
  vm = 'master',
  table = buildEffectiveTable(device),
): LookupAnswer {
  const address = parseIpAddress(destination);
  if (!hasVm(device, vm))
    throw new NetConfigError('route.vmUnknown', {
      vm,
      vms: kubernetesVms(device)
        .map((v) => v.name)
        .join(', '),
    });
  const matches = table.matches(address);
  const chosen = matches[0]?.entry ?? null;
  const nextHop = chosen ? (chosen.onLink ? destination : chosen.route.nextHop) : null;
  const candidates = matches.map((m) => ({ route: m.entry.route, outcome: m.outcome }));
  const params = {
    destination,
    vm,
    route: chosen ? chosen.route.destinationPrefix : '',
    nextHop: nextHop ?? '',
    nic: chosen?.route.nic ?? '',
    others: Math.max(0, matches.length - 1),
  };
  return {
    destination,
    vm,
    route: chosen ? chosen.route : null,
    nextHop,
    nic: chosen?.route.nic ?? null,
    explanation: {
      candidates,
      summary: { en: summaryEn(params, chosen?.route), ja: summaryJa(params, chosen?.route) },
    },
  };
}

type SummaryParams = Record<'destination' | 'vm' | 'route' | 'nextHop' | 'nic', string> & {
  others: number;
};

function summaryEn(p: SummaryParams, chosen: EffectiveRoute | undefined): string {
  if (!chosen) return `No route on ${p.vm} matches ${p.destination}.`;
  const why =
    p.others > 0
      ? ` It is the longest matching prefix with the lowest metric; ${p.others} other matching route(s) lost.`
      : ' It is the only matching route.';
  return `${p.destination} goes from ${p.vm} via ${p.route} to ${p.nextHop} on the ${p.nic} NIC (${chosen.origin} route).${why}`;
}

function summaryJa(p: SummaryParams, chosen: EffectiveRoute | undefined): string {
  if (!chosen) return `${p.vm} には ${p.destination} に一致するルートがありません。`;
  const nic = p.nic === 'external' ? '外部仮想スイッチ側' : '内部仮想スイッチ側';
  const why =
    p.others > 0
      ? ` 一致するルートのうちプレフィックス長が最も長く、メトリックが最も小さいルートです。他に一致した ${p.others} 件のルートは選ばれませんでした。`
      : ' 一致するルートはこれだけです。';
  return `${p.destination} は ${p.vm} から ${p.route} 経由で ${nic}の NIC の ${p.nextHop} に送られます。${why}`;
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
