/**
 * Custom route rules (SPEC §1.3, §2). Paths are relative to the `POST /api/routes` body.
 * Routes live on the Kubernetes master and worker VMs only, on a port with a static configuration.
 */
import { formatIpAddress, type IpAddress, parseIpAddress } from './address';
import { type Issue, issue, issueFromError, paramText, warning } from './issues';
import {
  type DeviceConfig,
  findPortCaseInsensitive,
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
} from './prefix';

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

function parseRouteFields(input: RouteInput, issues: Issue[]): ParsedRoute {
  let destination: IpPrefix | null = null;
  let nextHop: IpAddress | null = null;
  if (!input.destinationPrefix) issues.push(issue('destinationPrefix', 'field.required'));
  else {
    try {
      destination = parsePrefix(input.destinationPrefix);
    } catch (error) {
      issues.push(issueFromError('destinationPrefix', error));
    }
  }
  if (!input.nextHop) issues.push(issue('nextHop', 'field.required'));
  else {
    try {
      nextHop = parseIpAddress(input.nextHop);
    } catch (error) {
      issues.push(issueFromError('nextHop', error));
    }
  }
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

/** What every route of one device is checked against, parsed once per device, not per route. */
export interface RouteContext {
  cluster: ClusterPrefixes;
  subnets: Map<string, PortSubnet | null>;
}

export function routeContext(device: Pick<DeviceConfig, 'ports' | 'compute'>): RouteContext {
  return {
    cluster: clusterPrefixes(device),
    subnets: new Map(device.ports.map((p) => [p.name, portSubnet(p)])),
  };
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

  const { destination, nextHop } = parseRouteFields(input, issues);
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
    if (destination.length === 0) issues.push(warning('destinationPrefix', 'route.defaultRoute'));
    else if (subnet && prefixContainsPrefix(subnet.prefix, destination)) {
      issues.push(
        warning('destinationPrefix', 'route.destinationConnected', {
          destination: text,
          interfaceAlias: alias,
          subnet: formatPrefix(subnet.prefix),
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
