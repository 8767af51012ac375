/**
 * Kubernetes services on the simulated cluster (SPEC §9): their documents, the rules of a new
 * service, and address allocation as Kubernetes (cluster IPs) and MetalLB (LoadBalancer IPs) do it.
 *
 * Allocation is deterministic and stable (ours, as MetalLB behaves between restarts of its
 * controller when nothing changed): a service keeps the address it holds while that address is
 * still in the pool and still compatible; others take the lowest free address, in creation order.
 */
import { formatIPv4, isIPv4, parseIPv4 } from './address';
import { type ParsedRange, parseRange, prefixToRange } from './ip-range';
import { type Issue, issue, warning } from './issues';
import {
  CONTAINER_REGISTRY_PORT,
  type DeviceConfig,
  KUBE_DNS_SERVICE_OFFSET,
  KUBERNETES_DASHBOARD_PORT,
  KUBERNETES_SERVICE_OFFSET,
} from './model';
import { parsePrefix } from './prefix';

export type ServiceType = 'ClusterIP' | 'LoadBalancer';
export type ServiceProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface ServicePort {
  name: string | null;
  protocol: ServiceProtocol;
  port: number;
  /** A port number or a named container port. */
  targetPort: number | string;
  /** Allocated for LoadBalancer services (30000–32767), else null. */
  nodePort: number | null;
}

/** What MetalLB's controller says about a service it could not serve (`kubectl describe svc`). */
export interface ServiceEvent {
  type: 'Warning' | 'Normal';
  reason: string;
  message: string;
}

/** A service as stored in the configuration document (`services`). */
export interface ServiceConfig {
  name: string;
  namespace: string;
  type: ServiceType;
  ports: ServicePort[];
  selector: Record<string, string>;
  annotations: Record<string, string>;
  /** `spec.loadBalancerIP`, as asked for; null when not given. */
  loadBalancerIP: string | null;
  /** Allocated from the service CIDR when the service is created; never changes. */
  clusterIP: string;
  /** ISO time of creation (AGE). */
  createdAt: string;
  /** MetalLB's answer: the external IP, or null (`<pending>`) with the event saying why. */
  status: { loadBalancerIP: string | null; event: ServiceEvent | null };
}

/** A new service as the API, the web form and the cmdlets send it. */
export interface ServiceInput {
  name: string;
  namespace?: string | undefined;
  type?: string | undefined;
  ports: {
    port: number;
    targetPort?: number | string | undefined;
    protocol?: string | undefined;
    name?: string | null | undefined;
  }[];
  selector?: Record<string, string> | undefined;
  annotations?: Record<string, string> | undefined;
  loadBalancerIP?: string | null | undefined;
}

export const DEFAULT_NAMESPACE = 'default';
/** MetalLB's annotations (doc: metallb.universe.tf; newer releases also read metallb.io). */
export const METALLB_IPS_ANNOTATION = 'metallb.universe.tf/loadBalancerIPs';
export const METALLB_SHARED_ANNOTATION = 'metallb.universe.tf/allow-shared-ip';
const ANNOTATION_PREFIXES = ['metallb.universe.tf/', 'metallb.io/'];
/** Kubernetes' default NodePort range; 31000 and 31001 are the device's dashboard and registry. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/**
 * The IoT Edge hub service (doc: IoT Edge on the device exposes `edgehub` through a LoadBalancer
 * service that takes the first Kubernetes external service IP). Not stored: it exists whenever
 * compute is Configured and always holds the first address of the range.
 */
export const EDGEHUB_SERVICE = {
  name: 'edgehub',
  namespace: 'iotedge',
  ports: [
    { port: 443, nodePort: 31443 },
    { port: 5671, nodePort: 30671 },
    { port: 8883, nodePort: 30883 },
  ],
} as const;

/** `namespace/name`, the key MetalLB and kubectl use. */
export function serviceKey(s: { namespace: string; name: string }): string {
  return `${s.namespace}/${s.name}`;
}

