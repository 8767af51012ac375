/**
 * A change that breaks many routes says so once per cause, naming the routes (issue 11 item 4):
 * switching Port3 to DHCP under eight routes used to print "Port3 uses DHCP; routes need…" eight
 * times without saying which routes.
 */
import { describe, expect, it } from 'vitest';
import { labDevice } from '../test/helpers';
import { checkComputeChange, checkPortChange } from './device-config';
import { formatIssue } from './issues';
import type { RouteConfig } from './model';
import { portSettingsOf } from './port-config';

const ROUTES: RouteConfig[] = Array.from({ length: 8 }, (_, i) => ({
  interfaceAlias: 'Port3',
  destinationPrefix: `10.${i}.0.0/16`,
  nextHop: '192.168.20.1',
  routeMetric: 100,
}));

function toDhcp() {
  const device = labDevice('NotConfigured', { routes: ROUTES });
  const port = device.ports.find((p) => p.name === 'Port3');
  if (!port) throw new Error('no Port3');
  return checkPortChange(device, 'Port3', { ...portSettingsOf(port), dhcp: true }, null);
}

describe('change checks group route issues by cause', () => {
  it('Port3 to DHCP under eight routes: one message, naming all eight routes', () => {
    const { issues } = toDhcp();
    const notStatic = issues.filter((i) => i.code === 'route.interfaceNotStatic');
    expect(notStatic).toHaveLength(1);
    const [only] = notStatic;
    expect(only?.path).toBe('routes');
    expect(only?.params.routeCount).toBe(8);
    const en = formatIssue(only as (typeof notStatic)[number], 'en');
    const ja = formatIssue(only as (typeof notStatic)[number], 'ja');
    for (const route of ROUTES) {
      expect(en).toContain(route.destinationPrefix);
      expect(ja).toContain(route.destinationPrefix);
    }
    expect(en).toContain('Affected routes (8)');
    expect(ja).toContain('対象のルート');
    // No message is printed twice.
    const texts = issues.map((i) => formatIssue(i, 'en'));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('different causes stay separate, and a single route is named too', () => {
    const device = labDevice('NotConfigured', {
      routes: [
        ROUTES[0] as RouteConfig,
        { ...(ROUTES[1] as RouteConfig), nextHop: '192.168.20.254' },
      ],
    });
    const port = device.ports.find((p) => p.name === 'Port3');
    if (!port) throw new Error('no Port3');
    // Moving Port3 to another subnet leaves both next hops outside it: one cause per next hop.
    const { issues } = checkPortChange(device, 'Port3', {
      ...portSettingsOf(port),
      address: '192.168.30.10',
      gateway: '192.168.30.1',
    });
    const outside = issues.filter((i) => i.code === 'route.nextHopOutsideSubnet');
    expect(outside).toHaveLength(2);
    expect(outside.map((i) => i.path).sort()).toEqual(['routes[0].nextHop', 'routes[1].nextHop']);
    expect(outside.map((i) => i.params.routes).sort()).toEqual([
      'Port3 10.0.0.0/16',
      'Port3 10.1.0.0/16',
    ]);
  });

  it('the compute check groups the same way', () => {
    const device = labDevice('NotConfigured', { routes: ROUTES });
    const { issues } = checkComputeChange(device, {
      ...device.compute,
      serviceIpRange: { start: '192.168.20.1', end: '192.168.20.1' },
    });
    const hop = issues.filter((i) => i.code === 'route.nextHopIsServiceIp');
    expect(hop).toHaveLength(1);
    expect(hop[0]?.params.routeCount).toBe(8);
  });
});
