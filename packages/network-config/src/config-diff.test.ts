import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { port3Route } from '../test/helpers';
import {
  checkRestore,
  managementChangeIssues,
  summarizeDiff,
  tentativeReason,
  unacknowledged,
} from './change-lifecycle';
import { applyDiff, type ConfigDiff, diffConfig, invertDiff, isEmptyDiff } from './config-diff';
import { createDefaultDevice, type DeviceConfig } from './model';

// Fewer runs under CI (the whole suite shares two cores); the full run on a workstation.
const RUNS = {
  numRuns: (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.CI
    ? 200
    : 1000,
};
const structuredClone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function device(edit: (d: DeviceConfig) => void = () => {}): DeviceConfig {
  const d = structuredClone(createDefaultDevice());
  edit(d);
  return d;
}

function port3Static(d: DeviceConfig) {
  const p = d.ports.find((x) => x.name === 'Port3');
  if (!p) throw new Error('no Port3');
  Object.assign(p, {
    ipEnabled: true,
    dhcp: false,
    address: '192.168.20.10',
    subnetMask: '255.255.255.0',
    gateway: '192.168.20.1',
  });
}

describe('diffConfig', () => {
  const base = device(port3Static);
  const cases: { name: string; after: DeviceConfig; expected: Partial<ConfigDiff> }[] = [
    {
      name: 'no change',
      after: device(port3Static),
      expected: { values: [], objects: {}, lists: {} },
    },
    {
      name: 'a port field, old → new',
      after: device((d) => {
        port3Static(d);
        (d.ports[2] as { gateway: string | null }).gateway = '192.168.20.254';
      }),
      expected: {
        lists: {
          ports: {
            keyFields: ['name'],
            added: [],
            removed: [],
            changed: [
              {
                key: { name: 'Port3' },
                fields: [{ field: 'gateway', before: '192.168.20.1', after: '192.168.20.254' }],
              },
            ],
          },
        },
      },
    },
    {
      name: 'compute fields',
      after: device((d) => {
        port3Static(d);
        d.compute.computePort = 'Port3';
        d.compute.podCidr = '172.30.0.0/16';
      }),
      expected: {
        objects: {
          compute: [
            { field: 'computePort', before: null, after: 'Port3' },
            { field: 'podCidr', before: '172.27.0.0/16', after: '172.30.0.0/16' },
          ],
        },
      },
    },
    {
      name: 'a route added',
      after: device((d) => {
        port3Static(d);
        d.routes.push(port3Route('192.168.21.0/24'));
      }),
      expected: {
        lists: {
          routes: {
            keyFields: ['interfaceAlias', 'destinationPrefix'],
            added: [port3Route('192.168.21.0/24')],
            removed: [],
            changed: [],
          },
        },
      },
    },
    {
      name: 'the device name (a plain value)',
      after: device((d) => {
        port3Static(d);
        d.name = 'renamed';
      }),
      expected: { values: [{ field: 'name', before: 'edgenet-device', after: 'renamed' }] },
    },
  ];
  it.each(cases)('$name', ({ after, expected }) => {
    const diff = diffConfig(base, after);
    expect(diff).toEqual({ values: [], objects: {}, lists: {}, ...expected });
    expect(applyDiff(base, diff)).toEqual(after);
  });

  it('routes: removed and changed, keyed by (interfaceAlias, destinationPrefix)', () => {
    const a = device((d) => {
      port3Static(d);
      d.routes = [port3Route('10.0.0.0/8'), port3Route('10.1.0.0/16'), port3Route('10.2.0.0/16')];
    });
    const b = device((d) => {
      port3Static(d);
      d.routes = [port3Route('10.0.0.0/8', 5, '192.168.20.2'), port3Route('10.2.0.0/16')];
    });
    const diff = diffConfig(a, b);
    expect(diff.lists.routes?.removed).toEqual([port3Route('10.1.0.0/16')]);
    expect(diff.lists.routes?.changed).toEqual([
      {
        key: { interfaceAlias: 'Port3', destinationPrefix: '10.0.0.0/8' },
        fields: [
          { field: 'nextHop', before: '192.168.20.1', after: '192.168.20.2' },
          { field: 'routeMetric', before: 100, after: 5 },
        ],
      },
    ]);
    expect(applyDiff(a, diff)).toEqual(b);
    expect(applyDiff(b, invertDiff(a, diff))).toEqual(a);
    expect(summarizeDiff(diff)).toEqual({
      en: 'Routes: 1 removed, 1 changed',
      ja: 'ルート: 削除 1、変更 1',
    });
  });

  it('sections added later (services, virtualSwitches) are diffed as keyed lists by name', () => {
    const a = {
      ...device(),
      services: [{ namespace: 'default', name: 'web', ip: '192.168.20.60' }],
    };
    const b = {
      ...device(),
      services: [
        { namespace: 'default', name: 'web', ip: '192.168.20.61' },
        // The same name in another namespace is another service (SPEC §9).
        { namespace: 'shop', name: 'web', ip: '192.168.20.62' },
      ],
      virtualSwitches: [...(device().virtualSwitches ?? []), { name: 'vSwitch1', port: 'Port2' }],
      // A section no release knows yet, and not a list: diffed as one value.
      futureSetting: { enabled: true },
    };
    const diff = diffConfig(a, b);
    expect(diff.lists.services?.added).toEqual([
      { namespace: 'shop', name: 'web', ip: '192.168.20.62' },
    ]);
    expect(diff.lists.services?.changed[0]?.key).toEqual({ namespace: 'default', name: 'web' });
    expect(diff.lists.virtualSwitches?.added).toEqual([{ name: 'vSwitch1', port: 'Port2' }]);
    expect(diff.values.map((v) => v.field)).toEqual(['futureSetting']);
    expect(applyDiff(a, diff)).toEqual(b);
    expect(summarizeDiff(diff).en).toContain('Service default/web: ip changed');
    expect(summarizeDiff(diff).en).toContain('Service added: shop/web');
    expect(summarizeDiff(diff).ja).toContain('サービスを追加: shop/web');
    expect(summarizeDiff(diff).ja).toContain('仮想スイッチを追加: vSwitch1');
  });

  it('a diff survives JSON (what the store keeps) and a route add summarises in both languages', () => {
    const a = device(port3Static);
    const b = device((d) => {
      port3Static(d);
      d.routes.push(port3Route('192.168.21.0/24'));
    });
    const diff = JSON.parse(JSON.stringify(diffConfig(a, b))) as ConfigDiff;
    expect(applyDiff(a, diff)).toEqual(b);
    expect(summarizeDiff(diff)).toEqual({
      en: 'Route added: Port3 192.168.21.0/24 via 192.168.20.1',
      ja: 'ルートを追加: Port3 192.168.21.0/24 (次ホップ 192.168.20.1)',
    });
    expect(isEmptyDiff(diffConfig(a, a))).toBe(true);
  });
});

// Documents built from a few names and values, so that keys collide, items move and fields
// appear and vanish: every shape the generic diff must carry.
const name = fc.constantFrom('Port1', 'Port2', 'Port3', 'web', 'db');
const scalar = fc.oneof(fc.constantFrom(null, true, false, 0, 1500), fc.string({ maxLength: 4 }));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(name, scalar));
const named = fc.record({ name, a: value, b: value }, { requiredKeys: ['name'] });
const namedList = fc.uniqueArray(named, { selector: (x) => x.name, maxLength: 5 });
const routeArb = fc.record({
  interfaceAlias: fc.constantFrom('Port2', 'Port3'),
  destinationPrefix: fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '0.0.0.0/0', '::/0'),
  nextHop: fc.constantFrom('192.168.20.1', '0.0.0.0'),
  routeMetric: fc.integer({ min: 0, max: 32 }),
});
const routes = fc.oneof(
  fc.uniqueArray(routeArb, {
    selector: (r) => `${r.interfaceAlias} ${r.destinationPrefix}`,
    maxLength: 6,
  }),
  // Not keyable (a duplicate key): carried as one value.
  fc.array(routeArb, { maxLength: 3 }),
);
const documentArb = fc.record(
  {
    name: fc.string({ maxLength: 5 }),
    sku: fc.constantFrom('pro-gpu', 'pro-r'),
    ports: namedList,
    compute: fc.dictionary(fc.constantFrom('computePort', 'podCidr', 'state'), value),
    routes,
    services: namedList,
    virtualSwitches: fc.oneof(namedList, value),
  },
  { requiredKeys: ['name', 'ports'] },
);

