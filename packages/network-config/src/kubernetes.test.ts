import { describe, expect, it } from 'vitest';
import { labDevice } from '../test/helpers';
import { NetConfigError } from './errors';
import {
  buildEffectiveTable,
  effectiveRoutes,
  kubernetesVms,
  lookupRoute,
  routeStatusMessage,
  SYSTEM_DEFAULT_ROUTE_METRIC,
} from './kubernetes';
import { type DeviceConfig, ROUTE_METRIC_MAX, type RouteConfig } from './model';

const ROUTE_21: RouteConfig = {
  interfaceAlias: 'Port3',
  destinationPrefix: '192.168.21.0/24',
  nextHop: '192.168.20.1',
  routeMetric: 100,
};
const ROUTE_PORT4: RouteConfig = {
  interfaceAlias: 'Port4',
  destinationPrefix: '10.0.5.0/24',
  nextHop: '10.0.4.1',
  routeMetric: 10,
};

function lab(
  state: DeviceConfig['compute']['state'] = 'Configured',
  routes: RouteConfig[] = [ROUTE_21, ROUTE_PORT4],
) {
  return labDevice(state, {
    ports: { Port4: { dhcp: false, address: '10.0.4.10', subnetMask: '255.255.255.0' } },
    routes,
  });
}

describe('kubernetesVms', () => {
  it('one master plus one worker per node; the master takes the first node IP', () => {
    expect(kubernetesVms(lab())).toEqual([
      { name: 'master', role: 'master', externalIp: '192.168.20.50', internalIp: '172.16.0.10' },
      { name: 'worker1', role: 'worker', externalIp: '192.168.20.51', internalIp: '172.16.0.11' },
    ]);
    const two = labDevice('Configured', {
      nodeCount: 2,
      compute: { nodeIpRange: { start: '192.168.20.50', end: '192.168.20.52' } },
    });
    expect(kubernetesVms(two).map((vm) => [vm.name, vm.externalIp])).toEqual([
      ['master', '192.168.20.50'],
      ['worker1', '192.168.20.51'],
      ['worker2', '192.168.20.52'],
    ]);
  });

  it('without a compute port the VMs have no external address', () => {
    const device = lab('NotConfigured');
    device.compute.computePort = null;
    expect(kubernetesVms(device).map((vm) => vm.externalIp)).toEqual([null, null]);
  });
});

describe('effectiveRoutes', () => {
  it('connected + internal + default + pod and service networks + the active custom routes, then the local table', () => {
    const routes = effectiveRoutes(lab('Configured'));
    expect(
      routes.map((r) => [r.origin, r.destinationPrefix, r.nextHop, r.nic, r.interfaceAlias]),
    ).toEqual([
      ['connected', '192.168.20.0/24', '0.0.0.0', 'external', 'Port3'],
      ['connected', '172.16.0.0/24', '0.0.0.0', 'internal', null],
      ['default', '0.0.0.0/0', '172.16.0.1', 'internal', null],
      ['pod', '172.27.0.0/16', '0.0.0.0', 'pod', null],
      ['pod', '172.27.0.0/26', '0.0.0.0', 'pod', null],
      ['pod', '172.27.0.64/26', '192.168.20.51', 'external', 'Port3'],
      ['service', '172.28.0.0/16', '0.0.0.0', 'service', null],
      ['custom', '192.168.21.0/24', '192.168.20.1', 'external', 'Port3'],
      ['local', '127.0.0.0/8', '0.0.0.0', 'loopback', null],
      ['local', '127.255.255.255/32', '0.0.0.0', 'loopback', null],
      ['local', '192.168.20.50/32', '0.0.0.0', 'loopback', null],
      ['local', '172.16.0.10/32', '0.0.0.0', 'loopback', null],
      ['local', '192.168.20.255/32', '0.0.0.0', 'external', null],
      ['local', '172.16.0.255/32', '0.0.0.0', 'internal', null],
    ]);
    expect(routes.find((r) => r.origin === 'custom')?.routeMetric).toBe(100);
  });

  it('before compute is Configured no custom route is installed', () => {
    for (const state of ['NotConfigured', 'Configuring', 'Failed'] as const) {
      expect(effectiveRoutes(lab(state)).filter((r) => r.origin === 'custom')).toEqual([]);
    }
  });

  it('the system default route loses to any custom metric', () => {
    expect(SYSTEM_DEFAULT_ROUTE_METRIC).toBeGreaterThan(ROUTE_METRIC_MAX);
  });
});

