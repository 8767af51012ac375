/**
 * The device model (SPEC §1): SKUs, ports, compute, routes and their documented defaults.
 * Plain data only; documents travel over HTTP in exactly these shapes.
 */
import type { ServiceConfig } from './services';

export type SkuId = 'pro-gpu' | 'pro-r' | 'mini-r' | 'pro-2';
export type NodeCount = 1 | 2;
export type ComputeState = 'NotConfigured' | 'Configuring' | 'Configured' | 'Failed';
export type Locale = 'en' | 'ja';

export interface IpRange {
  start: string;
  end: string;
}

export interface PortLink {
  /** Whether a cable is connected (simulated). */
  connected: boolean;
  /** Negotiated speed in Gbps when connected, else null. */
  speedGbps: number | null;
}

/** The settings an admin can change on one port (PUT /api/ports/:name). */
export interface PortSettings {
  ipEnabled: boolean;
  dhcp: boolean;
  /** Static address, or the DHCP lease's address when dhcp is true (null without a lease). */
  address: string | null;
  subnetMask: string | null;
  gateway: string | null;
  dns: string[];
  /** null where the SKU does not let this port's MTU change. */
  mtu: number | null;
}

export interface PortConfig extends PortSettings {
  name: string;
  /** Speeds the port supports, fastest first (doc). */
  speedGbps: number[];
  link: PortLink;
}

export interface ComputeSettings {
  computePort: string | null;
  nodeIpRange: IpRange | null;
  serviceIpRange: IpRange | null;
  podCidr: string;
  serviceCidr: string;
}

export interface ComputeConfig extends ComputeSettings {
  state: ComputeState;
}

export interface RouteConfig {
  interfaceAlias: string;
  destinationPrefix: string;
  nextHop: string;
  routeMetric: number;
}

export interface RouteStatus {
  active: boolean;
  /** Why the route is inactive (an issue code with params), or null when active. */
  reason: { code: string; params: Record<string, string | number> } | null;
}

/** The whole device configuration: the unit of validation and of revisions. */
export interface DeviceConfig {
  name: string;
  sku: SkuId;
  nodeCount: NodeCount;
  ports: PortConfig[];
  compute: ComputeConfig;
  routes: RouteConfig[];
  /** Kubernetes services (SPEC §9); absent in documents stored before they existed. */
  services?: ServiceConfig[];
  /**
   * Virtual switches and networks (SPEC §8). Optional: documents stored before they existed lack
   * them; `upgradeDevice` fills them in on read.
   */
  virtualSwitches?: VirtualSwitch[];
  virtualNetworks?: VirtualNetwork[];
  /** The simulated software generation the rules follow (set by the server; default 2021). */
  firmware?: FirmwareGeneration;
}

export interface SkuPortSpec {
  name: string;
  speedGbps: number[];
  mtuConfigurable: boolean;
}

export interface SkuSpec {
  id: SkuId;
  displayName: string;
  ports: SkuPortSpec[];
}

/** MTU range on the ports where it is configurable (doc: 1400–1500). */
export const MTU_MIN = 1400;
export const MTU_MAX = 1500;
export const MTU_DEFAULT = 1500;

function ports(specs: [string, number[], boolean][]): SkuPortSpec[] {
  return specs.map(([name, speedGbps, mtuConfigurable]) => ({ name, speedGbps, mtuConfigurable }));
}

/** The four SKUs and their ports (doc). Wi-Fi on Mini R is deprecated and left out. */
export const SKUS: Record<SkuId, SkuSpec> = {
  'pro-gpu': {
    id: 'pro-gpu',
    displayName: 'Azure Stack Edge Pro GPU',
    ports: ports([
      ['Port1', [1], true],
      ['Port2', [1], true],
      ['Port3', [25, 10], true],
      ['Port4', [25, 10], true],
      ['Port5', [25, 10], false],
      ['Port6', [25, 10], false],
    ]),
  },
  'pro-r': {
    id: 'pro-r',
    displayName: 'Azure Stack Edge Pro R',
    ports: ports([
      ['Port1', [1], false],
      ['Port2', [1], false],
      ['Port3', [25, 10], false],
      ['Port4', [25, 10], false],
    ]),
  },
  'mini-r': {
    id: 'mini-r',
    displayName: 'Azure Stack Edge Mini R',
    ports: ports([
      ['Port1', [1], false],
      ['Port2', [1], false],
      ['Port3', [10], false],
      ['Port4', [10], false],
    ]),
  },
  'pro-2': {
    id: 'pro-2',
    displayName: 'Azure Stack Edge Pro 2',
    ports: ports([
      ['Port1', [10, 1], true],
      ['Port2', [10, 1], true],
      ['Port3', [100], false],
      ['Port4', [100], false],
    ]),
  },
};

export const SKU_IDS = Object.keys(SKUS) as SkuId[];

/** Port1 is the management port, static at 192.168.100.10/24 by default (doc). */
export const MANAGEMENT_PORT = 'Port1';
export const MANAGEMENT_DEFAULT = { address: '192.168.100.10', subnetMask: '255.255.255.0' };

