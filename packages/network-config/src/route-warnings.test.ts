import { describe, expect, it } from 'vitest';
import { labDevice } from '../test/helpers';
import { routeWarnings } from './route-warnings';

const route = (destinationPrefix: string, interfaceAlias = 'Port3') => ({
  interfaceAlias,
  destinationPrefix,
  nextHop: '192.168.20.1',
  routeMetric: 100,
});

describe('routeWarnings (what the route list keeps showing after the add)', () => {
  it("keeps the add-time warning of a route inside its port's own subnet", () => {
    const device = labDevice('Configured');
    const warnings = routeWarnings(route('192.168.20.0/24'), device);
    expect(warnings.map((w) => w.code)).toEqual(['route.destinationConnected']);
    expect(warnings[0]?.params).toMatchObject({
      interfaceAlias: 'Port3',
      subnet: '192.168.20.0/24',
    });
  });

  it('has nothing to say about an ordinary route', () => {
    expect(routeWarnings(route('192.168.21.0/24'), labDevice('Configured'))).toEqual([]);
  });

  it('leaves out why a route is inactive: the status tells that already', () => {
    const device = labDevice('NotConfigured');
    expect(routeWarnings(route('192.168.21.0/24'), device)).toEqual([]);
    expect(routeWarnings(route('192.168.20.0/24'), device).map((w) => w.code)).toEqual([
      'route.destinationConnected',
    ]);
  });
});