describe('lookupRoute', () => {
  it('192.168.21.7 goes via the custom route to 192.168.20.1 on the external NIC', () => {
    const answer = lookupRoute(lab(), '192.168.21.7');
    expect(answer).toMatchObject({
      destination: '192.168.21.7',
      vm: 'master',
      route: { destinationPrefix: '192.168.21.0/24', origin: 'custom', interfaceAlias: 'Port3' },
      nextHop: '192.168.20.1',
      nic: 'external',
    });
    expect(
      answer.explanation.candidates.map((c) => [c.route.destinationPrefix, c.outcome]),
    ).toEqual([
      ['192.168.21.0/24', 'chosen'],
      ['0.0.0.0/0', 'shorterPrefix'],
    ]);
    expect(answer.explanation.summary.en).toContain('192.168.21.0/24');
    expect(answer.explanation.summary.en).toContain('1 other matching route(s) lost');
    expect(answer.explanation.summary.ja).toContain('192.168.20.1');
    for (const text of Object.values(answer.explanation.summary))
      expect(text).not.toMatch(/undefined|\$\{/);
  });

  it('an address of the compute subnet is on-link: the next hop is the destination itself', () => {
    const answer = lookupRoute(lab(), '192.168.20.99', 'worker1');
    expect(answer).toMatchObject({
      vm: 'worker1',
      nextHop: '192.168.20.99',
      nic: 'external',
      route: { origin: 'connected' },
    });
  });

  it('the internet goes through the internal NAT switch', () => {
    const answer = lookupRoute(lab(), '8.8.8.8');
    expect(answer).toMatchObject({
      nextHop: '172.16.0.1',
      nic: 'internal',
      route: { origin: 'default' },
    });
    expect(answer.explanation.summary.en).toContain('only matching route');
  });

  it('a route on a non-compute port is not used', () => {
    expect(lookupRoute(lab(), '10.0.5.9').route?.origin).toBe('default');
  });

  it('a custom 0.0.0.0/0 takes the internet path over (why it warns)', () => {
    const device = lab('Configured', [
      { ...ROUTE_21, destinationPrefix: '0.0.0.0/0', routeMetric: 65535 },
    ]);
    const answer = lookupRoute(device, '8.8.8.8');
    expect(answer).toMatchObject({
      nextHop: '192.168.20.1',
      nic: 'external',
      route: { origin: 'custom' },
    });
    expect(answer.explanation.candidates.map((c) => [c.route.origin, c.outcome])).toEqual([
      ['custom', 'chosen'],
      ['default', 'higherMetric'],
    ]);
  });

  it('IPv6: an active on-link route answers, nothing else does', () => {
    const device = lab('Configured', [
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '2001:db8::/32',
        nextHop: '::',
        routeMetric: 5,
      },
    ]);
    expect(lookupRoute(device, '2001:db8::5')).toMatchObject({
      nextHop: '2001:db8::5',
      nic: 'external',
    });
    const none = lookupRoute(device, '2001:db9::5');
    expect(none).toMatchObject({ route: null, nextHop: null, nic: null });
    expect(none.explanation.summary.en).toBe('No route on master matches 2001:db9::5.');
  });

  it('refuses an unknown VM and a destination that is not an address', () => {
    expect(() => lookupRoute(lab(), '8.8.8.8', 'worker2')).toThrow(
      expect.objectContaining({
        code: 'route.vmUnknown',
        params: { vm: 'worker2', vms: 'master, worker1' },
      }),
    );
    expect(() => lookupRoute(lab(), '8.8.8.0/24')).toThrow(NetConfigError);
  });

  it('buildEffectiveTable is the table lookupRoute uses', () => {
    const device = lab();
    const table = buildEffectiveTable(device);
    expect(table.size).toBe(effectiveRoutes(device).length);
    expect(lookupRoute(device, '192.168.21.7', 'master', table).route?.origin).toBe('custom');
  });
});

describe('routeStatusMessage', () => {
  it('words the reason a route is inactive in both languages', () => {
    const message = routeStatusMessage({
      code: 'route.notComputePort',
      params: { interfaceAlias: 'Port4', computePort: 'Port3' },
    });
    expect(message.en).toBe(
      'Port4 is not the compute port (Port3): the route is kept but inactive on the Kubernetes VMs.',
    );
    expect(message.ja).toContain('コンピューティング ポート');
  });
});
