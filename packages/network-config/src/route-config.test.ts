import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/routes.json';
import {
  assertWellFormed,
  buildDevice,
  type DeviceSetup,
  expectIssue,
  expectNoCode,
  labDevice,
  loose,
  summarize,
} from '../test/helpers';
import { parseIpAddress } from './address';
import { ROUTE_METRIC_DEFAULT, type RouteConfig } from './model';
import {
  findRouteIndex,
  isOnLink,
  normalizeRoute,
  parseRouteMetric,
  type RouteInput,
  routeStatus,
  validateRoute,
  validateRouteFields,
} from './route-config';

const devices = fixtures.devices as Record<string, DeviceSetup>;

describe('validateRoute (fixtures)', () => {
  it.each(fixtures.cases)('$name', (row) => {
    const device = buildDevice(devices[row.device]);
    const issues = validateRoute(row.route as RouteInput, device);
    expect(summarize(issues)).toEqual([...row.issues].sort());
    for (const [code, params] of Object.entries(row.params ?? {})) {
      expect(issues.find((i) => i.code === code)?.params).toEqual(params);
    }
    for (const i of issues) assertWellFormed(i);
  });
});

const SOURCE_ROUTE = {
  interfaceAlias: 'Port3',
  destinationPrefix: '192.168.20.0/24',
  nextHop: '192.168.20.1',
  routeMetric: 100,
};
const SECOND_ROUTE = { ...SOURCE_ROUTE, destinationPrefix: '192.168.21.0/24' };

/** Port3 compute (Configured) at 192.168.20.10/24; Port4 static 10.0.4.10/24; Port2 DHCP. */
function lab(state: 'Configured' | 'NotConfigured' = 'Configured', routes: RouteConfig[] = []) {
  return labDevice(state, {
    ports: {
      Port4: { dhcp: false, address: '10.0.4.10', subnetMask: '255.255.255.0', gateway: null },
    },
    routes,
  });
}

function check(patch: Partial<RouteInput>, device = lab()) {
  return validateRoute({ ...SECOND_ROUTE, ...patch }, device);
}

describe('the source article, verbatim', () => {
  it('192.168.20.0/24 via 192.168.20.1 metric 100 on Port3 (192.168.20.10/255.255.255.0): accepted with the connected-subnet warning', () => {
    const issues = validateRoute(SOURCE_ROUTE, lab());
    expect(summarize(issues)).toEqual(['warning destinationPrefix route.destinationConnected']);
    expect(issues[0]?.params).toEqual({
      destination: '192.168.20.0/24',
      interfaceAlias: 'Port3',
      subnet: '192.168.20.0/24',
    });
  });

  it('192.168.21.0/24 via 192.168.20.1 metric 100 on Port3: no errors, and no warnings once compute is Configured', () => {
    expect(validateRoute(SECOND_ROUTE, lab('Configured'))).toEqual([]);
    const before = validateRoute(SECOND_ROUTE, lab('NotConfigured'));
    expect(summarize(before)).toEqual(['warning interfaceAlias route.computeNotConfigured']);
  });
});

