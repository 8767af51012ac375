import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/device.json';
import {
  assertWellFormed,
  buildDevice,
  type DeviceSetup,
  expectIssue,
  expectNoCode,
  labDevice,
  loose,
  PORT3_STATIC,
  port3Route,
  summarize,
} from '../test/helpers';
import {
  checkComputeChange,
  checkPortChange,
  checkRouteAdd,
  describeIssues,
  removeRoute,
  validateDevice,
} from './device-config';
import { errorsOf, hasErrors } from './issues';
import {
  type ComputeSettings,
  createDefaultDevice,
  type DeviceConfig,
  type NodeCount,
  type PortSettings,
  SKU_IDS,
} from './model';
import { portSettingsOf } from './port-config';
import { DHCP_PORT } from './testing/article-scenario';

describe('validateDevice (fixtures)', () => {
  it.each(fixtures.cases)('$name', (row) => {
    const issues = validateDevice(buildDevice(row.setup as DeviceSetup));
    expect(summarize(issues)).toEqual([...row.issues].sort());
    for (const i of issues) assertWellFormed(i);
  });

  it.each(SKU_IDS.flatMap((sku) => [1, 2].map((n) => [sku, n] as const)))(
    'a factory-fresh %s device with %i node(s) is valid',
    (sku, nodeCount) => {
      expect(
        validateDevice(createDefaultDevice({ sku, nodeCount: nodeCount as NodeCount })),
      ).toEqual([]);
    },
  );
});

describe('SPEC §2 Ports, cross-port rules', () => {
  it('two ports in overlapping subnets → warning', () => {
    // SPEC §2 Ports: "two ports in overlapping subnets → warning"
    const device = buildDevice({
      ports: {
        Port3: PORT3_STATIC,
        Port4: { dhcp: false, address: '192.168.20.20', subnetMask: '255.255.255.0' },
      },
    });
    const issues = validateDevice(device);
    const issue = expectIssue(issues, 'ports.Port4.address', 'port.subnetsOverlap', 'warning');
    expect(issue.params).toEqual({
      port: 'Port4',
      subnet: '192.168.20.0/24',
      other: 'Port3',
      otherSubnet: '192.168.20.0/24',
    });
    expectIssue(issues, 'ports.Port3.address', 'port.subnetsOverlap', 'warning');
    expect(hasErrors(issues)).toBe(false);
    // Near miss: the next subnet.
    const near = buildDevice({
      ports: {
        Port3: PORT3_STATIC,
        Port4: { dhcp: false, address: '192.168.21.20', subnetMask: '255.255.255.0' },
      },
    });
    expect(validateDevice(near)).toEqual([]);
  });
});

