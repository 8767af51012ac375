import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/port-settings.json';
import { assertWellFormed, expectIssue, expectNoCode, loose, summarize } from '../test/helpers';
import { createDefaultDevice, type PortSettings, type SkuId } from './model';
import { portSettingsOf, portSubnet, validatePortSettings } from './port-config';
import { formatPrefix } from './prefix';

const base = fixtures.base as PortSettings;

function check(patch: Partial<PortSettings>, port = 'Port3', sku: SkuId = 'pro-gpu') {
  return validatePortSettings(port, { ...base, ...patch }, { sku });
}

describe('validatePortSettings (fixtures)', () => {
  it.each(fixtures.cases)('$name', (row) => {
    const settings = { ...base, ...row.settings } as PortSettings;
    const issues = validatePortSettings(row.port, settings, {
      sku: (row.sku ?? 'pro-gpu') as SkuId,
    });
    expect(summarize(issues)).toEqual([...row.issues].sort());
    for (const i of issues) assertWellFormed(i);
  });
});

describe('SPEC §2 Ports, rule by rule', () => {
  it('address and mask required when static', () => {
    // SPEC §2 Ports: "address and mask required when static"
    expectIssue(check({ address: null, gateway: null }), 'address', 'field.required');
    expectIssue(check({ subnetMask: null, gateway: null }), 'subnetMask', 'field.required');
    // Near miss: a DHCP port has no address of its own to require.
    expect(check({ dhcp: true, address: null, subnetMask: null, gateway: null })).toEqual([]);
  });

  it('mask contiguous', () => {
    // SPEC §2 Ports: "mask contiguous"
    const issue = expectIssue(
      check({ subnetMask: '255.255.0.255', gateway: null }),
      'subnetMask',
      'mask.notContiguous',
    );
    expect(issue.params.value).toBe('255.255.0.255');
    // Near miss: a contiguous mask that is not /8, /16 or /24.
    expect(check({ subnetMask: '255.255.252.0' })).toEqual([]);
  });

  // SPEC §2 Ports: "address is not the subnet's network or broadcast address".
  it.each([
    // Near miss: the same address in a /23 is a host address.
    [
      'network',
      '192.168.20.0',
      'port.addressIsNetwork',
      { address: '192.168.21.0', subnetMask: '255.255.254.0' },
    ],
    // Near miss: the last host address.
    ['broadcast', '192.168.20.255', 'port.addressIsBroadcast', { address: '192.168.20.254' }],
  ] as const)('address is not the subnet %s address', (_which, address, code, nearMiss) => {
    const issue = expectIssue(check({ address }), 'address', code);
    expect(issue.params).toEqual({ address, subnet: '192.168.20.0/24' });
    expect(check(nearMiss)).toEqual([]);
  });

  it('gateway inside the subnet', () => {
    // SPEC §2 Ports: "gateway inside the subnet and not equal to the address" (inside)
    const issue = expectIssue(
      check({ gateway: '192.168.21.1' }),
      'gateway',
      'port.gatewayOutsideSubnet',
    );
    expect(issue.params).toEqual({
      gateway: '192.168.21.1',
      port: 'Port3',
      subnet: '192.168.20.0/24',
    });
    // Near miss: the gateway inside the subnet is fine.
    expect(check({ gateway: '192.168.20.1' })).toEqual([]);
  });

  it('gateway not equal to the address', () => {
    // SPEC §2 Ports: "gateway inside the subnet and not equal to the address" (not equal)
    expectIssue(check({ gateway: '192.168.20.10' }), 'gateway', 'port.gatewayIsAddress');
    // Near miss: the address next to it.
    expect(check({ gateway: '192.168.20.11' })).toEqual([]);
  });

  it('DNS addresses valid', () => {
    // SPEC §2 Ports: "DNS addresses valid"
    expectIssue(check({ dns: ['192.168.20.2', '192.168.20.300'] }), 'dns[1]', 'address.invalid');
    // Near miss: two valid servers, one outside the subnet (DNS may be anywhere).
    expect(check({ dns: ['192.168.20.2', '8.8.8.8'] })).toEqual([]);
  });

  it('MTU in range', () => {
    // SPEC §2 Ports: "MTU in range where configurable" (range 1400–1500, doc)
    const issue = expectIssue(check({ mtu: 1501 }), 'mtu', 'port.mtuOutOfRange');
    expect(issue.params).toEqual({ value: '1501', min: 1400, max: 1500 });
    expectIssue(check({ mtu: 1399 }), 'mtu', 'port.mtuOutOfRange');
    // Near miss: both ends of the range.
    expect(check({ mtu: 1400 })).toEqual([]);
    expect(check({ mtu: 1500 })).toEqual([]);
  });

  it('MTU only where configurable', () => {
    // SPEC §2 Ports: "MTU in range where configurable" (SPEC §1.1: Pro GPU Ports 1–4 only)
    expectIssue(check({ mtu: 1500 }, 'Port5'), 'mtu', 'port.mtuNotConfigurable');
    expectIssue(check({ mtu: 1500 }, 'Port3', 'pro-2'), 'mtu', 'port.mtuNotConfigurable');
    // Near miss: Port4 is configurable on Pro GPU, and Port5 without an MTU is fine.
    expect(check({ mtu: 1500 }, 'Port4')).toEqual([]);
    expect(check({ mtu: null }, 'Port5')).toEqual([]);
    expectNoCode(check({ mtu: 1450 }, 'Port2', 'pro-2'), 'port.mtuNotConfigurable');
  });

  it('an unknown port is refused as a whole', () => {
    expect(summarize(check({}, 'Port7'))).toEqual(['error (document) port.unknown']);
  });
});