/** Kubernetes defaults (doc): Calico pod CIDR, service CIDR and its reserved addresses. */
export const DEFAULT_POD_CIDR = '172.27.0.0/16';
export const DEFAULT_SERVICE_CIDR = '172.28.0.0/16';
/** The `kubernetes` API service takes the service CIDR's first host address (doc: 172.28.0.1). */
export const KUBERNETES_SERVICE_OFFSET = 1;
/** CoreDNS (`kube-dns`) takes the tenth (doc: 172.28.0.10). */
export const KUBE_DNS_SERVICE_OFFSET = 10;

/**
 * The internal virtual switch (created at factory, NAT) and the VMs' addresses on it.
 * (ours: the device does not document this subnet; it is only shown, never configured.)
 */
export const INTERNAL_SWITCH_NAME = 'vswitch-internal';
export const INTERNAL_SWITCH_CIDR = '172.16.0.0/24';
export const INTERNAL_SWITCH_GATEWAY = '172.16.0.1';

/** Endpoints on the master's node IP (doc). */
export const KUBERNETES_API_PORT = 6443;
export const KUBERNETES_DASHBOARD_PORT = 31000;
export const CONTAINER_REGISTRY_PORT = 31001;

/** Route metric (ours: integer 0–65535, 256 when omitted, as Windows does). */
export const ROUTE_METRIC_MIN = 0;
export const ROUTE_METRIC_MAX = 65535;
export const ROUTE_METRIC_DEFAULT = 256;

/** The external virtual switch on a compute port is named like the device's PowerShell does. */
export function externalSwitchName(portName: string): string {
  return `vswitch-${portName}`;
}

export function skuPortSpec(sku: SkuId, portName: string): SkuPortSpec | undefined {
  return SKUS[sku].ports.find((p) => p.name === portName);
}

export interface DefaultDeviceOptions {
  sku?: SkuId;
  nodeCount?: NodeCount;
  name?: string;
}

/**
 * A factory-fresh device (doc): Port1 static at 192.168.100.10/24, every other port DHCP with
 * no lease yet (the simulated device fills leases in), compute not configured, no routes.
 */
export function createDefaultDevice(options: DefaultDeviceOptions = {}): DeviceConfig {
  const sku = options.sku ?? 'pro-gpu';
  const spec = SKUS[sku];
  return {
    name: options.name ?? 'edgenet-device',
    sku,
    nodeCount: options.nodeCount ?? 1,
    ports: spec.ports.map((p) => {
      const management = p.name === MANAGEMENT_PORT;
      return {
        name: p.name,
        speedGbps: [...p.speedGbps],
        ipEnabled: true,
        dhcp: !management,
        address: management ? MANAGEMENT_DEFAULT.address : null,
        subnetMask: management ? MANAGEMENT_DEFAULT.subnetMask : null,
        gateway: null,
        dns: [],
        mtu: p.mtuConfigurable ? MTU_DEFAULT : null,
        link: { connected: management, speedGbps: management ? (p.speedGbps[0] ?? null) : null },
      };
    }),
    compute: {
      computePort: null,
      nodeIpRange: null,
      serviceIpRange: null,
      podCidr: DEFAULT_POD_CIDR,
      serviceCidr: DEFAULT_SERVICE_CIDR,
      state: 'NotConfigured',
    },
    routes: [],
    virtualSwitches: [],
    virtualNetworks: [],
  };
}

export function findPort(
  device: Pick<DeviceConfig, 'ports'>,
  name: string,
): PortConfig | undefined {
  return device.ports.find((p) => p.name === name);
}

/**
 * Names compare case-insensitively, as PowerShell and Azure compare them: interface aliases
 * (`port3` is Port3), virtual switch and virtual network names.
 */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** What `sameName` compares: equal keys, same name. */
function nameKey(name: string): string {
  return String(name).toLowerCase();
}

/**
 * The port an interface alias names, matched as `sameName` does: in the device document, or in
 * any list of named ports (the API's port list, for a client that spells the alias as the device
 * does before it sends it).
 */
export function findPortCaseInsensitive<P extends { name: string }>(
  device: { readonly ports: readonly P[] },
  name: string,
): P | undefined {
  const key = nameKey(name);
  return device.ports.find((p) => nameKey(p.name) === key);
}

/** The same route key as the device: one route per (interface, destination). */
export function routeKey(route: Pick<RouteConfig, 'interfaceAlias' | 'destinationPrefix'>): string {
  return `${route.interfaceAlias}|${route.destinationPrefix}`;
}

/** The simulated software generation (SPEC §8): 2021 has the Compute page, 2023 splits it. */
export type FirmwareGeneration = '2021' | '2023';
export const FIRMWARE_GENERATIONS: readonly FirmwareGeneration[] = ['2021', '2023'];

/** An external virtual switch on one port (SPEC §8, doc). */
export interface VirtualSwitch {
  name: string;
  interfaceAlias: string;
  /** 1400–1500 where the SKU lets the port's MTU change; 1500 elsewhere (doc). */
  mtu: number;
  supportsAcceleratedNetworking: boolean;
  /** Exactly one switch carries compute while compute is enabled (doc). */
  enabledForCompute: boolean;
}

/** A virtual network (VLAN) on a virtual switch (SPEC §8, doc). */
export interface VirtualNetwork {
  name: string;
  switchName: string;
  /** 0–4094 (doc). */
  vlanId: number;
  /** The network, as a canonical IPv4 prefix (`10.10.0.0/24`). */
  addressSpace: string;
  gateway: string;
  dnsServers: string[];
  dnsSuffix: string | null;
}
