/**
 * Compute rules (SPEC §2): the compute port, the Kubernetes node and external service IP ranges,
 * and the pod and service CIDRs. Paths are relative to the `PUT /api/compute` body.
 */
import { formatIPv4, isIPv6, parseIPv4 } from './address';
import { NetConfigError } from './errors';
import {
  type ParsedRange,
  prefixToRange,
  rangeContains,
  rangeOverlapsPrefix,
  rangeSize,
  rangesOverlap,
} from './ip-range';
import { type Issue, issue, issueFromError, warning } from './issues';
import {
  type ComputeSettings,
  type DeviceConfig,
  findPortCaseInsensitive,
  type IpRange,
  KUBE_DNS_SERVICE_OFFSET,
  KUBERNETES_SERVICE_OFFSET,
} from './model';
import { portSubnet } from './port-config';
import { formatPrefix, type IpPrefix, parsePrefix, prefixesOverlap } from './prefix';

/** Node IPs an n-node device needs: one master VM plus one worker VM per node (doc). */
export function requiredNodeIpCount(nodeCount: number): number {
  return nodeCount + 1;
}

/** External service IPs needed: at least one for MetalLB to hand out (doc). */
export const SERVICE_IP_MIN = 1;

/** The service CIDR needs room for the kube-dns address at offset 10: a /28 at the smallest. */
export const SERVICE_CIDR_MAX_LENGTH = 28;

function parseCidrField(path: string, text: string, issues: Issue[]): IpPrefix | null {
  try {
    const prefix = parsePrefix(text, { allowBareAddress: false });
    if (prefix.family !== 4) {
      issues.push(issue(path, 'compute.cidrNotIPv4', { value: text }));
      return null;
    }
    return prefix;
  } catch (error) {
    issues.push(issueFromError(path, error));
    return null;
  }
}

/** Pod and service CIDRs: valid IPv4 prefixes that do not overlap each other. */
export function parseClusterCidrs(
  settings: Pick<ComputeSettings, 'podCidr' | 'serviceCidr'>,
  issues: Issue[],
): { pod: IpPrefix | null; service: IpPrefix | null } {
  const pod = parseCidrField('podCidr', settings.podCidr, issues);
  const service = parseCidrField('serviceCidr', settings.serviceCidr, issues);
  if (service && service.length > SERVICE_CIDR_MAX_LENGTH) {
    issues.push(
      issue('serviceCidr', 'compute.serviceCidrTooSmall', {
        value: settings.serviceCidr,
        maxLength: SERVICE_CIDR_MAX_LENGTH,
      }),
    );
  }
  if (pod && service && prefixesOverlap(pod, service)) {
    issues.push(
      issue('serviceCidr', 'compute.cidrsOverlap', {
        podCidr: formatPrefix(pod),
        serviceCidr: formatPrefix(service),
      }),
    );
  }
  return { pod, service };
}

function parseRangeField(path: string, range: IpRange, issues: Issue[]): ParsedRange | null {
  const ends: (number | null)[] = (['start', 'end'] as const).map((key) => {
    const value = range[key];
    if (!value) {
      issues.push(issue(`${path}.${key}`, 'field.required'));
      return null;
    }
    try {
      return parseIPv4(value);
    } catch (error) {
      issues.push(
        isIPv6(value)
          ? issue(`${path}.${key}`, 'compute.rangeNotIPv4', { value })
          : issueFromError(`${path}.${key}`, error),
      );
      return null;
    }
  });
  const [start, end] = ends;
  if (start == null || end == null) return null;
  if (start > end) {
    issues.push(
      issue(`${path}.end`, 'range.startAfterEnd', { start: range.start, end: range.end }),
    );
    return null;
  }
  return { start, end };
}