describe('portSubnet', () => {
  it('is the subnet of a static port or of a DHCP lease, and null without one', () => {
    const s = portSubnet({
      ipEnabled: true,
      address: '192.168.20.10',
      subnetMask: '255.255.255.0',
    });
    expect(s && formatPrefix(s.prefix)).toBe('192.168.20.0/24');
    expect(s && s.last - s.first).toBe(255);
    expect(
      portSubnet({ ipEnabled: false, address: '192.168.20.10', subnetMask: '255.255.255.0' }),
    ).toBeNull();
    expect(portSubnet({ ipEnabled: true, address: null, subnetMask: null })).toBeNull();
    expect(
      portSubnet({ ipEnabled: true, address: '192.168.20.10', subnetMask: '255.0.255.0' }),
    ).toBeNull();
  });

  it('portSettingsOf copies the settings, not the DNS array', () => {
    const port = createDefaultDevice().ports[0];
    if (!port) throw new Error('no port');
    const settings = portSettingsOf(port);
    expect(settings).toEqual({
      ipEnabled: true,
      dhcp: false,
      address: '192.168.100.10',
      subnetMask: '255.255.255.0',
      gateway: null,
      dns: [],
      mtu: 1500,
    });
    settings.dns.push('1.1.1.1');
    expect(port.dns).toEqual([]);
  });
});

describe('properties', () => {
  const ipLike = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 256 }),
      )
      .map((parts) => parts.join('.')),
    fc.constantFrom('255.255.255.0', '255.255.0.255', '0.0.0.0', '::1', '192.168.20.10', ''),
  );
  const text = fc.oneof(fc.string(), ipLike);

  it('validatePortSettings never throws and returns well-formed issues', () => {
    const settings = fc.record({
      ipEnabled: fc.boolean(),
      dhcp: fc.boolean(),
      address: fc.option(text),
      subnetMask: fc.option(text),
      gateway: fc.option(text),
      dns: fc.array(text, { maxLength: 3 }),
      mtu: fc.oneof(fc.constant(null), fc.integer(), fc.double(), loose()),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('Port1', 'Port3', 'Port5'), fc.string()),
        fc.constantFrom(...(['pro-gpu', 'pro-r', 'mini-r', 'pro-2'] as SkuId[])),
        settings,
        (name, sku, s) => {
          const issues = validatePortSettings(name, s as PortSettings, { sku });
          expect(Array.isArray(issues)).toBe(true);
          for (const i of issues) assertWellFormed(i);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