describe('checkPortChange', () => {
  const port3 = (device: DeviceConfig): PortSettings => {
    const port = device.ports.find((p) => p.name === 'Port3');
    if (!port) throw new Error('no Port3');
    return portSettingsOf(port);
  };

  it('refuses moving Port3 to 10.1.1.10/24 while the node IPs are 192.168.20.x', () => {
    const device = labDevice('Configured');
    const { issues } = checkPortChange(device, 'Port3', {
      ...port3(device),
      address: '10.1.1.10',
      gateway: '10.1.1.1',
    });
    const issue = expectIssue(issues, 'compute.nodeIpRange.start', 'compute.rangeOutsideSubnet');
    expect(issue.params).toEqual({
      address: '192.168.20.50',
      port: 'Port3',
      subnet: '10.1.1.0/24',
    });
    expectIssue(issues, 'compute.serviceIpRange.end', 'compute.rangeOutsideSubnet');
    // The port's own settings are fine: every error is elsewhere.
    expect(errorsOf(issues).every((i) => i.path.startsWith('compute.'))).toBe(true);
  });

  it('refuses a change that strands a custom route next hop', () => {
    const device = labDevice('NotConfigured', {
      compute: { computePort: null, nodeIpRange: null, serviceIpRange: null },
      routes: [
        {
          interfaceAlias: 'Port3',
          destinationPrefix: '192.168.21.0/24',
          nextHop: '192.168.20.1',
          routeMetric: 100,
        },
      ],
    });
    const { issues } = checkPortChange(device, 'Port3', {
      ...port3(device),
      address: '10.1.1.10',
      gateway: null,
    });
    expect(summarize(errorsOf(issues))).toEqual([
      'error routes[0].nextHop route.nextHopOutsideSubnet',
    ]);
  });

  it('refuses disabling IP on the compute port', () => {
    const device = labDevice('Configured');
    const { issues } = checkPortChange(device, 'Port3', { ...port3(device), ipEnabled: false });
    expectIssue(issues, 'compute.computePort', 'compute.portIpDisabled');
  });

  it('refuses moving another port into the pod CIDR once compute is on', () => {
    const device = labDevice('Configured');
    const { issues } = checkPortChange(device, 'Port4', {
      ipEnabled: true,
      dhcp: false,
      address: '172.27.1.10',
      subnetMask: '255.255.255.0',
      gateway: null,
      dns: [],
      mtu: 1500,
    });
    expectIssue(issues, 'compute.podCidr', 'port.subnetOverlapsPodCidr');
  });

  it("reports the port's own issues relative to the request body", () => {
    const device = labDevice('Configured');
    const { issues } = checkPortChange(device, 'Port3', {
      ...port3(device),
      gateway: '192.168.21.1',
    });
    expect(summarize(issues)).toEqual(['error gateway port.gatewayOutsideSubnet']);
    const overlap = checkPortChange(device, 'Port4', {
      ipEnabled: true,
      dhcp: false,
      address: '192.168.20.20',
      subnetMask: '255.255.255.0',
      gateway: null,
      dns: [],
      mtu: null,
    });
    expect(summarize(overlap.issues)).toEqual(['warning address port.subnetsOverlap']);
  });

  it('accepts a harmless change and returns the device as it would be', () => {
    const device = labDevice('Configured');
    const settings: PortSettings = {
      ipEnabled: true,
      dhcp: false,
      address: '10.0.4.10',
      subnetMask: '255.255.255.0',
      gateway: '10.0.4.1',
      dns: ['10.0.4.2'],
      mtu: 1450,
    };
    const result = checkPortChange(device, 'port4', settings);
    expect(result.issues).toEqual([]);
    const port4 = result.device.ports.find((p) => p.name === 'Port4');
    expect(port4 && portSettingsOf(port4)).toEqual(settings);
    // The input device is not changed.
    expect(device.ports.find((p) => p.name === 'Port4')?.address).toBeNull();
  });

  it('does not blame a change for errors that were already there', () => {
    const device = buildDevice({
      ports: {
        Port4: {
          dhcp: false,
          address: '10.0.4.10',
          subnetMask: '255.255.255.0',
          gateway: '10.9.9.9',
        },
      },
    });
    expectIssue(validateDevice(device), 'ports.Port4.gateway', 'port.gatewayOutsideSubnet');
    const { issues } = checkPortChange(device, 'Port5', {
      ipEnabled: true,
      dhcp: false,
      address: '10.0.5.10',
      subnetMask: '255.255.255.0',
      gateway: null,
      dns: [],
      mtu: null,
    });
    expect(issues).toEqual([]);
  });

  it('a DHCP port takes its address from the lease', () => {
    const device = buildDevice();
    const settings: PortSettings = DHCP_PORT;
    const lease = {
      address: '10.0.3.50',
      subnetMask: '255.255.255.0',
      gateway: '10.0.3.1',
      dns: ['10.0.3.1'],
    };
    const leased = checkPortChange(device, 'Port3', settings, lease);
    expect(leased.issues).toEqual([]);
    expect(leased.device.ports.find((p) => p.name === 'Port3')).toMatchObject({
      dhcp: true,
      ...lease,
    });
    // Without a new lease, a DHCP port keeps the one it has.
    const kept = checkPortChange(leased.device, 'Port3', settings);
    expect(kept.device.ports.find((p) => p.name === 'Port3')?.address).toBe('10.0.3.50');
  });

  it('an unknown port is refused', () => {
    const device = buildDevice();
    const { issues, device: after } = checkPortChange(
      device,
      'Port9',
      portSettingsOf(device.ports[0] as never),
    );
    expect(summarize(issues)).toEqual(['error (document) port.unknown']);
    expect(after).toBe(device);
  });
});

