/**
 * The whole device document at once: every rule of ports, compute and routes, plus the rules that
 * cross them. And the authoritative change checks the server runs before it stores anything.
 */

import { formatIPv4 } from './address';
import { validateComputeSettings } from './compute-config';
import { findOverlappingRanges, type ParsedRange } from './ip-range';
import { formatIssue, type Issue, issue, issuesUnder, prefixIssuePaths, warning } from './issues';
import {
  type ComputeConfig,
  type ComputeSettings,
  type DeviceConfig,
  findPortCaseInsensitive,
  type IpRange,
  MTU_DEFAULT,
  type PortSettings,
  type RouteConfig,
  skuPortSpec,
} from './model';
import { type PortSubnet, portSubnet, validatePortSettings } from './port-config';
import { formatPrefix, prefixesOverlap } from './prefix';
import {
  clusterPrefixes,
  findRouteIndex,
  normalizeRoute,
  type RouteInput,
  routeContext,
  validateRoute,
  validateRouteFields,
} from './route-config';
import { serviceAddressChanges, withReconciledServices } from './services';
import { validateVirtualNetworking } from './virtual-switch';

/** Every issue of the device, with absolute paths (`ports.Port3.gateway`, `routes[2].nextHop`). */
export function validateDevice(device: DeviceConfig): Issue[] {
  const issues: Issue[] = [];
  for (const port of device.ports) {
    issues.push(
      ...prefixIssuePaths(validatePortSettings(port.name, port, device), `ports.${port.name}`),
    );
  }
  // Cross-port rules: one address per port; overlapping subnets make the egress port ambiguous.
  const subnets = device.ports.flatMap((port) => {
    const s = portSubnet(port);
    return s ? [{ port: port.name, subnet: s }] : [];
  });
  // The clash is reported on every port that has the address, so it shows on the one being edited.
  for (const a of subnets) {
    const other = subnets.find((b) => b !== a && b.subnet.address === a.subnet.address);
    if (other) {
      issues.push(
        issue(`ports.${a.port}.address`, 'port.addressInUse', {
          address: formatIPv4(a.subnet.address),
          other: other.port,
        }),
      );
    }
  }
  const ranges: ParsedRange[] = subnets.map(({ subnet }) => ({
    start: subnet.first,
    end: subnet.last,
  }));
  for (const [i, j] of findOverlappingRanges(ranges)) {
    const a = subnets[i] as (typeof subnets)[number];
    const b = subnets[j] as (typeof subnets)[number];
    const params = (x: typeof a, y: typeof a) => ({
      port: x.port,
      subnet: formatPrefix(x.subnet.prefix),
      other: y.port,
      otherSubnet: formatPrefix(y.subnet.prefix),
    });
    issues.push(warning(`ports.${a.port}.address`, 'port.subnetsOverlap', params(a, b)));
    issues.push(warning(`ports.${b.port}.address`, 'port.subnetsOverlap', params(b, a)));
  }

  issues.push(...portsInClusterCidrs(device, subnets));

  issues.push(...prefixIssuePaths(validateComputeSettings(device.compute, device), 'compute'));

  const context = routeContext(device);
  const keys = new Set<string>();
  device.routes.forEach((route, i) => {
    const path = `routes[${i}]`;
    for (const found of validateRouteFields(route, device, context)) {
      issues.push({ ...found, path: `${path}.${found.path}` });
    }
    const key = `${route.interfaceAlias}|${route.destinationPrefix}`;
    if (keys.has(key)) {
      issues.push(
        issue(`${path}.destinationPrefix`, 'route.duplicate', {
          interfaceAlias: route.interfaceAlias,
          destinationPrefix: route.destinationPrefix,
        }),
      );
    }
    keys.add(key);
  });
  issues.push(...validateVirtualNetworking(device));
  return issues;
}

/**
 * A port address or subnet inside the pod or service CIDR (SPEC §2, ports, added): a warning while
 * compute is not configured — it will block enabling compute — and an error once it is.
 */
function portsInClusterCidrs(
  device: DeviceConfig,
  subnets: { port: string; subnet: PortSubnet }[],
): Issue[] {
  const { pod, service } = clusterPrefixes(device);
  const severity = device.compute.state === 'Configured' ? 'error' : 'warning';
  const out: Issue[] = [];
  for (const { port, subnet } of subnets) {
    for (const [cidr, code] of [
      [pod, 'port.subnetOverlapsPodCidr'],
      [service, 'port.subnetOverlapsServiceCidr'],
    ] as const) {
      if (cidr && prefixesOverlap(subnet.prefix, cidr)) {
        out.push(
          issue(
            `ports.${port}.address`,
            code,
            { port, subnet: formatPrefix(subnet.prefix), cidr: formatPrefix(cidr) },
            severity,
          ),
        );
      }
    }
  }
  return out;
}

