/**
 * The temporary lookup adapter (src/services/lookup-adapter.ts) must answer exactly what the
 * core's own table answers: same chosen route, next hop, NIC and explanation, for any routes and
 * destinations.
 */
import {
  buildEffectiveTable,
  createDefaultDevice,
  type DeviceConfig,
  formatIPv4,
  lookupRoute,
} from '@edgenet/network-config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLookupTable } from '../src/services/lookup-adapter';

function device(routes: DeviceConfig['routes']): DeviceConfig {
  const base = createDefaultDevice();
  return {
    ...base,
    ports: base.ports.map((p) =>
      p.name === 'Port3'
        ? {
            ...p,
            dhcp: false,
            address: '192.168.20.10',
            subnetMask: '255.255.255.0',
            gateway: '192.168.20.1',
          }
        : p,
    ),
    compute: {
      ...base.compute,
      computePort: 'Port3',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
      state: 'Configured',
    },
    routes,
  };
}

const route = fc
  .tuple(
    fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([value, length, metric]) => {
    const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
    // Few distinct first octets, so prefixes nest and collide often.
    const network = (((value & 0x0fffffff) | 0x0a000000) & mask) >>> 0;
    return {
      interfaceAlias: 'Port3',
      destinationPrefix: `${formatIPv4(network)}/${length}`,
      nextHop: '192.168.20.1',
      routeMetric: metric * 10,
    };
  });

describe('the temporary lookup adapter', () => {
  it('answers exactly as the core table does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(route, {
          maxLength: 40,
          selector: (r) => `${r.destinationPrefix}|${r.routeMetric}`,
        }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 10 }),
        (routes, probes) => {
          // The same prefix twice with different metrics would be a duplicate on a real device,
          // but the table must still order them; keep both to exercise the tie rules.
          const d = device(routes);
          const core = buildEffectiveTable(d);
          const fast = fastLookupTable(d);
          for (const probe of probes) {
            const destination = formatIPv4(((probe & 0x0fffffff) | 0x0a000000) >>> 0);
            expect(lookupRoute(d, destination, 'master', fast)).toEqual(
              lookupRoute(d, destination, 'master', core),
            );
          }
          expect(lookupRoute(d, '8.8.8.8', 'worker1', fast)).toEqual(
            lookupRoute(d, '8.8.8.8', 'worker1', core),
          );
          expect(lookupRoute(d, '2001:db8::1', 'master', fast)).toEqual(
            lookupRoute(d, '2001:db8::1', 'master', core),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