describe('checkComputeChange', () => {
  const settingsOf = (device: DeviceConfig): ComputeSettings => {
    const { state: _state, ...settings } = device.compute;
    return settings;
  };

  it('enables compute on Port3 of a NotConfigured device', () => {
    const device = buildDevice({ ports: { Port3: PORT3_STATIC } });
    const settings: ComputeSettings = {
      ...settingsOf(device),
      computePort: 'port3',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.60' },
    };
    const result = checkComputeChange(device, settings);
    expect(result.issues).toEqual([]);
    expect(result.device.compute).toEqual({
      ...settings,
      computePort: 'Port3',
      state: 'NotConfigured',
    });
  });

  it('reports compute issues relative to the request body', () => {
    const device = buildDevice({ nodeCount: 2, ports: { Port3: PORT3_STATIC } });
    const { issues } = checkComputeChange(device, {
      ...settingsOf(device),
      computePort: 'Port3',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.60' },
    });
    expect(summarize(issues)).toEqual(['error nodeIpRange compute.nodeRangeTooSmall']);
  });

  it.each([
    ['computePort', { computePort: 'Port4' }],
    ['nodeIpRange', { nodeIpRange: { start: '192.168.20.50', end: '192.168.20.52' } }],
    ['podCidr', { podCidr: '10.244.0.0/16' }],
    ['serviceCidr', { serviceCidr: '10.96.0.0/12' }],
  ] as const)('SPEC §2 Compute: %s is locked once compute is Configured', (field, patch) => {
    // SPEC §2 Compute: "pod and service CIDRs ... are locked once compute is Configured; node IPs are
    // locked once Configured (ours: disable compute first)"
    const device = labDevice('Configured', {
      ports: { Port4: { dhcp: false, address: '10.0.4.10', subnetMask: '255.255.255.0' } },
    });
    const { issues } = checkComputeChange(device, { ...settingsOf(device), ...patch });
    const issue = expectIssue(issues, field, 'compute.locked');
    expect(issue.params).toEqual({ field, state: 'Configured' });
    // Near miss: the same change before compute is configured is not locked.
    const before = labDevice('NotConfigured', {
      ports: { Port4: { dhcp: false, address: '10.0.4.10', subnetMask: '255.255.255.0' } },
    });
    expectNoCode(
      checkComputeChange(before, { ...settingsOf(before), ...patch }).issues,
      'compute.locked',
    );
  });

  it('SPEC §2 Compute: service IPs may change any time', () => {
    // SPEC §2 Compute: "service IPs may change any time" (SPEC §1.2: "takes effect at once")
    const device = labDevice('Configured');
    const { issues, device: after } = checkComputeChange(device, {
      ...settingsOf(device),
      serviceIpRange: { start: '192.168.20.70', end: '192.168.20.79' },
    });
    expect(issues).toEqual([]);
    expect(after.compute.serviceIpRange).toEqual({ start: '192.168.20.70', end: '192.168.20.79' });
  });

  it('compute may be disabled once Configured (computePort null)', () => {
    const device = labDevice('Configured');
    const { issues } = checkComputeChange(device, { ...settingsOf(device), computePort: null });
    expect(errorsOf(issues)).toEqual([]);
  });

  it('nothing may change while a change is being applied', () => {
    const device = labDevice('Configuring');
    const { issues } = checkComputeChange(device, {
      ...settingsOf(device),
      serviceIpRange: { start: '192.168.20.70', end: '192.168.20.79' },
    });
    expect(expectIssue(issues, 'serviceIpRange', 'compute.locked').params).toEqual({
      field: 'serviceIpRange',
      state: 'Configuring',
    });
    expectIssue(
      checkComputeChange(device, { ...settingsOf(device), computePort: null }).issues,
      'computePort',
      'compute.locked',
    );
  });

  it('re-sending the same settings is not a change', () => {
    const device = labDevice('Configured');
    expect(checkComputeChange(device, settingsOf(device)).issues).toEqual([]);
    expect(
      checkComputeChange(device, { ...settingsOf(device), computePort: 'port3' }).issues,
    ).toEqual([]);
  });

  it('re-sending the same node range with its fields in another order is not a change', () => {
    // A JSON body may list `end` before `start`; the range is the same range.
    const device = labDevice('Configured');
    const { issues } = checkComputeChange(device, {
      ...settingsOf(device),
      nodeIpRange: { end: '192.168.20.51', start: '192.168.20.50' },
    });
    expectNoCode(issues, 'compute.locked');
  });

  it('refuses a pod CIDR that would swallow an existing route', () => {
    const device = labDevice('NotConfigured', {
      routes: [port3Route('10.244.5.0/24')],
    });
    const { issues } = checkComputeChange(device, {
      ...settingsOf(device),
      podCidr: '10.244.0.0/16',
    });
    expectIssue(issues, 'routes[0].destinationPrefix', 'route.destinationInPodCidr');
  });
});

