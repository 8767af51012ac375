/**
 * Custom route rules (SPEC §1.3, §2). Paths are relative to the `POST /api/routes` body.
 * Routes live on the Kubernetes master and worker VMs only, on a port with a static configuration.
 */
import { formatIPv4, formatIpAddress, type IpAddress, parseIpAddress } from './address';
import { type Issue, issue, issueFromError, paramText, warning } from './issues';
import {
  type DeviceConfig,
  findPortCaseInsensitive,
  INTERNAL_SWITCH_CIDR,
  INTERNAL_SWITCH_NAME,
  type IpRange,
  ROUTE_METRIC_DEFAULT,
  ROUTE_METRIC_MAX,
  ROUTE_METRIC_MIN,
  type RouteConfig,
  type RouteStatus,
} from './model';
import { type PortSubnet, portSubnet } from './port-config';
import {
  formatPrefix,
  type IpPrefix,
  parsePrefix,
  prefixContains,
  prefixContainsPrefix,
  prefixesEqual,
} from './prefix';
import { LIMITED_BROADCAST_PREFIX, LOOPBACK_PREFIX, MULTICAST_PREFIX } from './special-prefixes';

/** What a client sends: the cmdlet's parameters. `routeMetric` may be omitted (256). */
export interface RouteInput {
  interfaceAlias: string;
  destinationPrefix: string;
  nextHop: string;
  routeMetric?: number | string | null;
}

/** fe80::/10, link-local (RFC 4291 §2.5.6). */
const LINK_LOCAL_V6: IpPrefix = { family: 6, network: 0xfe80n << 112n, length: 10 };

/** The metric as an integer 0–65535, 256 when absent; null when it is not one. */
export function parseRouteMetric(value: RouteInput['routeMetric']): number | null {
  if (value === undefined || value === null || value === '') return ROUTE_METRIC_DEFAULT;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' &&
    Number.isInteger(n) &&
    n >= ROUTE_METRIC_MIN &&
    n <= ROUTE_METRIC_MAX
    ? n
    : null;
}

/** Whether the next hop means "on-link" (no gateway): 0.0.0.0 or ::. */
export function isOnLink(nextHop: IpAddress): boolean {
  return nextHop.value === 0n;
}

interface ParsedRoute {
  destination: IpPrefix | null;
  nextHop: IpAddress | null;
  metric: number | null;
}

/** A required text field parsed: `field.required` when empty, the parser's issue when malformed. */
function parseRequired<T>(
  input: RouteInput,
  field: 'destinationPrefix' | 'nextHop',
  parse: (text: string) => T,
  issues: Issue[],
): T | null {
  const text = input[field];
  if (!text) {
    issues.push(issue(field, 'field.required'));
    return null;
  }
  try {
    return parse(text);
  } catch (error) {
    issues.push(issueFromError(field, error));
    return null;
  }
}

function parseRouteFields(input: RouteInput, issues: Issue[]): ParsedRoute {
  const destination = parseRequired(input, 'destinationPrefix', parsePrefix, issues);
  const nextHop = parseRequired(input, 'nextHop', parseIpAddress, issues);
  const metric = parseRouteMetric(input.routeMetric);
  if (metric === null) {
    issues.push(
      issue('routeMetric', 'route.metricInvalid', {
        value: paramText(input.routeMetric),
        min: ROUTE_METRIC_MIN,
        max: ROUTE_METRIC_MAX,
      }),
    );
  }
  return { destination, nextHop, metric };
}

export interface ClusterPrefixes {
  pod: IpPrefix | null;
  service: IpPrefix | null;
}

export function clusterPrefixes(device: Pick<DeviceConfig, 'compute'>): ClusterPrefixes {
  const parse = (text: string) => {
    try {
      return parsePrefix(text, { allowBareAddress: false });
    } catch {
      return null;
    }
  };
  return { pod: parse(device.compute.podCidr), service: parse(device.compute.serviceCidr) };
}

/** The metric of the kernel's connected routes (proto kernel): 0. */
export const CONNECTED_ROUTE_METRIC = 0;

/** The internal virtual switch's subnet, connected on every VM's internal NIC. */
export const INTERNAL_SWITCH_PREFIX: IpPrefix = parsePrefix(INTERNAL_SWITCH_CIDR);