function annotation(annotations: Record<string, string>, key: string): string | undefined {
  for (const prefix of ANNOTATION_PREFIXES) {
    const value = annotations[prefix + key];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The address a service asks for: the MetalLB annotation first, then `spec.loadBalancerIP`. */
export function requestedServiceIp(s: Pick<ServiceConfig, 'annotations' | 'loadBalancerIP'>) {
  const fromAnnotation = annotation(s.annotations, 'loadBalancerIPs');
  if (fromAnnotation !== undefined && fromAnnotation.trim() !== '') {
    return (fromAnnotation.split(',')[0] ?? '').trim();
  }
  return s.loadBalancerIP ?? null;
}

export function sharingKey(s: Pick<ServiceConfig, 'annotations'>): string | null {
  const key = annotation(s.annotations, 'allow-shared-ip');
  return key === undefined || key === '' ? null : key;
}

// ---- validation ---------------------------------------------------------------------------------

const DNS1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS1123 = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const IANA_SVC_NAME = /^(?=.{1,15}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * The rules of a new service, with Kubernetes' own wording in the messages. Paths are relative to
 * the input (`name`, `ports[0].port`). Whether compute runs and whether the name is free are the
 * server's 409s (`checkServiceCreate`).
 */
export function validateServiceInput(input: ServiceInput): Issue[] {
  const issues: Issue[] = [];
  const name = String(input.name ?? '');
  if (!DNS1035.test(name)) issues.push(issue('name', 'service.nameInvalid', { value: name }));
  const namespace = String(input.namespace ?? DEFAULT_NAMESPACE);
  if (!DNS1123.test(namespace)) {
    issues.push(issue('namespace', 'service.namespaceInvalid', { value: namespace }));
  }
  const type = input.type ?? 'ClusterIP';
  if (type !== 'ClusterIP' && type !== 'LoadBalancer') {
    issues.push(issue('type', 'service.typeUnsupported', { value: String(type) }));
  }
  const ports = Array.isArray(input.ports) ? input.ports : [];
  if (ports.length === 0) issues.push(issue('ports', 'service.portsRequired'));
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const path = `ports[${i}]`;
    if (!isPortNumber(p.port)) {
      issues.push(issue(`${path}.port`, 'service.portInvalid', { value: String(p.port) }));
    }
    const protocol = String(p.protocol ?? 'TCP');
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
      issues.push(issue(`${path}.protocol`, 'service.protocolInvalid', { value: protocol }));
    }
    const target = p.targetPort;
    if (
      target !== undefined &&
      !isPortNumber(target) &&
      !(typeof target === 'string' && IANA_SVC_NAME.test(target))
    ) {
      issues.push(
        issue(`${path}.targetPort`, 'service.targetPortInvalid', { value: String(target) }),
      );
    }
    const key = `${protocol}/${p.port}`;
    if (seen.has(key)) {
      issues.push(issue(`${path}.port`, 'service.portDuplicate', { port: key }));
    }
    seen.add(key);
  });
  const requested = input.loadBalancerIP;
  if (requested !== undefined && requested !== null && requested !== '' && !isIPv4(requested)) {
    issues.push(issue('loadBalancerIP', 'service.loadBalancerIpInvalid', { value: requested }));
  }
  const fromAnnotation = input.annotations
    ? annotation(input.annotations, 'loadBalancerIPs')
    : undefined;
  if (fromAnnotation !== undefined) {
    for (const ip of fromAnnotation.split(',')) {
      if (!isIPv4(ip.trim())) {
        issues.push(
          issue(`annotations.${METALLB_IPS_ANNOTATION}`, 'service.loadBalancerIpInvalid', {
            value: ip.trim(),
          }),
        );
      }
    }
  }
  for (const [key, value] of Object.entries(input.annotations ?? {})) {
    if (typeof value !== 'string') {
      issues.push(issue(`annotations.${key}`, 'field.invalid', { detail: 'a string' }));
    }
  }
  for (const [key, value] of Object.entries(input.selector ?? {})) {
    if (typeof value !== 'string') {
      issues.push(issue(`selector.${key}`, 'field.invalid', { detail: 'a string' }));
    }
  }
  return issues;
}

// ---- allocation ---------------------------------------------------------------------------------

/** The first and last usable host of the service CIDR, or null when it does not parse. */
function serviceCidrRange(serviceCidr: string): ParsedRange | null {
  try {
    const prefix = parsePrefix(serviceCidr, { allowBareAddress: false });
    if (prefix.family !== 4) return null;
    return prefixToRange(prefix);
  } catch {
    return null;
  }
}