describe('checkRouteAdd and removeRoute (the cmdlets)', () => {
  const ADD = port3Route('192.168.20.0/24');

  it('Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100', () => {
    const device = labDevice('Configured');
    const result = checkRouteAdd(device, ADD);
    expect(summarize(result.issues)).toEqual([
      'warning destinationPrefix route.destinationConnected',
    ]);
    expect(result.route).toEqual(ADD);
    expect(result.device.routes).toEqual([ADD]);
    expect(device.routes).toEqual([]);
    // Adding it again is a conflict.
    const again = checkRouteAdd(result.device, { ...ADD, interfaceAlias: 'port3', routeMetric: 5 });
    expectIssue(again.issues, 'destinationPrefix', 'route.duplicate');
    expect(again.route).toBeNull();
    expect(again.device).toBe(result.device);
  });

  it('stores the route in its canonical form, metric 256 when omitted', () => {
    const result = checkRouteAdd(labDevice('Configured'), {
      interfaceAlias: 'port3',
      destinationPrefix: '192.168.21.7',
      nextHop: '192.168.20.1',
    });
    expect(result.issues).toEqual([]);
    expect(result.route).toEqual({
      interfaceAlias: 'Port3',
      destinationPrefix: '192.168.21.7/32',
      nextHop: '192.168.20.1',
      routeMetric: 256,
    });
  });

  it('Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"', () => {
    const route = port3Route('192.168.21.0/24');
    const other = { ...route, destinationPrefix: '192.168.22.0/24' };
    const device = labDevice('Configured', { routes: [other, route] });
    for (const alias of ['Port3', 'port3']) {
      const removed = removeRoute(device, alias, '192.168.21.0/24');
      expect(removed?.route).toEqual(route);
      expect(removed?.device.routes).toEqual([other]);
    }
    expect(device.routes).toHaveLength(2);
    expect(removeRoute(device, 'Port4', '192.168.21.0/24')).toBeNull();
    expect(removeRoute(device, 'Port3', '192.168.23.0/24')).toBeNull();
    expect(removeRoute(device, 'Port3', '192.168.21.0/25')).toBeNull();
  });
});