describe('SPEC §2 Routes, rule by rule', () => {
  it('the interface exists', () => {
    // SPEC §2 Routes: "the interface exists and has a static IPv4 configuration"
    const issue = expectIssue(
      check({ interfaceAlias: 'Port7' }),
      'interfaceAlias',
      'route.interfaceUnknown',
    );
    expect(issue.params).toEqual({ interfaceAlias: 'Port7' });
    // Near miss: aliases match case-insensitively, as in PowerShell.
    expect(check({ interfaceAlias: 'PORT3' })).toEqual([]);
  });

  it('the interface has IP enabled', () => {
    // SPEC §2 Routes: "... has a static IPv4 configuration (IP enabled, not DHCP)" (IP enabled)
    const device = lab();
    const port4 = device.ports.find((p) => p.name === 'Port4');
    if (port4) port4.ipEnabled = false;
    expectIssue(
      check({ interfaceAlias: 'Port4', nextHop: '0.0.0.0' }, device),
      'interfaceAlias',
      'route.interfaceIpDisabled',
    );
    // Near miss: the same port with IP enabled.
    expectNoCode(
      check({ interfaceAlias: 'Port4', nextHop: '0.0.0.0' }),
      'route.interfaceIpDisabled',
    );
  });

  it('the interface is not DHCP', () => {
    // SPEC §2 Routes: "... has a static IPv4 configuration (IP enabled, not DHCP)" (not DHCP)
    expectIssue(
      check({ interfaceAlias: 'Port2', nextHop: '0.0.0.0' }),
      'interfaceAlias',
      'route.interfaceNotStatic',
    );
    // Even with a lease in the same subnet.
    const leased = lab();
    const port3 = leased.ports.find((p) => p.name === 'Port3');
    if (port3) port3.dhcp = true;
    expectIssue(check({}, leased), 'interfaceAlias', 'route.interfaceNotStatic');
    // Near miss: static.
    expectNoCode(check({}), 'route.interfaceNotStatic');
  });

  it('destination and next hop are valid', () => {
    // SPEC §2 Routes: "destination and next hop are valid and of the same address family" (valid)
    expectIssue(
      check({ destinationPrefix: '192.168.21.0/24x' }),
      'destinationPrefix',
      'prefix.lengthInvalid',
    );
    expectIssue(check({ destinationPrefix: 'internet' }), 'destinationPrefix', 'prefix.invalid');
    expectIssue(check({ nextHop: '192.168.20.01' }), 'nextHop', 'address.invalid');
    // Near miss: both valid.
    expect(check({ nextHop: '192.168.20.2' })).toEqual([]);
  });

  it('destination and next hop are of the same address family', () => {
    // SPEC §2 Routes: "destination and next hop are valid and of the same address family" (family)
    const issue = expectIssue(
      check({ destinationPrefix: '2001:db8::/32' }),
      'nextHop',
      'route.familyMismatch',
    );
    expect(issue.params).toEqual({ destination: '2001:db8::/32', nextHop: '192.168.20.1' });
    // Near miss: IPv6 on both sides.
    expect(check({ destinationPrefix: '2001:db8::/32', nextHop: 'fe80::1' })).toEqual([]);
  });

  it('a destination with host bits set offers the canonical prefix', () => {
    // SPEC §2 Routes: "a destination with host bits set is an error whose message offers the canonical prefix"
    const issue = expectIssue(
      check({ destinationPrefix: '192.168.20.5/24' }),
      'destinationPrefix',
      'prefix.hostBits',
    );
    expect(issue.params).toEqual({ value: '192.168.20.5/24', canonical: '192.168.20.0/24' });
    // Near miss: the canonical prefix itself (accepted, with the connected warning only).
    expect(summarize(check({ destinationPrefix: '192.168.20.0/24' }))).toEqual([
      'warning destinationPrefix route.destinationConnected',
    ]);
  });

  it("the next hop lies inside the interface's subnet", () => {
    // SPEC §2 Routes: "the next hop lies inside the interface's subnet and is not the interface's own address"
    expectIssue(check({ nextHop: '192.168.21.1' }), 'nextHop', 'route.nextHopOutsideSubnet');
    // Near miss: the gateway inside the subnet is fine; so is on-link 0.0.0.0.
    expect(check({ nextHop: '192.168.20.1' })).toEqual([]);
    expect(check({ nextHop: '0.0.0.0' })).toEqual([]);
  });

  it("the next hop is not the interface's own address", () => {
    // SPEC §2 Routes: "... and is not the interface's own address (0.0.0.0 / :: = on-link, allowed)"
    expectIssue(check({ nextHop: '192.168.20.10' }), 'nextHop', 'route.nextHopIsInterface');
    // Near miss: on-link, both families.
    expect(check({ nextHop: '0.0.0.0' })).toEqual([]);
    expect(check({ destinationPrefix: 'fd12::/48', nextHop: '::' })).toEqual([]);
  });

  it('the metric is an integer 0–65535', () => {
    // SPEC §2 Routes: "the metric is an integer 0–65535"
    const issue = expectIssue(check({ routeMetric: 65536 }), 'routeMetric', 'route.metricInvalid');
    expect(issue.params).toEqual({ value: '65536', min: 0, max: 65535 });
    expectIssue(check({ routeMetric: -1 }), 'routeMetric', 'route.metricInvalid');
    expectIssue(check({ routeMetric: 2.5 }), 'routeMetric', 'route.metricInvalid');
    // Near miss: both ends.
    expect(check({ routeMetric: 0 })).toEqual([]);
    expect(check({ routeMetric: 65535 })).toEqual([]);
  });

  it('the pair (interfaceAlias, destinationPrefix) is unique', () => {
    // SPEC §2 Routes: "the pair (interfaceAlias, destinationPrefix) is unique: adding it again is a conflict"
    const device = lab('Configured', [normalizeRoute(SECOND_ROUTE, lab())]);
    expectIssue(
      check({ routeMetric: 50, nextHop: '192.168.20.2' }, device),
      'destinationPrefix',
      'route.duplicate',
    );
    expectIssue(check({ interfaceAlias: 'port3' }, device), 'destinationPrefix', 'route.duplicate');
    // Near miss: the same destination through another interface, or another prefix length.
    expectNoCode(
      check({ interfaceAlias: 'Port4', nextHop: '10.0.4.1' }, device),
      'route.duplicate',
    );
    expectNoCode(check({ destinationPrefix: '192.168.21.0/25' }, device), 'route.duplicate');
  });

  // SPEC §2 Routes: "a destination inside the pod or service CIDR is an error"; near miss: the
  // prefix just outside.
  it.each([
    ['pod', '172.27.100.0/24', '172.26.100.0/24', 'route.destinationInPodCidr'],
    ['service', '172.28.0.10/32', '172.29.0.10/32', 'route.destinationInServiceCidr'],
  ] as const)('a destination inside the %s CIDR is an error', (_cidr, inside, outside, code) => {
    expectIssue(check({ destinationPrefix: inside }), 'destinationPrefix', code);
    expectNoCode(check({ destinationPrefix: outside }), code);
  });

  it("a destination equal to or inside the interface's own connected subnet → warning", () => {
    // SPEC §2 Routes: "a destination equal to or inside the interface's own connected subnet → warning"
    const equal = check({ destinationPrefix: '192.168.20.0/24' });
    expectIssue(equal, 'destinationPrefix', 'route.destinationConnected', 'warning');
    expect(equal.filter((i) => i.severity === 'error')).toEqual([]);
    expectIssue(
      check({ destinationPrefix: '192.168.20.64/26' }),
      'destinationPrefix',
      'route.destinationConnected',
      'warning',
    );
    // Near miss: the neighbouring subnet, and a supernet of the connected one.
    expect(check({ destinationPrefix: '192.168.21.0/24' })).toEqual([]);
    expect(check({ destinationPrefix: '192.168.0.0/16' })).toEqual([]);
  });

  it('0.0.0.0/0 → warning', () => {
    // SPEC §2 Routes: "`0.0.0.0/0` → warning (takes over the VMs' internet path)"
    const issues = check({ destinationPrefix: '0.0.0.0/0' });
    expect(summarize(issues)).toEqual(['warning destinationPrefix route.defaultRoute']);
    // Near miss: 0.0.0.0/1 is not the default route.
    expect(check({ destinationPrefix: '0.0.0.0/1' })).toEqual([]);
  });

  it('a route on a port that is not the compute port is kept but inactive, with the reason', () => {
    // SPEC §2 Routes: "a route on a port that is not the compute port is kept but inactive on the VMs"
    const route = { ...SECOND_ROUTE, interfaceAlias: 'Port4', nextHop: '10.0.4.1' };
    const issues = check(route);
    const issue = expectIssue(issues, 'interfaceAlias', 'route.notComputePort', 'warning');
    expect(issue.params).toEqual({ interfaceAlias: 'Port4', computePort: 'Port3' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const status = routeStatus(normalizeRoute(route, lab()), lab());
    expect(status).toEqual({
      active: false,
      reason: {
        code: 'route.notComputePort',
        params: { interfaceAlias: 'Port4', computePort: 'Port3' },
      },
    });
    // Near miss: the compute port's route is active.
    expect(routeStatus(normalizeRoute(SECOND_ROUTE, lab()), lab())).toEqual({
      active: true,
      reason: null,
    });
  });
});

describe('routeStatus', () => {
  const stored = normalizeRoute(SECOND_ROUTE, lab());

  it('is inactive before compute is Configured, with the reason', () => {
    for (const state of ['NotConfigured', 'Configuring', 'Failed'] as const) {
      const device = labDevice(state);
      expect(routeStatus(stored, device)).toEqual({
        active: false,
        reason: { code: 'route.computeNotConfigured', params: {} },
      });
    }
    const noCompute = labDevice('NotConfigured', { compute: { computePort: null } });
    expect(routeStatus(stored, noCompute).reason?.code).toBe('route.computeNotConfigured');
  });

  it('is active on the compute port once Configured', () => {
    expect(routeStatus(stored, labDevice('Configured'))).toEqual({ active: true, reason: null });
  });

  it('is inactive when the interface lost its static configuration', () => {
    const device = labDevice('Configured');
    const port3 = device.ports.find((p) => p.name === 'Port3');
    if (port3) port3.dhcp = true;
    expect(routeStatus(stored, device)).toMatchObject({
      active: false,
      reason: { code: 'route.interfaceNotStatic' },
    });
  });

  it('names the real reason when the interface has IP disabled or does not exist', () => {
    const device = labDevice('Configured');
    const port3 = device.ports.find((p) => p.name === 'Port3');
    if (port3) port3.ipEnabled = false;
    expect(routeStatus(stored, device).reason?.code).toBe('route.interfaceIpDisabled');
    const unknown = { ...stored, interfaceAlias: 'Port9' };
    expect(routeStatus(unknown, labDevice('Configured')).reason?.code).toBe(
      'route.interfaceUnknown',
    );
  });
});

describe('stored form and lookup of routes', () => {
  it('normalizeRoute stores the port name, canonical prefix and next hop, and metric 256 when omitted', () => {
    expect(
      normalizeRoute(
        { interfaceAlias: 'port3', destinationPrefix: '192.168.21.7', nextHop: '192.168.20.1' },
        lab(),
      ),
    ).toEqual({
      interfaceAlias: 'Port3',
      destinationPrefix: '192.168.21.7/32',
      nextHop: '192.168.20.1',
      routeMetric: 256,
    });
    expect(
      normalizeRoute(
        {
          interfaceAlias: 'Port3',
          destinationPrefix: '2001:DB8:0::/32',
          nextHop: 'FE80::0001',
          routeMetric: '7',
        },
        lab(),
      ),
    ).toEqual({
      interfaceAlias: 'Port3',
      destinationPrefix: '2001:db8::/32',
      nextHop: 'fe80::1',
      routeMetric: 7,
    });
  });

  it('findRouteIndex matches aliases case-insensitively and prefixes in any valid spelling', () => {
    const device = lab('Configured', [
      normalizeRoute(SOURCE_ROUTE, lab()),
      normalizeRoute(SECOND_ROUTE, lab()),
      normalizeRoute({ ...SECOND_ROUTE, destinationPrefix: '2001:db8::/32', nextHop: '::' }, lab()),
    ]);
    expect(findRouteIndex(device, 'Port3', '192.168.21.0/24')).toBe(1);
    expect(findRouteIndex(device, 'port3', '192.168.21.0/24')).toBe(1);
    expect(findRouteIndex(device, 'PORT3', '2001:DB8::/32')).toBe(2);
    expect(findRouteIndex(device, 'Port4', '192.168.21.0/24')).toBe(-1);
    expect(findRouteIndex(device, 'Port3', '192.168.21.0/25')).toBe(-1);
    expect(findRouteIndex(device, 'Port3', 'garbage')).toBe(-1);
  });

  it.each([
    [undefined, ROUTE_METRIC_DEFAULT],
    [null, 256],
    ['', 256],
    [0, 0],
    ['65535', 65535],
    [65536, null],
    [-1, null],
    [1.5, null],
    ['1.5', null],
    ['0x10', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('parseRouteMetric(%j) = %j', (value, expected) => {
    expect(parseRouteMetric(value as RouteInput['routeMetric'])).toBe(expected);
  });

  it('0.0.0.0 and :: are on-link; other next hops are not', () => {
    expect(isOnLink(parseIpAddress('0.0.0.0'))).toBe(true);
    expect(isOnLink(parseIpAddress('::'))).toBe(true);
    expect(isOnLink(parseIpAddress('192.168.20.1'))).toBe(false);
    expect(isOnLink(parseIpAddress('::1'))).toBe(false);
  });

  it('validateRouteFields skips only the uniqueness rule', () => {
    const device = lab('Configured', [normalizeRoute(SECOND_ROUTE, lab())]);
    expect(validateRouteFields(SECOND_ROUTE, device)).toEqual([]);
    expectIssue(validateRoute(SECOND_ROUTE, device), 'destinationPrefix', 'route.duplicate');
  });
});

describe('properties', () => {
  const ipLike = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(192, 172, 10, 0),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 256 }),
      )
      .map((p) => p.join('.')),
    fc
      .tuple(
        fc.constantFrom(
          '192.168.20.0',
          '192.168.21.0',
          '0.0.0.0',
          '172.27.0.0',
          '2001:db8::',
          '::',
        ),
        fc.integer({ min: -1, max: 130 }),
      )
      .map(([a, n]) => `${a}/${n}`),
    fc.constantFrom('192.168.20.1', '192.168.20.10', '0.0.0.0', '::', 'fe80::1', '2001:db8::1'),
  );
  const text = fc.oneof(fc.string(), ipLike);

  it('validateRoute never throws and returns well-formed issues', () => {
    const device = lab('Configured', [normalizeRoute(SECOND_ROUTE, lab())]);
    fc.assert(
      fc.property(
        fc.record({
          interfaceAlias: fc.oneof(
            fc.constantFrom('Port3', 'port3', 'Port2', 'Port4'),
            fc.string(),
          ),
          destinationPrefix: text,
          nextHop: text,
          routeMetric: fc.oneof(fc.integer({ min: -10, max: 70000 }), fc.string(), loose()),
        }),
        (input) => {
          const issues = validateRoute(input as RouteInput, device);
          for (const i of issues) assertWellFormed(i);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