export interface ChangeResult {
  /** The device as it would be after the change. */
  device: DeviceConfig;
  /**
   * Issues of the changed part, relative to the request body, then new errors the change causes
   * elsewhere (absolute paths). Empty of errors: the change may be stored.
   */
  issues: Issue[];
}

function issueKey(i: Issue): string {
  return `${i.path}|${i.code}|${JSON.stringify(i.params)}`;
}

/**
 * Issues of `scope` in the candidate (relative), plus errors the change creates outside it (routes
 * grouped one message per cause). Every change check of the core goes through it.
 */
export function compareChange(
  current: DeviceConfig,
  candidate: DeviceConfig,
  scope: string,
): Issue[] {
  const after = validateDevice(candidate);
  const before = new Set(validateDevice(current).map(issueKey));
  const own = issuesUnder(after, scope);
  const elsewhere = after.filter(
    (i) =>
      i.severity === 'error' &&
      i.path !== scope &&
      !i.path.startsWith(`${scope}.`) &&
      !before.has(issueKey(i)),
  );
  return [...own, ...groupRouteIssues(elsewhere, candidate)];
}

const ROUTE_PATH = /^routes\[(\d+)\]\.(.+)$/;

/**
 * One issue per cause, naming the routes it affects (issue 11): a port change that leaves seven
 * routes without a static interface says so once, listing the seven, instead of seven times.
 * Issues of one code, field and parameters on several routes become one issue on `routes`; each
 * names its routes in a `routes` parameter, which `formatIssue` appends to the message.
 */
function groupRouteIssues(issues: Issue[], device: DeviceConfig): Issue[] {
  const groups = new Map<string, { first: Issue; routes: string[] }>();
  const out: (Issue | string)[] = [];
  for (const i of issues) {
    const m = ROUTE_PATH.exec(i.path);
    const route = m ? device.routes[Number(m[1])] : undefined;
    if (!m || !route) {
      out.push(i);
      continue;
    }
    const key = `${m[2]}|${i.code}|${i.severity}|${JSON.stringify(i.params)}`;
    const group = groups.get(key);
    const name = `${route.interfaceAlias} ${route.destinationPrefix}`;
    if (group) group.routes.push(name);
    else {
      groups.set(key, { first: i, routes: [name] });
      out.push(key);
    }
  }
  return out.map((x) => {
    if (typeof x !== 'string') return x;
    const { first, routes } = groups.get(x) as { first: Issue; routes: string[] };
    return {
      ...first,
      // One route keeps its field's path; several are the routes as a whole.
      path: routes.length === 1 ? first.path : 'routes',
      params: { ...first.params, routes: routes.join(', '), routeCount: routes.length },
    };
  });
}

/** A DHCP lease as the device reports it. */
export interface DhcpLease {
  address: string;
  subnetMask: string;
  gateway: string | null;
  dns: string[];
}

/**
 * Checks a change of one port's settings against the whole device. A DHCP port takes its address
 * from `lease` (or keeps the lease it has); IP settings typed for a DHCP port are not kept.
 */
export function checkPortChange(
  device: DeviceConfig,
  name: string,
  settings: PortSettings,
  lease?: DhcpLease | null,
): ChangeResult {
  const port = findPortCaseInsensitive(device, name);
  if (!port) return { device, issues: [issue('', 'port.unknown', { port: name })] };
  const spec = skuPortSpec(device.sku, port.name);
  const keepLease = port.dhcp && lease === undefined;
  const leased = settings.dhcp
    ? keepLease
      ? { address: port.address, subnetMask: port.subnetMask, gateway: port.gateway, dns: port.dns }
      : {
          address: lease?.address ?? null,
          subnetMask: lease?.subnetMask ?? null,
          gateway: lease?.gateway ?? null,
          dns: lease?.dns ?? [],
        }
    : {
        address: settings.address,
        subnetMask: settings.subnetMask,
        gateway: settings.gateway,
        dns: settings.dns,
      };
  const updated = {
    ...port,
    ipEnabled: settings.ipEnabled,
    dhcp: settings.dhcp,
    ...leased,
    dns: [...leased.dns],
    mtu: settings.mtu ?? (spec?.mtuConfigurable ? MTU_DEFAULT : null),
  };
  const candidate: DeviceConfig = {
    ...device,
    ports: device.ports.map((p) => (p.name === port.name ? updated : p)),
  };
  // The submitted settings are checked as typed, so a DHCP port's ignored fields cannot hide errors.
  const own = validatePortSettings(port.name, settings, device);
  const rest = compareChange(device, candidate, `ports.${port.name}`).filter(
    (i) => !own.some((o) => o.path === i.path && o.code === i.code),
  );
  return { device: candidate, issues: [...own, ...rest] };
}

