import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/compute-settings.json';
import {
  assertWellFormed,
  buildDevice,
  type DeviceSetup,
  expectIssue,
  expectNoCode,
  PORT3_STATIC,
  summarize,
} from '../test/helpers';
import {
  reservedServiceAddresses,
  SERVICE_CIDR_MAX_LENGTH,
  validateComputeSettings,
} from './compute-config';
import type { ComputeSettings } from './model';

const devices = fixtures.devices as Record<string, DeviceSetup>;
const defaults = fixtures.defaults as ComputeSettings;

describe('validateComputeSettings (fixtures)', () => {
  it.each(fixtures.cases)('$name', (row) => {
    const device = buildDevice({ ...devices[row.device], nodeCount: row.nodeCount ?? 1 });
    const settings = { ...defaults, ...row.settings } as ComputeSettings;
    const issues = validateComputeSettings(settings, device);
    expect(summarize(issues)).toEqual([...row.issues].sort());
    for (const [code, params] of Object.entries(row.params ?? {})) {
      expect(issues.find((i) => i.code === code)?.params).toEqual(params);
    }
    for (const i of issues) assertWellFormed(i);
  });
});

/** Port3 static 192.168.20.10/24, gateway .1, DNS .2; Port4 static 192.168.20.20/24. */
function lab(nodeCount = 1, extra: DeviceSetup['ports'] = {}) {
  return buildDevice({
    nodeCount,
    ports: {
      Port3: { ...PORT3_STATIC, dns: ['192.168.20.2'] },
      Port4: { dhcp: false, address: '192.168.20.20', subnetMask: '255.255.255.0' },
      ...extra,
    },
  });
}

function check(patch: Partial<ComputeSettings>, device = lab()) {
  return validateComputeSettings({ ...defaults, ...patch }, device);
}

const range = (start: string, end: string) => ({ start, end });