/**
 * The lowest free cluster IP of the service CIDR (ours: Kubernetes picks at random; lowest keeps
 * tests and demos repeatable), never the network or broadcast address, `.1` (kubernetes) nor `.10`
 * (kube-dns). Null when the CIDR is full or invalid.
 */
export function allocateClusterIp(device: DeviceConfig): string | null {
  const range = serviceCidrRange(device.compute.serviceCidr);
  if (!range) return null;
  const used = new Set<number>();
  for (const s of device.services ?? []) {
    try {
      used.add(parseIPv4(s.clusterIP));
    } catch {
      // an unreadable stored address holds nothing
    }
  }
  used.add(range.start + KUBERNETES_SERVICE_OFFSET);
  used.add(range.start + KUBE_DNS_SERVICE_OFFSET);
  used.add(range.start + EDGEHUB_CLUSTER_IP_OFFSET);
  for (let a = range.start + 1; a < range.end; a++) if (!used.has(a)) return formatIPv4(a);
  return null;
}

/** The lowest NodePort no other service uses (ours: Kubernetes picks at random). */
function allocateNodePort(used: Set<number>): number | null {
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) {
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
  return null;
}

function reservedNodePorts(): Set<number> {
  const used = new Set<number>([KUBERNETES_DASHBOARD_PORT, CONTAINER_REGISTRY_PORT]);
  for (const p of EDGEHUB_SERVICE.ports) used.add(p.nodePort);
  return used;
}

/**
 * A new service as stored: defaults filled, its cluster IP and NodePorts allocated. The external
 * IP is MetalLB's to give (`reconcileServices`). Call after `validateServiceInput` found no error.
 */
export function buildService(
  input: ServiceInput,
  device: DeviceConfig,
  createdAt: string,
  previous?: ServiceConfig,
): ServiceConfig {
  const type: ServiceType = input.type === 'LoadBalancer' ? 'LoadBalancer' : 'ClusterIP';
  const usedNodePorts = reservedNodePorts();
  for (const s of device.services ?? []) {
    if (previous && serviceKey(s) === serviceKey(previous)) continue;
    for (const p of s.ports) if (p.nodePort !== null) usedNodePorts.add(p.nodePort);
  }
  const ports: ServicePort[] = input.ports.map((p) => {
    const protocol = (p.protocol ?? 'TCP') as ServiceProtocol;
    const kept = previous?.ports.find((q) => q.port === p.port && q.protocol === protocol);
    let nodePort: number | null = null;
    if (type === 'LoadBalancer') {
      nodePort = kept?.nodePort ?? null;
      if (nodePort === null || usedNodePorts.has(nodePort)) {
        nodePort = allocateNodePort(usedNodePorts);
      } else usedNodePorts.add(nodePort);
    }
    return {
      name: p.name ?? null,
      protocol,
      port: p.port,
      targetPort: p.targetPort ?? p.port,
      nodePort,
    };
  });
  const requested = input.loadBalancerIP;
  return {
    name: input.name,
    namespace: input.namespace ?? DEFAULT_NAMESPACE,
    type,
    ports,
    selector: { ...(input.selector ?? {}) },
    annotations: { ...(input.annotations ?? {}) },
    loadBalancerIP: requested === undefined || requested === '' ? null : requested,
    clusterIP: previous?.clusterIP ?? allocateClusterIp(device) ?? '',
    createdAt: previous?.createdAt ?? createdAt,
    status: previous?.status ?? { loadBalancerIP: null, event: null },
  };
}

/** The external service IP range as numbers, when compute runs Kubernetes; else null. */
export function servicePool(device: DeviceConfig): ParsedRange | null {
  const { compute } = device;
  if (compute.state !== 'Configured' || !compute.serviceIpRange) return null;
  try {
    return parseRange(compute.serviceIpRange);
  } catch {
    return null;
  }
}

interface Holder {
  key: string;
  sharing: string | null;
  ports: { protocol: string; port: number }[];
}

function failed(s: ServiceConfig, why: string): ServiceEvent {
  return {
    type: 'Warning',
    reason: 'AllocationFailed',
    message: `Failed to allocate IP for "${serviceKey(s)}": ${why}`,
  };
}

/**
 * Why `s` cannot join the holders of an address (MetalLB's checkSharing wording), or null when it
 * may: every holder has the same sharing key and no port of `s` is already in use there.
 */
