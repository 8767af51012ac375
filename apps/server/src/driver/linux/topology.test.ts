/**
 * The Linux driver's wanted state for the article's device, without root: which namespaces, which
 * addresses where, which routes, and interface names the kernel accepts (≤ 15 characters).
 */
import { createDefaultDevice, type DeviceConfig } from '@edgenet/network-config';
import { withArticleScenario } from '@edgenet/network-config/testing';
import { describe, expect, it } from 'vitest';
import { NO_CLUSTER, routeArgs, wantedTopology } from './topology';

function article(): DeviceConfig {
  const base = withArticleScenario(
    createDefaultDevice({ sku: 'pro-gpu', nodeCount: 1, name: 'd' }),
  );
  return {
    ...base,
    ports: base.ports.map((p) => (p.name === 'Port3' ? { ...p, dns: ['192.168.20.2'] } : p)),
    routes: [
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.21.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 100,
      },
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.20.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 100,
      },
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '10.9.9.9',
        nextHop: '192.168.20.3',
        routeMetric: 5,
      },
    ],
  };
}

const cabled = (port: string) => ['Port1', 'Port2', 'Port3'].includes(port);

describe('wantedTopology', () => {
  it('builds the device, the NAT and the cabled port networks even without a cluster', () => {
    const want = wantedTopology('en123456', article(), NO_CLUSTER, cabled);
    expect(want.map((w) => w.name)).toEqual([
      'en123456-dev',
      'en123456-nat',
      'en123456-Port1',
      'en123456-Port2',
      'en123456-Port3',
    ]);
    const dev = want[0];
    // Without the external switch, the device's Port3 address sits on the port's wire.
    expect(dev?.links.find((l) => l.name === 'Port3')).toMatchObject({
      master: null,
      addrs: ['192.168.20.10/24'],
    });
  });

  it('puts the named hosts and the prefixes behind next hops in the port network', () => {
    const want = wantedTopology('en123456', article(), NO_CLUSTER, cabled);
    const port3 = want.find((w) => w.name === 'en123456-Port3');
    expect(port3?.links[0]?.addrs).toEqual([
      '192.168.20.1/24',
      '192.168.20.2/24',
      '192.168.20.3/24',
    ]);
    // 192.168.20.0/24 is the hosts' own network: not made local.
    expect(port3?.routes.map((r) => `${r.type} ${r.dst}`)).toEqual([
      'local 10.9.9.9',
      'local 192.168.21.0/24',
    ]);
    expect(routeArgs(port3?.routes[1] as never)).toEqual([
      'local',
      '192.168.21.0/24',
      'dev',
      'lo',
      'table',
      'main',
    ]);
  });

  it("gives each VM two NICs on the two switches, its pods' and services' interfaces and the core's whole table", () => {
    const device = article();
    const want = wantedTopology(
      'en123456',
      device,
      { externalSwitch: true, vms: ['master', 'worker1'] },
      cabled,
    );
    const dev = want.find((w) => w.role === 'device');
    expect(dev?.links.find((l) => l.name === 'vswitch-Port3')).toMatchObject({
      kind: 'bridge',
      addrs: ['192.168.20.10/24'],
    });
    expect(dev?.links.find((l) => l.name === 'Port3')?.master).toBe('vswitch-Port3');
    expect(dev?.links.find((l) => l.name === 'worker1-e')).toMatchObject({
      master: 'vswitch-Port3',
      peer: { ns: 'en123456-worker1', name: 'eth1' },
    });
    const worker = want.find((w) => w.name === 'en123456-worker1');
    expect(worker?.links.map((l) => [l.name, l.addrs])).toEqual([
      ['eth0', ['172.16.0.11/24']],
      ['eth1', ['192.168.20.51/24']],
      ['cali0', []],
      ['cali0p', []],
      ['svc0', []],
      ['svc0p', []],
    ]);
    expect(worker?.routes.map((r) => routeArgs(r).join(' '))).toEqual([
      'default via 172.16.0.1 dev eth0 metric 65536',
      // The pod network: the CIDR's blackhole, the master's block via its node IP, worker1's own
      // block on its pods' interface; the service network on kube-proxy's.
      'blackhole 172.27.0.0/16',
      '172.27.0.0/26 via 192.168.20.50 dev eth1',
      '172.27.0.64/26 dev cali0 scope link',
      '172.28.0.0/16 dev svc0 scope link',
      '192.168.21.0/24 via 192.168.20.1 dev eth1 metric 100',
      '192.168.20.0/24 via 192.168.20.1 dev eth1 metric 100',
      '10.9.9.9 via 192.168.20.3 dev eth1 metric 5',
    ]);
    for (const ns of want) {
      for (const link of ns.links) expect(link.name.length).toBeLessThanOrEqual(15);
    }
  });
});