describe('SPEC §2 Compute, rule by rule', () => {
  it('at most one compute port', () => {
    // SPEC §2 Compute: "at most one compute port" — enforced by the document's shape: computePort
    // is one port name or null, so a second compute port cannot be expressed. What can be checked
    // is that the one named must exist.
    expectIssue(check({ computePort: 'Port9' }), 'computePort', 'compute.portUnknown');
    expect(check({ computePort: 'Port3' })).toEqual([]);
  });

  it('the compute port has IP enabled', () => {
    // SPEC §2 Compute: "the compute port has IP enabled"
    const device = lab(1, { Port3: { ...PORT3_STATIC, ipEnabled: false } });
    expectIssue(check({}, device), 'computePort', 'compute.portIpDisabled');
    // Near miss: IP enabled.
    expectNoCode(check({}), 'compute.portIpDisabled');
  });

  it('a DHCP compute port → warning', () => {
    // SPEC §2 Compute: "a DHCP compute port → warning (its subnet may change; ...)"
    const device = lab(1, { Port3: { ...PORT3_STATIC, dns: ['192.168.20.2'], dhcp: true } });
    const issues = check({}, device);
    expectIssue(issues, 'computePort', 'compute.portDhcp', 'warning');
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Near miss: a static compute port has no warning.
    expect(check({})).toEqual([]);
  });

  it('each range: valid IPv4', () => {
    // SPEC §2 Compute: "each range: valid IPv4"
    expectIssue(
      check({ nodeIpRange: range('192.168.20.050', '192.168.20.51') }),
      'nodeIpRange.start',
      'address.invalid',
    );
    expectIssue(
      check({ serviceIpRange: range('192.168.20.60', 'fd00::61') }),
      'serviceIpRange.end',
      'compute.rangeNotIPv4',
    );
    // Near miss: both ends valid.
    expect(check({ serviceIpRange: range('192.168.20.60', '192.168.20.99') })).toEqual([]);
  });

  it('each range: start ≤ end', () => {
    // SPEC §2 Compute: "each range: ... start ≤ end"
    expectIssue(
      check({ serviceIpRange: range('192.168.20.61', '192.168.20.60') }),
      'serviceIpRange.end',
      'range.startAfterEnd',
    );
    // Near miss: start = end.
    expect(check({ serviceIpRange: range('192.168.20.61', '192.168.20.61') })).toEqual([]);
  });

  it("each range: inside the compute port's subnet", () => {
    // SPEC §2 Compute: "each range: ... inside the compute port's subnet"
    const issues = check({ nodeIpRange: range('192.168.30.50', '192.168.30.51') });
    const start = expectIssue(issues, 'nodeIpRange.start', 'compute.rangeOutsideSubnet');
    expect(start.params).toEqual({
      address: '192.168.30.50',
      port: 'Port3',
      subnet: '192.168.20.0/24',
    });
    expectIssue(issues, 'nodeIpRange.end', 'compute.rangeOutsideSubnet');
    // Near miss: the last host of the subnet is inside.
    expectNoCode(
      check({ serviceIpRange: range('192.168.20.254', '192.168.20.254') }),
      'compute.rangeOutsideSubnet',
    );
  });

  it("each range: excludes the subnet's network address", () => {
    // SPEC §2 Compute: "each range: ... excludes the subnet's network and broadcast addresses"
    expectIssue(
      check({ serviceIpRange: range('192.168.20.0', '192.168.20.0') }),
      'serviceIpRange.start',
      'compute.rangeIncludesNetwork',
    );
    // Near miss: a /25 port starting at .128 — .128 is its network address; .129 is a host.
    const device = lab(1, {
      Port3: {
        ...PORT3_STATIC,
        address: '192.168.20.130',
        subnetMask: '255.255.255.128',
        gateway: null,
      },
    });
    expectIssue(
      check({ nodeIpRange: range('192.168.20.128', '192.168.20.131') }, device),
      'nodeIpRange.start',
      'compute.rangeIncludesNetwork',
    );
    expect(
      check(
        {
          nodeIpRange: range('192.168.20.131', '192.168.20.132'),
          serviceIpRange: range('192.168.20.140', '192.168.20.140'),
        },
        device,
      ),
    ).toEqual([]);
  });

  it("each range: excludes the subnet's broadcast address", () => {
    // SPEC §2 Compute: "each range: ... excludes the subnet's network and broadcast addresses"
    expectIssue(
      check({ serviceIpRange: range('192.168.20.250', '192.168.20.255') }),
      'serviceIpRange.end',
      'compute.rangeIncludesBroadcast',
    );
    // Near miss: up to the last host.
    expect(check({ serviceIpRange: range('192.168.20.250', '192.168.20.254') })).toEqual([]);
  });

  it('each range: excludes every port address on the device', () => {
    // SPEC §2 Compute: "each range: ... excludes every port address, gateway and DNS server on the device"
    const own = expectIssue(
      check({ nodeIpRange: range('192.168.20.9', '192.168.20.11') }),
      'nodeIpRange',
      'compute.rangeIncludesPortAddress',
    );
    expect(own.params).toEqual({ address: '192.168.20.10', port: 'Port3' });
    const other = expectIssue(
      check({ serviceIpRange: range('192.168.20.20', '192.168.20.20') }),
      'serviceIpRange',
      'compute.rangeIncludesPortAddress',
    );
    expect(other.params).toEqual({ address: '192.168.20.20', port: 'Port4' });
    // Near miss: the addresses around Port4's.
    expect(
      check({
        nodeIpRange: range('192.168.20.18', '192.168.20.19'),
        serviceIpRange: range('192.168.20.21', '192.168.20.21'),
      }),
    ).toEqual([]);
  });

  it('each range: excludes every gateway on the device', () => {
    // SPEC §2 Compute: "each range: ... excludes every port address, gateway and DNS server on the device"
    expectIssue(
      check({ serviceIpRange: range('192.168.20.1', '192.168.20.1') }),
      'serviceIpRange',
      'compute.rangeIncludesGateway',
    );
    // A gateway of another port counts too.
    const device = lab(1, {
      Port4: {
        dhcp: false,
        address: '192.168.20.20',
        subnetMask: '255.255.255.0',
        gateway: '192.168.20.254',
      },
    });
    expectIssue(
      check({ serviceIpRange: range('192.168.20.250', '192.168.20.254') }, device),
      'serviceIpRange',
      'compute.rangeIncludesGateway',
    );
    expectNoCode(
      check({ serviceIpRange: range('192.168.20.250', '192.168.20.253') }, device),
      'compute.rangeIncludesGateway',
    );
  });

  it('each range: excludes every DNS server on the device', () => {
    // SPEC §2 Compute: "each range: ... excludes every port address, gateway and DNS server on the device"
    expectIssue(
      check({ nodeIpRange: range('192.168.20.2', '192.168.20.3') }),
      'nodeIpRange',
      'compute.rangeIncludesDns',
    );
    // Near miss: right after it.
    expectNoCode(
      check({ nodeIpRange: range('192.168.20.3', '192.168.20.4') }),
      'compute.rangeIncludesDns',
    );
  });

  it('node range size ≥ nodeCount + 1', () => {
    // SPEC §2 Compute: "node range size ≥ nodeCount + 1"
    const one = expectIssue(
      check({ nodeIpRange: range('192.168.20.50', '192.168.20.50') }),
      'nodeIpRange',
      'compute.nodeRangeTooSmall',
    );
    expect(one.params).toEqual({ size: 1, required: 2, nodeCount: 1 });
    // Source article: 2 addresses for one node, 3 for two.
    expect(check({ nodeIpRange: range('192.168.20.50', '192.168.20.51') }, lab(1))).toEqual([]);
    const two = expectIssue(
      check({ nodeIpRange: range('192.168.20.50', '192.168.20.51') }, lab(2)),
      'nodeIpRange',
      'compute.nodeRangeTooSmall',
    );
    expect(two.params).toEqual({ size: 2, required: 3, nodeCount: 2 });
    expect(check({ nodeIpRange: range('192.168.20.50', '192.168.20.52') }, lab(2))).toEqual([]);
  });

  it('service range size ≥ 1', () => {
    // SPEC §2 Compute: "service range size ≥ 1" — a range always holds its start, so "no range" is
    // the only way to have none.
    expectIssue(check({ serviceIpRange: null }), 'serviceIpRange', 'field.required');
    expectIssue(check({ nodeIpRange: null }), 'nodeIpRange', 'field.required');
    // Near miss: one address.
    expect(check({ serviceIpRange: range('192.168.20.60', '192.168.20.60') })).toEqual([]);
  });

  it('node and service ranges do not overlap each other', () => {
    // SPEC §2 Compute: "node and service ranges do not overlap each other"
    const issue = expectIssue(
      check({
        nodeIpRange: range('192.168.20.50', '192.168.20.55'),
        serviceIpRange: range('192.168.20.53', '192.168.20.60'),
      }),
      'serviceIpRange',
      'compute.rangesOverlap',
    );
    expect(issue.params).toEqual({ first: '192.168.20.53', last: '192.168.20.55' });
    // Near miss: adjacent.
    expect(
      check({
        nodeIpRange: range('192.168.20.50', '192.168.20.52'),
        serviceIpRange: range('192.168.20.53', '192.168.20.60'),
      }),
    ).toEqual([]);
  });

  /** Port3 on 172.16.0.0/12, which holds both default cluster CIDRs. */
  const wide = () =>
    lab(1, {
      Port3: {
        ...PORT3_STATIC,
        address: '172.20.0.10',
        subnetMask: '255.240.0.0',
        gateway: '172.20.0.1',
      },
      Port4: { dhcp: true, address: null, subnetMask: null },
    });

  it('neither range overlaps the pod CIDR (172.27.0.0/16)', () => {
    // SPEC §2 Compute: "neither range, nor any port subnet, overlaps the pod or service CIDR" (ranges, pod)
    const issue = expectIssue(
      check(
        {
          nodeIpRange: range('172.27.0.50', '172.27.0.51'),
          serviceIpRange: range('172.20.0.60', '172.20.0.60'),
        },
        wide(),
      ),
      'nodeIpRange',
      'compute.rangeOverlapsPodCidr',
    );
    expect(issue.params).toEqual({ cidr: '172.27.0.0/16' });
    // Near miss: the addresses just below.
    expectNoCode(
      check(
        {
          nodeIpRange: range('172.26.255.254', '172.26.255.255'),
          serviceIpRange: range('172.20.0.60', '172.20.0.60'),
        },
        wide(),
      ),
      'compute.rangeOverlapsPodCidr',
    );
  });

  it('neither range overlaps the service CIDR (172.28.0.0/16)', () => {
    // SPEC §2 Compute: "neither range, nor any port subnet, overlaps the pod or service CIDR" (ranges, service)
    const issue = expectIssue(
      check(
        {
          nodeIpRange: range('172.20.0.50', '172.20.0.51'),
          serviceIpRange: range('172.28.0.1', '172.28.0.10'),
        },
        wide(),
      ),
      'serviceIpRange',
      'compute.rangeOverlapsServiceCidr',
    );
    expect(issue.params).toEqual({ cidr: '172.28.0.0/16' });
    // Near miss: the first address after it.
    expectNoCode(
      check(
        {
          nodeIpRange: range('172.20.0.50', '172.20.0.51'),
          serviceIpRange: range('172.29.0.0', '172.29.0.1'),
        },
        wide(),
      ),
      'compute.rangeOverlapsServiceCidr',
    );
  });

  it('no port subnet overlaps the pod CIDR', () => {
    // SPEC §2 Compute: "neither range, nor any port subnet, overlaps the pod or service CIDR" (subnets, pod)
    const device = lab(1, {
      Port2: { dhcp: true, address: '172.27.8.10', subnetMask: '255.255.255.0' },
    });
    const issue = expectIssue(check({}, device), 'podCidr', 'port.subnetOverlapsPodCidr');
    expect(issue.params).toEqual({ port: 'Port2', subnet: '172.27.8.0/24', cidr: '172.27.0.0/16' });
    // Near miss: the subnet next to it.
    const near = lab(1, {
      Port2: { dhcp: true, address: '172.26.8.10', subnetMask: '255.255.255.0' },
    });
    expect(check({}, near)).toEqual([]);
  });

  it('no port subnet overlaps the service CIDR', () => {
    // SPEC §2 Compute: "neither range, nor any port subnet, overlaps the pod or service CIDR" (subnets, service)
    const device = lab(1, {
      Port5: { dhcp: false, address: '172.28.0.100', subnetMask: '255.255.255.0' },
    });
    expectIssue(check({}, device), 'serviceCidr', 'port.subnetOverlapsServiceCidr');
    // Near miss: the port is there, but IP is disabled on it.
    const off = lab(1, {
      Port5: {
        ipEnabled: false,
        dhcp: false,
        address: '172.28.0.100',
        subnetMask: '255.255.255.0',
      },
    });
    expect(check({}, off)).toEqual([]);
  });

  it('pod and service CIDRs are valid IPv4 prefixes', () => {
    // SPEC §2 Compute: "pod and service CIDRs are valid IPv4 prefixes"
    expectIssue(check({ podCidr: '172.27.0.0/33' }), 'podCidr', 'prefix.lengthInvalid');
    expectIssue(check({ podCidr: '172.27.0.0' }), 'podCidr', 'prefix.invalid');
    const hostBits = expectIssue(
      check({ serviceCidr: '172.28.0.10/16' }),
      'serviceCidr',
      'prefix.hostBits',
    );
    expect(hostBits.params.canonical).toBe('172.28.0.0/16');
    expectIssue(check({ serviceCidr: 'fd00::/108' }), 'serviceCidr', 'compute.cidrNotIPv4');
    // Near miss: Kubernetes' usual values.
    expect(check({ podCidr: '10.244.0.0/16', serviceCidr: '10.96.0.0/12' })).toEqual([]);
  });

  it('the service CIDR holds the kubernetes and kube-dns addresses', () => {
    // SPEC §1.2: "in the service CIDR 172.28.0.1 is the kubernetes service and 172.28.0.10 is CoreDNS"
    expect(SERVICE_CIDR_MAX_LENGTH).toBe(28);
    expectIssue(
      check({ serviceCidr: '10.96.0.0/29' }),
      'serviceCidr',
      'compute.serviceCidrTooSmall',
    );
    expect(check({ serviceCidr: '10.96.0.0/28' })).toEqual([]);
  });

  it('pod and service CIDRs do not overlap each other', () => {
    // SPEC §2 Compute: "pod and service CIDRs ... do not overlap each other"
    const issue = expectIssue(
      check({ podCidr: '172.28.128.0/17' }),
      'serviceCidr',
      'compute.cidrsOverlap',
    );
    expect(issue.params).toEqual({ podCidr: '172.28.128.0/17', serviceCidr: '172.28.0.0/16' });
    // Near miss: neighbours.
    expect(check({ podCidr: '172.29.0.0/16' })).toEqual([]);
  });
});