const LOCKED_WHEN_CONFIGURED = ['computePort', 'nodeIpRange', 'podCidr', 'serviceCidr'] as const;
const ALL_COMPUTE_FIELDS = [...LOCKED_WHEN_CONFIGURED, 'serviceIpRange'] as const;

export type ComputeField = (typeof ALL_COMPUTE_FIELDS)[number];

/**
 * The compute fields that may not change now, each with the issue saying why: once compute is
 * Configured only the external service IPs may change (doc) — or compute may be disabled, which
 * `checkComputeChange` allows (ours); while a change is being applied nothing may change.
 */
export function lockedComputeFields(
  compute: Pick<ComputeConfig, 'state'>,
): Map<ComputeField, Issue> {
  const { state } = compute;
  const fields =
    state === 'Configuring'
      ? ALL_COMPUTE_FIELDS
      : state === 'Configured'
        ? LOCKED_WHEN_CONFIGURED
        : [];
  return new Map(fields.map((field) => [field, issue(field, 'compute.locked', { field, state })]));
}

/** The same setting: strings by value, ranges by their two ends whatever their key order. */
function sameValue(a: string | IpRange | null, b: string | IpRange | null): boolean {
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.start === b.start && a.end === b.end;
}

/** Checks a change of the compute settings, the locks of `lockedComputeFields` included. */
export function checkComputeChange(device: DeviceConfig, settings: ComputeSettings): ChangeResult {
  const port = settings.computePort
    ? findPortCaseInsensitive(device, settings.computePort)
    : undefined;
  const next: ComputeSettings = { ...settings, computePort: port?.name ?? settings.computePort };
  const disabling = device.compute.state === 'Configured' && next.computePort === null;
  // Services live on the cluster: disabling compute deletes the VMs and them (doc); a new
  // service range makes MetalLB re-evaluate every assignment (SPEC §9).
  const candidate: DeviceConfig = withReconciledServices({
    ...device,
    compute: { ...device.compute, ...next },
    ...(disabling && device.services ? { services: [] } : {}),
  });
  const locks: Issue[] = [];
  if (!disabling) {
    for (const [field, lock] of lockedComputeFields(device.compute)) {
      if (!sameValue(next[field], device.compute[field])) locks.push(lock);
    }
  }
  const moves = disabling ? [] : serviceAddressChanges(device, candidate, 'serviceIpRange');
  return {
    device: candidate,
    issues: [...locks, ...compareChange(device, candidate, 'compute'), ...moves],
  };
}

export interface RouteAddResult extends ChangeResult {
  /** The route as stored (canonical), or null when the input has errors. */
  route: RouteConfig | null;
}

/** Checks a route to add; on success the candidate device holds it at the end of `routes`. */
export function checkRouteAdd(device: DeviceConfig, input: RouteInput): RouteAddResult {
  const issues = validateRoute(input, device);
  if (issues.some((i) => i.severity === 'error')) return { device, issues, route: null };
  const route = normalizeRoute(input, device);
  return { device: { ...device, routes: [...device.routes, route] }, issues, route };
}

/** Removes a route; null when there is no such route. */
export function removeRoute(
  device: DeviceConfig,
  interfaceAlias: string,
  destinationPrefix: string,
): { device: DeviceConfig; route: RouteConfig } | null {
  const index = findRouteIndex(device, interfaceAlias, destinationPrefix);
  if (index === -1) return null;
  const route = device.routes[index] as RouteConfig;
  return { device: { ...device, routes: device.routes.filter((_, i) => i !== index) }, route };
}

/** One line per issue, for logs and the command line. */
export function describeIssues(issues: readonly Issue[], locale: 'en' | 'ja' = 'en'): string {
  return issues
    .map((i) => `${i.severity} ${i.path || '(document)'}: ${formatIssue(i, locale)}`)
    .join('\n');
}