/** Addresses on the device a range must not take: every port's address, gateway and DNS servers. */
function deviceAddresses(device: Pick<DeviceConfig, 'ports'>) {
  const out: {
    address: number;
    port: string;
    code:
      | 'compute.rangeIncludesPortAddress'
      | 'compute.rangeIncludesGateway'
      | 'compute.rangeIncludesDns';
  }[] = [];
  const add = (text: string | null, port: string, code: (typeof out)[number]['code']) => {
    if (!text) return;
    try {
      out.push({ address: parseIPv4(text), port, code });
    } catch {
      // An invalid address is reported by the port's own rules.
    }
  };
  for (const port of device.ports) {
    if (!port.ipEnabled) continue;
    add(port.address, port.name, 'compute.rangeIncludesPortAddress');
    add(port.gateway, port.name, 'compute.rangeIncludesGateway');
    for (const dns of port.dns) add(dns, port.name, 'compute.rangeIncludesDns');
  }
  return out;
}

/**
 * Validates the compute settings against the device's ports and node count. Locks (what may not
 * change once Configured) are checked by `checkComputeChange`, which knows the previous state.
 */
export function validateComputeSettings(
  settings: ComputeSettings,
  device: Pick<DeviceConfig, 'ports' | 'nodeCount' | 'firmware'>,
): Issue[] {
  const issues: Issue[] = [];
  const cidrs = parseClusterCidrs(settings, issues);
  const ranges: Record<'nodeIpRange' | 'serviceIpRange', ParsedRange | null> = {
    nodeIpRange: settings.nodeIpRange
      ? parseRangeField('nodeIpRange', settings.nodeIpRange, issues)
      : null,
    serviceIpRange: settings.serviceIpRange
      ? parseRangeField('serviceIpRange', settings.serviceIpRange, issues)
      : null,
  };

  if (settings.computePort === null) return issues;

  const port = findPortCaseInsensitive(device, settings.computePort);
  if (!port)
    return [...issues, issue('computePort', 'compute.portUnknown', { port: settings.computePort })];
  if (!port.ipEnabled)
    issues.push(issue('computePort', 'compute.portIpDisabled', { port: port.name }));
  else if (port.dhcp) issues.push(warning('computePort', 'compute.portDhcp', { port: port.name }));
  const subnet = portSubnet(port);
  if (port.ipEnabled && !subnet)
    issues.push(issue('computePort', 'compute.portNoAddress', { port: port.name }));

  // Every port subnet must stay clear of the cluster's own CIDRs (doc).
  for (const p of device.ports) {
    const s = portSubnet(p);
    if (!s) continue;
    if (cidrs.pod && prefixesOverlap(s.prefix, cidrs.pod)) {
      issues.push(
        issue('podCidr', 'port.subnetOverlapsPodCidr', {
          port: p.name,
          subnet: formatPrefix(s.prefix),
          cidr: formatPrefix(cidrs.pod),
        }),
      );
    }
    if (cidrs.service && prefixesOverlap(s.prefix, cidrs.service)) {
      issues.push(
        issue('serviceCidr', 'port.subnetOverlapsServiceCidr', {
          port: p.name,
          subnet: formatPrefix(s.prefix),
          cidr: formatPrefix(cidrs.service),
        }),
      );
    }
  }

  const taken = deviceAddresses(device);
  for (const key of ['nodeIpRange', 'serviceIpRange'] as const) {
    if (!settings[key]) {
      issues.push(...missingRangeIssues(key, settings, device.firmware));
      continue;
    }
    const range = ranges[key];
    if (!range) continue;
    if (subnet) {
      const subnetText = formatPrefix(subnet.prefix);
      const outside = (['start', 'end'] as const).filter(
        (end) => range[end] < subnet.first || range[end] > subnet.last,
      );
      for (const end of outside) {
        issues.push(
          issue(`${key}.${end}`, 'compute.rangeOutsideSubnet', {
            address: formatIPv4(range[end]),
            port: port.name,
            subnet: subnetText,
          }),
        );
      }
      if (outside.length === 0 && subnet.prefix.length <= 30) {
        if (rangeContains(range, subnet.first))
          issues.push(
            issue(`${key}.start`, 'compute.rangeIncludesNetwork', {
              address: formatIPv4(subnet.first),
              subnet: subnetText,
            }),
          );
        if (rangeContains(range, subnet.last))
          issues.push(
            issue(`${key}.end`, 'compute.rangeIncludesBroadcast', {
              address: formatIPv4(subnet.last),
              subnet: subnetText,
            }),
          );
      }
    }
    for (const t of taken) {
      if (rangeContains(range, t.address))
        issues.push(issue(key, t.code, { address: formatIPv4(t.address), port: t.port }));
    }
    if (cidrs.pod && rangeOverlapsPrefix(range, cidrs.pod))
      issues.push(issue(key, 'compute.rangeOverlapsPodCidr', { cidr: formatPrefix(cidrs.pod) }));
    if (cidrs.service && rangeOverlapsPrefix(range, cidrs.service))
      issues.push(
        issue(key, 'compute.rangeOverlapsServiceCidr', { cidr: formatPrefix(cidrs.service) }),
      );
  }

  const nodes = ranges.nodeIpRange;
  if (nodes) {
    // One master VM plus one worker VM per node (doc).
    const required = requiredNodeIpCount(device.nodeCount);
    const size = rangeSize(nodes);
    if (size < required)
      issues.push(
        issue('nodeIpRange', 'compute.nodeRangeTooSmall', {
          size,
          required,
          nodeCount: device.nodeCount,
        }),
      );
  }
  const services = ranges.serviceIpRange;
  if (nodes && services && rangesOverlap(nodes, services)) {
    issues.push(
      issue('serviceIpRange', 'compute.rangesOverlap', {
        first: formatIPv4(Math.max(nodes.start, services.start)),
        last: formatIPv4(Math.min(nodes.end, services.end)),
      }),
    );
  }
  return issues;
}