describe('reservedServiceAddresses', () => {
  it('names 172.28.0.1 (kubernetes) and 172.28.0.10 (kube-dns) in the default service CIDR', () => {
    expect(reservedServiceAddresses('172.28.0.0/16')).toEqual({
      kubernetes: '172.28.0.1',
      kubeDns: '172.28.0.10',
    });
  });

  it.each([
    ['10.96.0.0/12', { kubernetes: '10.96.0.1', kubeDns: '10.96.0.10' }],
    ['192.168.200.16/28', { kubernetes: '192.168.200.17', kubeDns: '192.168.200.26' }],
    ['192.168.200.16/29', null],
    ['172.28.0.1/16', null],
    ['172.28.0.0', null],
    ['fd00::/108', null],
    ['', null],
  ])('%s → %j', (cidr, expected) => {
    expect(reservedServiceAddresses(cidr)).toEqual(expected);
  });
});

describe('properties', () => {
  const ipLike = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(172, 192, 10),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 256 }),
      )
      .map((p) => p.join('.')),
    fc.constantFrom(
      '192.168.20.50',
      '192.168.20.51',
      '172.27.0.0/16',
      '172.28.0.0/16',
      '::',
      'fd00::/108',
      '',
    ),
  );
  const text = fc.oneof(fc.string(), ipLike);
  const rangeArb = fc.option(fc.record({ start: text, end: text }));

  it('validateComputeSettings never throws and returns well-formed issues', () => {
    fc.assert(
      fc.property(
        fc.record({
          computePort: fc.option(fc.oneof(fc.constantFrom('Port3', 'port3', 'Port4'), fc.string())),
          nodeIpRange: rangeArb,
          serviceIpRange: rangeArb,
          podCidr: text,
          serviceCidr: text,
        }),
        fc.constantFrom(1, 2),
        (settings, nodeCount) => {
          const issues = validateComputeSettings(settings, lab(nodeCount));
          for (const i of issues) assertWellFormed(i);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
