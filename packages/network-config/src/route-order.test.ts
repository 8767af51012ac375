import { describe, expect, it } from 'vitest';
import { createDefaultDevice, type RouteConfig } from './model';
import { orderRoutes, routeMatchesFilter } from './route-order';

const route = (destinationPrefix: string, routeMetric: number, interfaceAlias = 'Port3') => ({
  interfaceAlias,
  destinationPrefix,
  nextHop: '192.168.20.1',
  routeMetric,
});

describe('the route list order and filter', () => {
  it('filters like the Routes page always did: contains, interface in any case, metric exactly', () => {
    const r = route('10.1.0.0/16', 100);
    expect(routeMatchesFilter(r, '10.1.')).toBe(true);
    expect(routeMatchesFilter(r, '20.1')).toBe(true); // the next hop
    expect(routeMatchesFilter(r, 'port3')).toBe(true);
    expect(routeMatchesFilter(r, '10')).toBe(true); // in the prefix, not the metric
    expect(routeMatchesFilter(r, '100')).toBe(true);
    expect(routeMatchesFilter(r, '00')).toBe(false); // a metric only matches whole
    expect(routeMatchesFilter(route('fd00::/64', 1), 'FD00')).toBe(false); // already lower case
  });

  it('sorts addresses as numbers (IPv4 before IPv6, unparsable last), stable both ways', () => {
    const routes: RouteConfig[] = [
      route('10.10.0.0/16', 2),
      route('fd00::/64', 1),
      route('10.9.0.0/16', 2),
      route('9.0.0.0/8', 1),
    ];
    const device = createDefaultDevice();
    const order = (sort: 'destination' | 'metric', dir: 'asc' | 'desc') =>
      orderRoutes(routes, { sort, dir }, device).map((r) => r.destinationPrefix);
    expect(order('destination', 'asc')).toEqual([
      '9.0.0.0/8',
      '10.9.0.0/16',
      '10.10.0.0/16',
      'fd00::/64',
    ]);
    expect(order('metric', 'asc')).toEqual([
      'fd00::/64',
      '9.0.0.0/8',
      '10.10.0.0/16',
      '10.9.0.0/16',
    ]);
    expect(order('metric', 'desc')).toEqual([
      '10.10.0.0/16',
      '10.9.0.0/16',
      'fd00::/64',
      '9.0.0.0/8',
    ]);
    expect(orderRoutes(routes, { q: ' 10.1 ' }, device)).toEqual([routes[0]]);
    expect(orderRoutes(routes, {}, device)).toBe(routes);
  });
});