/** What every route of one device is checked against, parsed once per device, not per route. */
export interface RouteContext {
  cluster: ClusterPrefixes;
  subnets: Map<string, PortSubnet | null>;
  /** The VMs' node IPs and the external service IP range as uint32 bounds, or null. */
  nodeRange: { start: number; end: number } | null;
  serviceRange: { start: number; end: number } | null;
}

function parseRangeOrNull(range: IpRange | null): { start: number; end: number } | null {
  if (!range) return null;
  try {
    const start = parseIpAddress(range.start);
    const end = parseIpAddress(range.end);
    if (start.family !== 4 || end.family !== 4 || start.value > end.value) return null;
    return { start: Number(start.value), end: Number(end.value) };
  } catch {
    return null;
  }
}

/**
 * The node IPs the VMs take: the first nodeCount + 1 of the range (one master, one worker per
 * node); the whole range when the node count is not known.
 */
function nodeIps(
  device: Pick<DeviceConfig, 'compute'> & Partial<Pick<DeviceConfig, 'nodeCount'>>,
): { start: number; end: number } | null {
  const range = device.compute.computePort ? parseRangeOrNull(device.compute.nodeIpRange) : null;
  if (!range || typeof device.nodeCount !== 'number') return range;
  return { start: range.start, end: Math.min(range.end, range.start + device.nodeCount) };
}

export function routeContext(
  device: Pick<DeviceConfig, 'ports' | 'compute'> & Partial<Pick<DeviceConfig, 'nodeCount'>>,
): RouteContext {
  return {
    cluster: clusterPrefixes(device),
    subnets: new Map(device.ports.map((p) => [p.name, portSubnet(p)])),
    nodeRange: nodeIps(device),
    serviceRange: device.compute.computePort
      ? parseRangeOrNull(device.compute.serviceIpRange)
      : null,
  };
}

/** (doc names) The VM that takes the i-th node IP: the master first, then worker1, worker2… */
function nodeVmName(index: number): string {
  return index === 0 ? 'master' : `worker${index}`;
}

/**
 * Next-hop rules the VMs' Linux kernel enforces, or that would make the route point at the device
 * itself (SPEC §2, ours): not the subnet's network or broadcast address, not an address of the
 * device (any port, a node IP — local on its VM —, an external service IP). `hop` is inside
 * `subnet` and is not the route's own port address (checked before).
 */
function nextHopOwnerIssue(
  hop: number,
  text: string,
  alias: string,
  subnet: PortSubnet,
  device: Pick<DeviceConfig, 'ports'>,
  context: RouteContext,
): Issue | null {
  const subnetText = formatPrefix(subnet.prefix);
  // /31 (RFC 3021) and /32 have no network or broadcast address.
  if (subnet.prefix.length <= 30) {
    if (hop === subnet.first)
      return issue('nextHop', 'route.nextHopIsNetwork', {
        nextHop: text,
        interfaceAlias: alias,
        subnet: subnetText,
      });
    if (hop === subnet.last)
      return issue('nextHop', 'route.nextHopIsBroadcast', {
        nextHop: text,
        interfaceAlias: alias,
        subnet: subnetText,
      });
  }
  for (const [name, other] of context.subnets) {
    const port = device.ports.find((p) => p.name === name);
    if (other && port?.ipEnabled && other.address === hop)
      return issue('nextHop', 'route.nextHopIsPortAddress', { nextHop: text, port: name });
  }
  const nodes = context.nodeRange;
  if (nodes && hop >= nodes.start && hop <= nodes.end)
    return issue('nextHop', 'route.nextHopIsNodeIp', {
      nextHop: text,
      vm: nodeVmName(hop - nodes.start),
    });
  const services = context.serviceRange;
  if (services && hop >= services.start && hop <= services.end)
    return issue('nextHop', 'route.nextHopIsServiceIp', {
      nextHop: text,
      start: formatIPv4(services.start),
      end: formatIPv4(services.end),
    });
  return null;
}

/**
 * Destinations the kernel handles before or outside the main routing table (SPEC §2, ours):
 * loopback, multicast and the limited broadcast are errors.
 */
function specialDestinationIssue(destination: IpPrefix, text: string): Issue | null {
  if (destination.family !== 4) return null;
  if (prefixContainsPrefix(LOOPBACK_PREFIX, destination))
    return issue('destinationPrefix', 'route.destinationLoopback', { destination: text });
  if (prefixContainsPrefix(MULTICAST_PREFIX, destination))
    return issue('destinationPrefix', 'route.destinationMulticast', { destination: text });
  if (prefixesEqual(LIMITED_BROADCAST_PREFIX, destination))
    return issue('destinationPrefix', 'route.destinationBroadcast', { destination: text });
  return null;
}

