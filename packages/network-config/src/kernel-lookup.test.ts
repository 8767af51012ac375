/**
 * The lookup answers as the VMs' Linux kernel does (SPEC §3, §9; issue 11): its own addresses and
 * 127.0.0.0/8 are local, broadcasts and multicast go out on the link without a gateway, and pod and
 * service addresses name the pod and service networks instead of the default NAT route.
 * Each expectation here is what `ip route get` printed in a network namespace holding the same table
 * (see test/kernel/differential.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { labDevice, port3Route } from '../test/helpers';
import { buildEffectiveTable, effectiveRoutes, lookupRoute } from './kubernetes';

const ROUTE_21 = {
  interfaceAlias: 'Port3',
  destinationPrefix: '192.168.21.0/24',
  nextHop: '192.168.20.1',
  routeMetric: 100,
};

function lab() {
  return labDevice('Configured', { routes: [ROUTE_21] });
}

describe('lookupRoute, as the kernel answers', () => {
  it.each([
    ['127.0.0.1', 'master'],
    ['127.200.1.1', 'worker1'],
    ['192.168.20.50', 'master'],
    ['192.168.20.51', 'worker1'],
    ['172.16.0.11', 'worker1'],
    ['0.0.0.0', 'master'],
  ])('%s is delivered locally on %s', (destination, vm) => {
    const answer = lookupRoute(lab(), destination, vm);
    expect(answer).toMatchObject({ type: 'local', nic: 'loopback', route: { origin: 'local' } });
    expect(answer.explanation.summary.en).toContain('delivers it locally');
    expect(answer.explanation.summary.ja).toContain('自身のアドレス');
  });

  it("another VM's node IP is on the link, not local", () => {
    expect(lookupRoute(lab(), '192.168.20.51', 'master')).toMatchObject({
      type: 'unicast',
      nic: 'external',
      nextHop: '192.168.20.51',
      route: { origin: 'connected' },
    });
  });

  it('subnet broadcasts go out on their own link without a gateway', () => {
    expect(lookupRoute(lab(), '192.168.20.255')).toMatchObject({
      type: 'broadcast',
      nic: 'external',
      nextHop: '192.168.20.255',
    });
    expect(lookupRoute(lab(), '172.16.0.255')).toMatchObject({
      type: 'broadcast',
      nic: 'internal',
      nextHop: '172.16.0.255',
    });
  });

  it('a custom route cannot steal a local address or the subnet broadcast (the local table answers first)', () => {
    const device = labDevice('Configured', {
      routes: [port3Route('192.168.20.0/25', 1), port3Route('192.168.20.128/25', 1)],
    });
    expect(lookupRoute(device, '192.168.20.50').type).toBe('local');
    expect(lookupRoute(device, '192.168.20.255').type).toBe('broadcast');
    expect(lookupRoute(device, '192.168.20.200')).toMatchObject({
      type: 'unicast',
      nextHop: '192.168.20.1',
    });
  });

  it('the limited broadcast and multicast go out on the link of the matching route, without its gateway', () => {
    const broadcast = lookupRoute(lab(), '255.255.255.255');
    expect(broadcast).toMatchObject({
      type: 'broadcast',
      nic: 'internal',
      nextHop: '255.255.255.255',
    });
    const multicast = lookupRoute(lab(), '224.0.0.251');
    expect(multicast).toMatchObject({ type: 'multicast', nic: 'internal', nextHop: '224.0.0.251' });
    expect(multicast.nextHop).not.toBe('172.16.0.1');
    expect(multicast.explanation.summary.en).toContain('without a gateway');
  });

  it('a custom 0.0.0.0/0 carries multicast to its link, still without the gateway', () => {
    const device = labDevice('Configured', {
      routes: [{ ...ROUTE_21, destinationPrefix: '0.0.0.0/0', routeMetric: 10 }],
    });
    expect(lookupRoute(device, '239.1.2.3')).toMatchObject({
      type: 'multicast',
      nic: 'external',
      nextHop: '239.1.2.3',
    });
  });

  it('ordinary addresses stay unicast through their gateway', () => {
    expect(lookupRoute(lab(), '192.168.21.7')).toMatchObject({
      type: 'unicast',
      nextHop: '192.168.20.1',
    });
    expect(lookupRoute(lab(), '8.8.8.8')).toMatchObject({
      type: 'unicast',
      nextHop: '172.16.0.1',
      route: { origin: 'default' },
    });
  });
});

describe('pod and service networks (SPEC §9)', () => {
  it('172.27.3.4 names the pod network, not the default NAT route', () => {
    const answer = lookupRoute(lab(), '172.27.3.4');
    expect(answer.route?.origin).toBe('pod');
    expect(answer.route?.destinationPrefix).toBe('172.27.0.0/16');
    expect(answer.type).toBe('blackhole');
    expect(answer.nextHop).toBeNull();
    expect(answer.explanation.summary.en).toContain('pod network');
  });

  it("each VM's own /26 block is on its cali interfaces; another node's block goes via that node's IP", () => {
    expect(lookupRoute(lab(), '172.27.0.5', 'master')).toMatchObject({
      type: 'unicast',
      nic: 'pod',
      nextHop: '172.27.0.5',
      route: { destinationPrefix: '172.27.0.0/26', origin: 'pod' },
    });
    expect(lookupRoute(lab(), '172.27.0.5', 'worker1')).toMatchObject({
      nic: 'external',
      nextHop: '192.168.20.50',
      route: { destinationPrefix: '172.27.0.0/26', origin: 'pod' },
    });
    expect(lookupRoute(lab(), '172.27.0.70', 'worker1')).toMatchObject({
      nic: 'pod',
      route: { destinationPrefix: '172.27.0.64/26' },
    });
  });

  it('a service IP names the service network (kube-proxy)', () => {
    const answer = lookupRoute(lab(), '172.28.0.10');
    expect(answer).toMatchObject({
      type: 'unicast',
      nic: 'service',
      route: { origin: 'service', destinationPrefix: '172.28.0.0/16' },
    });
    expect(answer.explanation.summary.en).toContain('service network');
  });

  it('follows changed pod and service CIDRs', () => {
    const device = labDevice('Configured', {
      compute: { podCidr: '10.96.0.0/16', serviceCidr: '10.97.0.0/16' },
    });
    expect(lookupRoute(device, '10.96.0.3').route?.destinationPrefix).toBe('10.96.0.0/26');
    expect(lookupRoute(device, '10.97.1.1').route?.origin).toBe('service');
    expect(lookupRoute(device, '172.27.3.4').route?.origin).toBe('default');
  });

  it("each VM's table holds its own addresses only, and a table built for another VM is not used", () => {
    const device = lab();
    const master = effectiveRoutes(device, device.routes, 'master');
    const worker = effectiveRoutes(device, device.routes, 'worker1');
    expect(master.some((r) => r.destinationPrefix === '192.168.20.50/32')).toBe(true);
    expect(worker.some((r) => r.destinationPrefix === '192.168.20.50/32')).toBe(false);
    const masterTable = buildEffectiveTable(device, 'master');
    expect(lookupRoute(device, '192.168.20.51', 'worker1', masterTable).type).toBe('local');
  });
});
