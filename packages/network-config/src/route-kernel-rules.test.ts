/**
 * Route rules the VMs' Linux kernel enforces (SPEC §2 routes, last bullet; issue 11): next hops that
 * are the subnet's network or broadcast address or an address of the device, a route with the same
 * prefix and metric as a connected route, and destinations the kernel handles itself.
 */
import { describe, expect, it } from 'vitest';
import { assertWellFormed, expectIssue, expectNoCode, labDevice } from '../test/helpers';
import { checkRouteAdd } from './device-config';
import { validateRoute } from './route-config';

const device = labDevice('Configured');

function route(destinationPrefix: string, nextHop: string, routeMetric: number | undefined = 100) {
  return { interfaceAlias: 'Port3', destinationPrefix, nextHop, routeMetric };
}

function check(input: ReturnType<typeof route>) {
  const issues = validateRoute(input, device);
  for (const i of issues) assertWellFormed(i);
  return issues;
}

describe('next hops the kernel refuses or that are the device itself', () => {
  it.each([
    ['192.168.20.0', 'route.nextHopIsNetwork'],
    ['192.168.20.255', 'route.nextHopIsBroadcast'],
    ['192.168.20.50', 'route.nextHopIsNodeIp'],
    ['192.168.20.51', 'route.nextHopIsNodeIp'],
    ['192.168.20.60', 'route.nextHopIsServiceIp'],
    ['192.168.20.61', 'route.nextHopIsServiceIp'],
  ])('next hop %s → %s', (nextHop, code) => {
    const issues = check(route('192.168.30.0/24', nextHop));
    expectIssue(issues, 'nextHop', code);
    expect(checkRouteAdd(device, route('192.168.30.0/24', nextHop)).route).toBeNull();
  });

  it('names the VM whose node IP it is', () => {
    const found = expectIssue(
      check(route('192.168.30.0/24', '192.168.20.51')),
      'nextHop',
      'route.nextHopIsNodeIp',
    );
    expect(found.params.vm).toBe('worker1');
  });

  it('only the node IPs the VMs take count: a spare address of the node range is no VM', () => {
    const wide = labDevice('Configured', {
      compute: { nodeIpRange: { start: '192.168.20.50', end: '192.168.20.55' } },
    });
    expectIssue(
      validateRoute(route('192.168.30.0/24', '192.168.20.51'), wide),
      'nextHop',
      'route.nextHopIsNodeIp',
    );
    expectNoCode(
      validateRoute(route('192.168.30.0/24', '192.168.20.53'), wide),
      'route.nextHopIsNodeIp',
    );
  });

  it("another port's address in the same subnet is the device, not a gateway", () => {
    const overlapping = labDevice('Configured', {
      ports: { Port4: { dhcp: false, address: '192.168.20.20', subnetMask: '255.255.255.0' } },
    });
    const issues = validateRoute(route('192.168.30.0/24', '192.168.20.20'), overlapping);
    expect(issues.find((i) => i.code === 'route.nextHopIsPortAddress')?.params.port).toBe('Port4');
  });

  it('an ordinary gateway and on-link stay accepted', () => {
    for (const hop of ['192.168.20.1', '192.168.20.254', '0.0.0.0']) {
      const issues = check(route('192.168.30.0/24', hop));
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('a /31 has no network or broadcast address to refuse', () => {
    const p2p = labDevice('Configured', {
      ports: { Port3: { address: '192.168.20.10', subnetMask: '255.255.255.254', gateway: null } },
      compute: { nodeIpRange: null, serviceIpRange: null },
    });
    const issues = validateRoute(route('192.168.30.0/24', '192.168.20.11'), p2p);
    expectNoCode(issues, 'route.nextHopIsNetwork');
    expectNoCode(issues, 'route.nextHopIsBroadcast');
  });
});

describe('connected routes (kernel: "File exists")', () => {
  it('the compute subnet with metric 0 is refused; with another metric it is only redundant', () => {
    const same = check(route('192.168.20.0/24', '192.168.20.1', 0));
    const found = expectIssue(same, 'routeMetric', 'route.sameAsConnected');
    expect(found.params).toMatchObject({ destination: '192.168.20.0/24', connectedTo: 'Port3' });
    const other = check(route('192.168.20.0/24', '192.168.20.1', 100));
    expectNoCode(other, 'route.sameAsConnected');
    expectIssue(other, 'destinationPrefix', 'route.destinationConnected', 'warning');
  });

  it("the internal switch's subnet is connected on the internal NIC and draws the same issues", () => {
    const same = check(route('172.16.0.0/24', '192.168.20.1', 0));
    expectIssue(same, 'routeMetric', 'route.sameAsConnected');
    expectIssue(same, 'destinationPrefix', 'route.destinationInternalSubnet', 'warning');
    const other = check(route('172.16.0.0/24', '192.168.20.1', 100));
    expectIssue(other, 'destinationPrefix', 'route.destinationInternalSubnet', 'warning');
    expect(other.filter((i) => i.severity === 'error')).toEqual([]);
    expectIssue(
      check(route('172.16.0.128/25', '192.168.20.1')),
      'destinationPrefix',
      'route.destinationInternalSubnet',
      'warning',
    );
  });
});

describe('destinations the kernel handles itself', () => {
  it.each([
    ['127.0.0.0/8', 'route.destinationLoopback'],
    ['127.0.0.1', 'route.destinationLoopback'],
    ['127.5.0.0/16', 'route.destinationLoopback'],
    ['224.0.0.0/4', 'route.destinationMulticast'],
    ['224.0.0.251', 'route.destinationMulticast'],
    ['239.255.0.0/16', 'route.destinationMulticast'],
    ['255.255.255.255', 'route.destinationBroadcast'],
    ['255.255.255.255/32', 'route.destinationBroadcast'],
  ])('%s → %s', (destination, code) => {
    expectIssue(check(route(destination, '192.168.20.1')), 'destinationPrefix', code);
  });

  it('prefixes around them stay allowed', () => {
    for (const destination of ['126.0.0.0/8', '128.0.0.0/8', '240.0.0.0/4', '192.0.0.0/3']) {
      const issues = check(route(destination, '192.168.20.1'));
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });
});