describe('describeIssues', () => {
  it('prints one line per issue with severity, path and message, in either locale', () => {
    const issues = validateDevice(
      labDevice('Configured', {
        routes: [port3Route('192.168.20.0/24')],
      }),
    );
    expect(describeIssues(issues)).toBe(
      "warning routes[0].destinationPrefix: Destination 192.168.20.0/24 is inside Port3's own subnet 192.168.20.0/24, which is already reachable directly; the route is redundant.",
    );
    expect(describeIssues(issues, 'ja')).toContain('宛先 192.168.20.0/24');
    expect(
      describeIssues([
        { path: '', code: 'port.unknown', severity: 'error', params: { port: 'Port9' } },
      ]),
    ).toBe('error (document): This device has no port named Port9.');
  });
});

describe('properties: validators never throw', () => {
  const ipLike = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(192, 172, 10),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 256 }),
      )
      .map((p) => p.join('.')),
    fc.constantFrom(
      '192.168.20.10',
      '192.168.20.1',
      '255.255.255.0',
      '255.255.0.255',
      '172.27.0.0/16',
      '192.168.21.0/24',
      '::',
      'fe80::1',
      '',
    ),
  );
  const text = fc.oneof(fc.string(), ipLike);
  const nullableText = fc.option(text);
  const portSettings = fc.record({
    ipEnabled: fc.boolean(),
    dhcp: fc.boolean(),
    address: nullableText,
    subnetMask: nullableText,
    gateway: nullableText,
    dns: fc.array(text, { maxLength: 2 }),
    mtu: fc.oneof(fc.constant(null), fc.integer({ min: 1000, max: 2000 }), loose()),
  });
  const range = fc.option(fc.record({ start: text, end: text }));
  const computeSettings = fc.record({
    computePort: fc.option(fc.oneof(fc.constantFrom('Port3', 'port3', 'Port4'), fc.string())),
    nodeIpRange: range,
    serviceIpRange: range,
    podCidr: text,
    serviceCidr: text,
  });
  const routeInput = fc.record({
    interfaceAlias: fc.oneof(fc.constantFrom('Port3', 'port3', 'Port4', 'Port2'), fc.string()),
    destinationPrefix: text,
    nextHop: text,
    routeMetric: fc.oneof(fc.integer(), fc.string(), loose()),
  });
  const device: fc.Arbitrary<DeviceConfig> = fc
    .record({
      nodeCount: fc.constantFrom(1, 2),
      port3: portSettings,
      port4: portSettings,
      compute: computeSettings,
      state: fc.constantFrom('NotConfigured', 'Configuring', 'Configured', 'Failed'),
      routes: fc.array(routeInput, { maxLength: 3 }),
    })
    .map(({ nodeCount, port3, port4, compute, state, routes }) => {
      const d = buildDevice({ nodeCount, ports: { Port3: port3 as never, Port4: port4 as never } });
      d.compute = { ...compute, state } as DeviceConfig['compute'];
      d.routes = routes as DeviceConfig['routes'];
      return d;
    });
  const wellFormed = (issues: readonly Parameters<typeof assertWellFormed>[0][]) => {
    expect(Array.isArray(issues)).toBe(true);
    for (const i of issues) assertWellFormed(i);
  };

  it('validateDevice', () => {
    fc.assert(
      fc.property(device, (d) => wellFormed(validateDevice(d))),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('checkRouteAdd', () => {
    fc.assert(
      fc.property(device, routeInput, (d, input) =>
        wellFormed(checkRouteAdd(d, input as never).issues),
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('checkPortChange', () => {
    fc.assert(
      fc.property(
        device,
        fc.oneof(fc.constantFrom('Port3', 'port4', 'Port1'), fc.string()),
        portSettings,
        fc.option(
          fc.record({
            address: text,
            subnetMask: text,
            gateway: nullableText,
            dns: fc.array(text, { maxLength: 2 }),
          }),
        ),
        (d, name, settings, lease) =>
          wellFormed(checkPortChange(d, name, settings as PortSettings, lease).issues),
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('checkComputeChange', () => {
    fc.assert(
      fc.property(device, computeSettings, (d, settings) =>
        wellFormed(checkComputeChange(d, settings).issues),
      ),
      { numRuns: 1000 },
    );
  }, 30_000);
});