/** The `kubernetes` and `kube-dns` service addresses in a service CIDR (doc: .1 and .10). */
export function reservedServiceAddresses(
  serviceCidr: string,
): { kubernetes: string; kubeDns: string } | null {
  try {
    const prefix = parsePrefix(serviceCidr, { allowBareAddress: false });
    if (prefix.family !== 4 || prefix.length > SERVICE_CIDR_MAX_LENGTH) return null;
    const { start } = prefixToRange(prefix);
    return {
      kubernetes: formatIPv4(start + KUBERNETES_SERVICE_OFFSET),
      kubeDns: formatIPv4(start + KUBE_DNS_SERVICE_OFFSET),
    };
  } catch {
    return null;
  }
}

/**
 * A compute range left empty. Firmware 2021 (the seed's Compute page) requires both. Firmware 2023
 * (doc): compute with no Kubernetes IPs at all serves virtual machines only; service IPs are
 * strongly recommended, not required (a warning); service IPs without node IPs make no sense.
 */
function missingRangeIssues(
  key: 'nodeIpRange' | 'serviceIpRange',
  settings: ComputeSettings,
  firmware: DeviceConfig['firmware'],
): Issue[] {
  if (firmware !== '2023') return [issue(key, 'field.required')];
  if (key === 'nodeIpRange') return settings.serviceIpRange ? [issue(key, 'field.required')] : [];
  return settings.nodeIpRange ? [warning(key, 'compute.serviceIpsRecommended')] : [];
}

/**
 * A pod or service CIDR as `Set-HcsKubeClusterNetworkInfo` takes it (SPEC §8, doc): the device's
 * own example `-PodSubnet 10.96.0.1/16` has host bits set, and is stored as the network
 * `10.96.0.0/16` with a warning saying so. Anything else is returned as typed, for the compute
 * rules to judge. `path` names the field the warning is about.
 */
export function normalizeClusterCidr(
  text: string,
  path: 'podCidr' | 'serviceCidr',
): { cidr: string; issue: Issue | null } {
  try {
    parsePrefix(text, { allowBareAddress: false });
    return { cidr: text, issue: null };
  } catch (error) {
    if (error instanceof NetConfigError && error.code === 'prefix.hostBits') {
      const canonical = String(error.params.canonical);
      return {
        cidr: canonical,
        issue: warning(path, 'compute.cidrHostBits', { value: text, canonical }),
      };
    }
    return { cidr: text, issue: null };
  }
}