function sharingConflict(s: ServiceConfig, ip: string, holders: readonly Holder[]): string | null {
  const key = sharingKey(s);
  for (const h of holders) {
    if (key === null || h.sharing !== key) {
      return `can't change sharing key for "${serviceKey(s)}", address also in use by ${h.key}`;
    }
    for (const p of s.ports) {
      if (h.ports.some((q) => q.protocol === p.protocol && q.port === p.port)) {
        return `port ${p.protocol}/${p.port} is already in use on "${ip}"`;
      }
    }
  }
  return null;
}

/**
 * MetalLB's view of the services: every LoadBalancer service gets its status (external IP or
 * pending with an event); ClusterIP services have none. Services keep a held address while it is
 * still in the pool and compatible (and still the requested one); then, in creation order, a
 * requested address is given when in the pool and free (or shareable), others take the lowest
 * free (or shareable) one. The first pool address is edgehub's.
 */
export function reconcileServices(device: DeviceConfig): ServiceConfig[] {
  const services = device.services ?? [];
  const pool = servicePool(device);
  const holders = new Map<number, Holder[]>();
  const hold = (ip: number, s: ServiceConfig) => {
    const list = holders.get(ip) ?? [];
    list.push({ key: serviceKey(s), sharing: sharingKey(s), ports: s.ports });
    holders.set(ip, list);
  };
  if (pool) {
    holders.set(pool.start, [
      {
        key: serviceKey(EDGEHUB_SERVICE),
        sharing: null,
        ports: EDGEHUB_SERVICE.ports.map((p) => ({ protocol: 'TCP', port: p.port })),
      },
    ]);
  }
  const inPool = (ip: number) => pool !== null && ip >= pool.start && ip <= pool.end;
  const parse = (text: string | null): number | null => {
    if (text === null || !isIPv4(text)) return null;
    return parseIPv4(text);
  };

  const status = new Map<ServiceConfig, ServiceConfig['status']>();
  // Phase 1: keep what is still valid.
  for (const s of services) {
    if (s.type !== 'LoadBalancer') continue;
    const held = parse(s.status.loadBalancerIP);
    const requested = requestedServiceIp(s);
    if (held === null || !inPool(held)) continue;
    if (requested !== null && parse(requested) !== held) continue;
    if (sharingConflict(s, formatIPv4(held), holders.get(held) ?? []) !== null) continue;
    hold(held, s);
    status.set(s, { loadBalancerIP: formatIPv4(held), event: null });
  }
  // Phase 2: the others, oldest first.
  for (const s of services) {
    if (s.type !== 'LoadBalancer' || status.has(s)) continue;
    const requestedText = requestedServiceIp(s);
    if (requestedText !== null) {
      const requested = parse(requestedText);
      if (requested === null || !inPool(requested)) {
        status.set(s, {
          loadBalancerIP: null,
          event: failed(s, `["${requestedText}"] is not allowed in config`),
        });
        continue;
      }
      const conflict = sharingConflict(s, requestedText, holders.get(requested) ?? []);
      if (conflict !== null) {
        status.set(s, { loadBalancerIP: null, event: failed(s, conflict) });
        continue;
      }
      hold(requested, s);
      status.set(s, { loadBalancerIP: requestedText, event: null });
      continue;
    }
    let given: number | null = null;
    if (pool) {
      for (let ip = pool.start; ip <= pool.end; ip++) {
        const list = holders.get(ip);
        if (!list || sharingConflict(s, formatIPv4(ip), list) === null) {
          given = ip;
          break;
        }
      }
    }
    if (given === null) {
      status.set(s, { loadBalancerIP: null, event: failed(s, 'no available IPs') });
    } else {
      hold(given, s);
      status.set(s, { loadBalancerIP: formatIPv4(given), event: null });
    }
  }
  return services.map((s) => {
    const next = status.get(s) ?? { loadBalancerIP: null, event: null };
    const same =
      next.loadBalancerIP === s.status.loadBalancerIP &&
      JSON.stringify(next.event) === JSON.stringify(s.status.event);
    return same ? s : { ...s, status: next };
  });
}

/** The device with MetalLB's statuses brought up to date (the same object when nothing moved). */
export function withReconciledServices(device: DeviceConfig): DeviceConfig {
  if (!device.services || device.services.length === 0) return device;
  const services = reconcileServices(device);
  return services.every((s, i) => s === device.services?.[i]) ? device : { ...device, services };
}