/**
 * Validates one route against the device, without the uniqueness rule (see `validateRoute`).
 * `context` may be passed in when checking many routes of one device.
 */
export function validateRouteFields(
  input: RouteInput,
  device: Pick<DeviceConfig, 'ports' | 'compute'>,
  context: RouteContext = routeContext(device),
): Issue[] {
  const { cluster } = context;
  const issues: Issue[] = [];
  const port = input.interfaceAlias
    ? findPortCaseInsensitive(device, input.interfaceAlias)
    : undefined;
  if (!input.interfaceAlias) issues.push(issue('interfaceAlias', 'field.required'));
  else if (!port)
    issues.push(
      issue('interfaceAlias', 'route.interfaceUnknown', { interfaceAlias: input.interfaceAlias }),
    );
  else if (!port.ipEnabled)
    issues.push(
      issue('interfaceAlias', 'route.interfaceIpDisabled', { interfaceAlias: port.name }),
    );
  else if (port.dhcp)
    issues.push(issue('interfaceAlias', 'route.interfaceNotStatic', { interfaceAlias: port.name }));

  const { destination, nextHop, metric } = parseRouteFields(input, issues);
  if (destination && nextHop && destination.family !== nextHop.family) {
    issues.push(
      issue('nextHop', 'route.familyMismatch', {
        destination: input.destinationPrefix,
        nextHop: input.nextHop,
      }),
    );
    return issues;
  }
  const subnet = port?.ipEnabled && !port.dhcp ? (context.subnets.get(port.name) ?? null) : null;
  const alias = port?.name ?? input.interfaceAlias;
  if (nextHop && !isOnLink(nextHop)) {
    if (nextHop.family === 6) {
      if (!prefixContains(LINK_LOCAL_V6, nextHop))
        issues.push(issue('nextHop', 'route.nextHopNotLinkLocal', { nextHop: input.nextHop }));
    } else if (subnet) {
      if (!prefixContains(subnet.prefix, nextHop)) {
        issues.push(
          issue('nextHop', 'route.nextHopOutsideSubnet', {
            nextHop: input.nextHop,
            interfaceAlias: alias,
            subnet: formatPrefix(subnet.prefix),
          }),
        );
      } else if (Number(nextHop.value) === subnet.address) {
        issues.push(
          issue('nextHop', 'route.nextHopIsInterface', {
            nextHop: input.nextHop,
            interfaceAlias: alias,
          }),
        );
      } else {
        const owner = nextHopOwnerIssue(
          Number(nextHop.value),
          input.nextHop,
          alias,
          subnet,
          device,
          context,
        );
        if (owner) issues.push(owner);
      }
    }
  }
  if (destination) {
    const text = formatPrefix(destination);
    if (cluster.pod && prefixContainsPrefix(cluster.pod, destination)) {
      issues.push(
        issue('destinationPrefix', 'route.destinationInPodCidr', {
          destination: text,
          cidr: formatPrefix(cluster.pod),
        }),
      );
    } else if (cluster.service && prefixContainsPrefix(cluster.service, destination)) {
      issues.push(
        issue('destinationPrefix', 'route.destinationInServiceCidr', {
          destination: text,
          cidr: formatPrefix(cluster.service),
        }),
      );
    }
    const special = specialDestinationIssue(destination, text);
    if (special) issues.push(special);
    if (destination.length === 0) issues.push(warning('destinationPrefix', 'route.defaultRoute'));
    else if (subnet && prefixContainsPrefix(subnet.prefix, destination)) {
      issues.push(
        warning('destinationPrefix', 'route.destinationConnected', {
          destination: text,
          interfaceAlias: alias,
          subnet: formatPrefix(subnet.prefix),
        }),
      );
    } else if (prefixContainsPrefix(INTERNAL_SWITCH_PREFIX, destination)) {
      issues.push(
        warning('destinationPrefix', 'route.destinationInternalSubnet', {
          destination: text,
          subnet: INTERNAL_SWITCH_CIDR,
        }),
      );
    }
    // The kernel keys a route by prefix and metric: the same pair as a connected route is
    // refused with "File exists" (EEXIST).
    if (metric === CONNECTED_ROUTE_METRIC) {
      const connectedTo =
        subnet && prefixesEqual(subnet.prefix, destination)
          ? alias
          : prefixesEqual(INTERNAL_SWITCH_PREFIX, destination)
            ? INTERNAL_SWITCH_NAME
            : null;
      if (connectedTo)
        issues.push(
          issue('routeMetric', 'route.sameAsConnected', {
            destination: text,
            metric,
            connectedTo,
          }),
        );
    }
  }
  if (port) {
    const reason = inactiveReason(port.name, device);
    if (reason) issues.push(warning('interfaceAlias', reason.code, reason.params));
  }
  return issues;
}