describe('property: applyDiff(a, diffConfig(a, b)) = b', () => {
  it('for any two documents, unknown sections included, and through JSON', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        const diff = diffConfig(a, b);
        const viaJson = JSON.parse(JSON.stringify(diff)) as ConfigDiff;
        expect(applyDiff(a, viaJson)).toEqual(b);
        if (isEmptyDiff(diff)) expect(a).toEqual(b);
      }),
      RUNS,
    );
  });

  it('the diff of a document with itself is empty', () => {
    fc.assert(
      fc.property(documentArb, (a) => isEmptyDiff(diffConfig(a, structuredClone(a)))),
      RUNS,
    );
  });
});

describe('the management port and tentative changes (SPEC §7.2)', () => {
  const before = device((d) => {
    Object.assign(d.ports[0] as object, {
      ipEnabled: true,
      dhcp: false,
      address: '192.168.100.10',
      subnetMask: '255.255.255.0',
      gateway: '192.168.100.1',
    });
  });
  const edit = (patch: object) =>
    device((d) => {
      Object.assign(d.ports[0] as object, before.ports[0], patch);
    });

  it.each([
    ['DHCP', { dhcp: true }, 'dhcp'],
    ['IP off', { ipEnabled: false }, 'ipOff'],
    ['a new address', { address: '192.168.100.11' }, 'address'],
  ])('Port1 to %s is a warning to acknowledge', (_label, patch, reason) => {
    const issues = managementChangeIssues(before, edit(patch));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'port.managementChange',
        severity: 'warning',
        params: expect.objectContaining({ reason }),
      }),
    ]);
    expect(unacknowledged(issues)).toHaveLength(1);
    expect(unacknowledged(issues, ['port.managementChange'])).toHaveLength(0);
  });

  it('a new DNS server on Port1 is no warning, yet tentative (the management port)', () => {
    const after = edit({ dns: ['192.168.100.2'] });
    expect(managementChangeIssues(before, after)).toEqual([]);
    expect(tentativeReason(before, after)).toBe('managementPort');
  });

  it('the port the browser used, and losing the last default gateway, are tentative', () => {
    const withPort3 = device((d) => {
      port3Static(d);
      Object.assign(d.ports[0] as object, before.ports[0]);
    });
    const port3Mtu = structuredClone(withPort3);
    (port3Mtu.ports[2] as { mtu: number | null }).mtu = 1400;
    expect(tentativeReason(withPort3, port3Mtu, '192.168.20.10')).toBe('clientPort');
    expect(tentativeReason(withPort3, port3Mtu, '127.0.0.1')).toBeNull();
    const noGateway = structuredClone(withPort3);
    for (const p of noGateway.ports) if (p.name !== 'Port1') p.gateway = null;
    noGateway.ports[0] = { ...(noGateway.ports[0] as DeviceConfig['ports'][0]) };
    const gatewayOff = structuredClone(withPort3);
    for (const p of gatewayOff.ports) p.gateway = null;
    expect(tentativeReason(withPort3, gatewayOff)).toBe('managementPort');
    const routeOnly = structuredClone(withPort3);
    routeOnly.routes.push(port3Route('10.0.0.0/8'));
    expect(tentativeReason(withPort3, routeOnly)).toBeNull();
  });
});

describe('checkRestore', () => {
  it('compute settings locked while Configured are named; a route-only restore passes', () => {
    const current = device((d) => {
      port3Static(d);
      d.compute = {
        ...d.compute,
        computePort: 'Port3',
        nodeIpRange: { start: '192.168.20.50', end: '192.168.20.52' },
        serviceIpRange: { start: '192.168.20.60', end: '192.168.20.62' },
        state: 'Configured',
      };
    });
    const old = device(port3Static);
    const blocked = checkRestore(current, old);
    expect(blocked.issues.filter((i) => i.severity === 'error').map((i) => i.path)).toEqual(
      expect.arrayContaining(['compute.computePort', 'compute.nodeIpRange']),
    );
    const withRoute = structuredClone(current);
    withRoute.routes.push(port3Route('10.0.0.0/8'));
    const ok = checkRestore(withRoute, current);
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ok.device.routes).toEqual([]);
    expect(ok.device.compute.state).toBe('Configured');
  });
});