/** The external IP of every LoadBalancer service, edgehub first (null = pending). */
export function externalAddresses(device: DeviceConfig): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const pool = servicePool(device);
  if (device.compute.state === 'Configured') {
    out.set(serviceKey(EDGEHUB_SERVICE), pool ? formatIPv4(pool.start) : null);
  }
  for (const s of device.services ?? []) {
    if (s.type === 'LoadBalancer') out.set(serviceKey(s), s.status.loadBalancerIP);
  }
  return out;
}

/**
 * What a change does to the services' external IPs, as warnings on `path` (the field that
 * changes, e.g. `serviceIpRange`): each service that changes or loses its address, then the ones
 * that keep theirs. Empty when no address moves.
 */
export function serviceAddressChanges(
  before: DeviceConfig,
  after: DeviceConfig,
  path: string,
): Issue[] {
  // edgehub follows the first address of the range by design (doc); alone it is no news.
  if (!before.services?.some((s) => s.type === 'LoadBalancer')) return [];
  const was = externalAddresses(before);
  const will = externalAddresses(after);
  const changed: Issue[] = [];
  const kept: string[] = [];
  for (const [key, from] of was) {
    if (!will.has(key)) continue;
    const to = will.get(key) ?? null;
    if (from === to) {
      if (from !== null) kept.push(`${key} (${from})`);
    } else if (to === null) {
      changed.push(warning(path, 'service.addressLost', { service: key, address: from ?? '' }));
    } else {
      changed.push(
        warning(path, 'service.addressChanged', {
          service: key,
          from: from ?? '<pending>',
          to,
        }),
      );
    }
  }
  if (changed.length === 0) return [];
  if (kept.length > 0) {
    changed.push(
      warning(path, 'service.addressesKept', { services: kept.join(', '), count: kept.length }),
    );
  }
  return changed;
}

// ---- text ---------------------------------------------------------------------------------------