/** The canonical key of a route: its port's name and its canonical destination prefix. */
export function routeIdentity(
  device: Pick<DeviceConfig, 'ports'>,
  interfaceAlias: string,
  destinationPrefix: string,
): string | null {
  const port = findPortCaseInsensitive(device, interfaceAlias);
  if (!port) return null;
  try {
    return `${port.name}|${formatPrefix(parsePrefix(destinationPrefix))}`;
  } catch {
    return null;
  }
}

/**
 * Index of the route (interface alias case-insensitive, prefix in any valid spelling), or -1.
 * Stored routes are in their canonical form (see `normalizeRoute`).
 */
export function findRouteIndex(
  device: Pick<DeviceConfig, 'ports' | 'routes'>,
  interfaceAlias: string,
  destinationPrefix: string,
): number {
  const key = routeIdentity(device, interfaceAlias, destinationPrefix);
  if (key === null) return -1;
  return device.routes.findIndex((r) => `${r.interfaceAlias}|${r.destinationPrefix}` === key);
}

/** Validates a route to add: every rule, including that (interface, destination) is new. */
export function validateRoute(
  input: RouteInput,
  device: Pick<DeviceConfig, 'ports' | 'compute' | 'routes'>,
): Issue[] {
  const issues = validateRouteFields(input, device);
  if (
    !issues.some((i) => i.path === 'destinationPrefix' && i.severity === 'error') &&
    findRouteIndex(device, input.interfaceAlias, input.destinationPrefix) !== -1
  ) {
    const port = findPortCaseInsensitive(device, input.interfaceAlias);
    issues.push(
      issue('destinationPrefix', 'route.duplicate', {
        interfaceAlias: port?.name ?? input.interfaceAlias,
        destinationPrefix: formatPrefix(parsePrefix(input.destinationPrefix)),
      }),
    );
  }
  return issues;
}

/** The stored form of a valid route: the port's own name, canonical prefix and next hop, metric. */
export function normalizeRoute(
  input: RouteInput,
  device: Pick<DeviceConfig, 'ports'>,
): RouteConfig {
  const port = findPortCaseInsensitive(device, input.interfaceAlias);
  return {
    interfaceAlias: port?.name ?? input.interfaceAlias,
    destinationPrefix: formatPrefix(parsePrefix(input.destinationPrefix)),
    nextHop: formatIpAddress(parseIpAddress(input.nextHop)),
    routeMetric: parseRouteMetric(input.routeMetric) ?? ROUTE_METRIC_DEFAULT,
  };
}

function inactiveReason(
  portName: string,
  device: Pick<DeviceConfig, 'compute'>,
): {
  code: 'route.notComputePort' | 'route.computeNotConfigured';
  params: Record<string, string>;
} | null {
  const { computePort, state } = device.compute;
  if (computePort !== null && computePort !== portName) {
    return { code: 'route.notComputePort', params: { interfaceAlias: portName, computePort } };
  }
  if (computePort === null || state !== 'Configured') {
    return { code: 'route.computeNotConfigured', params: {} };
  }
  return null;
}

/**
 * Whether a stored route is installed on the Kubernetes VMs: only on the compute port, once compute
 * is Configured, and while the port keeps a static configuration.
 */
export function routeStatus(
  route: RouteConfig,
  device: Pick<DeviceConfig, 'ports' | 'compute'>,
): RouteStatus {
  const port = findPortCaseInsensitive(device, route.interfaceAlias);
  const params = { interfaceAlias: port?.name ?? route.interfaceAlias };
  if (!port) return { active: false, reason: { code: 'route.interfaceUnknown', params } };
  if (!port.ipEnabled)
    return { active: false, reason: { code: 'route.interfaceIpDisabled', params } };
  if (port.dhcp) return { active: false, reason: { code: 'route.interfaceNotStatic', params } };
  const reason = inactiveReason(port.name, device);
  return reason ? { active: false, reason } : { active: true, reason: null };
}