/** kubectl's PORT(S) column: `80:30000/TCP,443/TCP`. */
export function formatServicePorts(ports: readonly ServicePort[]): string {
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => `${p.port}${p.nodePort !== null ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
}

/** kubectl's SELECTOR column: `app=nginx,tier=web`, or `<none>`. */
export function formatSelector(selector: Record<string, string>): string {
  const entries = Object.entries(selector);
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

// ---- CoreDNS ------------------------------------------------------------------------------------

export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * CoreDNS's answer from a pod of `fromNamespace` (its resolv.conf searches
 * `<ns>.svc.cluster.local svc.cluster.local cluster.local`): the FQDN and cluster IP of the
 * service a name means, or null (NXDOMAIN). `services` are `{ name, namespace, clusterIp }`.
 */
export function resolveServiceName(
  name: string,
  services: readonly { name: string; namespace: string; clusterIp: string }[],
  fromNamespace = DEFAULT_NAMESPACE,
): { fqdn: string; address: string } | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const absolute = name.endsWith('.');
  const candidates = absolute
    ? [lower]
    : [
        lower,
        `${lower}.${fromNamespace}.svc.${CLUSTER_DOMAIN}`,
        `${lower}.svc.${CLUSTER_DOMAIN}`,
        `${lower}.${CLUSTER_DOMAIN}`,
      ];
  for (const candidate of candidates) {
    for (const s of services) {
      const fqdn = `${s.name}.${s.namespace}.svc.${CLUSTER_DOMAIN}`;
      if (candidate === fqdn && s.clusterIp && s.clusterIp !== 'None') {
        return { fqdn, address: s.clusterIp };
      }
    }
  }
  return null;
}

// ---- views --------------------------------------------------------------------------------------

/** A service as the API shows it: stored ones and the cluster's own (kubernetes, kube-dns, edgehub). */
export interface ServiceView {
  name: string;
  namespace: string;
  type: ServiceType;
  clusterIP: string;
  /** The LoadBalancer address, or null: `<pending>` when `pending`, `<none>` for ClusterIP. */
  externalIP: string | null;
  pending: boolean;
  ports: ServicePort[];
  /** kubectl's PORT(S) column. */
  portsText: string;
  selector: Record<string, string>;
  annotations: Record<string, string>;
  loadBalancerIP: string | null;
  createdAt: string;
  event: ServiceEvent | null;
  /** Made by the device, not by an admin (kubernetes, kube-dns, edgehub). */
  system: boolean;
}

/** (ours) edgehub's cluster IP: the service CIDR's 100th address, kept out of allocation. */
export const EDGEHUB_CLUSTER_IP_OFFSET = 100;

function tcp(port: number, nodePort: number | null = null, protocol: ServiceProtocol = 'TCP') {
  return { name: null, protocol, port, targetPort: port, nodePort };
}

/**
 * Every service of the cluster, the device's own first, once compute is Configured (else none).
 * `systemCreatedAt` is the time the cluster came up (the AGE of its own services).
 */
export function listServices(device: DeviceConfig, systemCreatedAt: string): ServiceView[] {
  if (device.compute.state !== 'Configured') return [];
  const range = serviceCidrRange(device.compute.serviceCidr);
  const out: ServiceView[] = [];
  const system = (
    name: string,
    namespace: string,
    type: ServiceType,
    clusterIP: string,
    ports: ServicePort[],
    externalIP: string | null,
  ): ServiceView => ({
    name,
    namespace,
    type,
    clusterIP,
    externalIP,
    pending: type === 'LoadBalancer' && externalIP === null,
    ports,
    portsText: formatServicePorts(ports),
    selector: {},
    annotations: {},
    loadBalancerIP: null,
    createdAt: systemCreatedAt,
    event: null,
    system: true,
  });
  if (range) {
    out.push(
      system(
        'kubernetes',
        'default',
        'ClusterIP',
        formatIPv4(range.start + KUBERNETES_SERVICE_OFFSET),
        [tcp(443)],
        null,
      ),
      system(
        'kube-dns',
        'kube-system',
        'ClusterIP',
        formatIPv4(range.start + KUBE_DNS_SERVICE_OFFSET),
        [tcp(53, null, 'UDP'), tcp(53), tcp(9153)],
        null,
      ),
    );
    const pool = servicePool(device);
    out.push(
      system(
        EDGEHUB_SERVICE.name,
        EDGEHUB_SERVICE.namespace,
        'LoadBalancer',
        formatIPv4(range.start + EDGEHUB_CLUSTER_IP_OFFSET),
        EDGEHUB_SERVICE.ports.map((p) => tcp(p.port, p.nodePort)),
        pool ? formatIPv4(pool.start) : null,
      ),
    );
  }
  for (const s of device.services ?? []) {
    const externalIP = s.type === 'LoadBalancer' ? s.status.loadBalancerIP : null;
    out.push({
      name: s.name,
      namespace: s.namespace,
      type: s.type,
      clusterIP: s.clusterIP,
      externalIP,
      pending: s.type === 'LoadBalancer' && externalIP === null,
      ports: s.ports,
      portsText: formatServicePorts(s.ports),
      selector: s.selector,
      annotations: s.annotations,
      loadBalancerIP: s.loadBalancerIP,
      createdAt: s.createdAt,
      event: s.type === 'LoadBalancer' ? s.status.event : null,
      system: false,
    });
  }
  return out;
}

/** The pool as the Kubernetes page shows it: size, used, free, pending, and who holds what. */
export interface ServicePoolUsage {
  range: { start: string; end: string } | null;
  size: number;
  used: number;
  free: number;
  pending: number;
  /** Each held address with its services (`namespace/name`), in address order. */
  holders: { address: string; services: string[] }[];
}

export function servicePoolUsage(services: readonly ServiceView[], device: DeviceConfig) {
  const pool = servicePool(device);
  const byIp = new Map<string, string[]>();
  let pending = 0;
  for (const s of services) {
    if (s.type !== 'LoadBalancer') continue;
    if (s.externalIP === null) pending++;
    else byIp.set(s.externalIP, [...(byIp.get(s.externalIP) ?? []), serviceKey(s)]);
  }
  const holders = [...byIp]
    .map(([address, list]) => ({ address, services: list }))
    .sort((a, b) => parseIPv4(a.address) - parseIPv4(b.address));
  const size = pool ? pool.end - pool.start + 1 : 0;
  const usage: ServicePoolUsage = {
    range: pool ? { start: formatIPv4(pool.start), end: formatIPv4(pool.end) } : null,
    size,
    used: holders.length,
    free: Math.max(0, size - holders.length),
    pending,
    holders,
  };
  return usage;
}
