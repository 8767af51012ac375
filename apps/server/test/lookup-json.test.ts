/**
 * The lookup answer's JSON is written by hand from cached route fragments (src/http/lookup-json.ts):
 * it must stay byte for byte what `JSON.stringify` writes, carry exactly the contract's fields, and
 * never serve a stale fragment.
 */
import {
  buildEffectiveTable,
  type DeviceConfig,
  type EffectiveRoute,
  lookupRoute,
} from '@edgenet/network-config';
import { type LookupAnswerDoc, LookupAnswerSchema } from '@edgenet/network-config/contract';
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { lookupAnswerJson } from '../src/http/lookup-json';
import { scenarioDevice } from '../testing/start-server';

const routeArb = fc.record({
  interfaceAlias: fc.constantFrom('Port3', 'Port2', 'port3'),
  destinationPrefix: fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([b, c, len]) => {
      const bits = ((10 << 24) | (b << 16) | (c << 8)) >>> 0;
      const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
      const net = (bits & mask) >>> 0;
      return `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${len}`;
    }),
  nextHop: fc.constantFrom('192.168.20.1', '192.168.20.254', '0.0.0.0', '10.0.0.1'),
  routeMetric: fc.integer({ min: 0, max: 9999 }),
});

const destinationArb = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
    )
    .map(([b, c, d]) => `10.${b}.${c}.${d}`),
  fc.constantFrom('8.8.8.8', '192.168.20.77', '172.16.0.5', '2001:db8::1'),
);

function deviceWith(routes: DeviceConfig['routes']): DeviceConfig {
  return { ...scenarioDevice(0), routes };
}

describe('lookupAnswerJson', () => {
  it('writes exactly what JSON.stringify writes, with only the contract’s fields', () => {
    fc.assert(
      fc.property(
        fc.array(routeArb, { maxLength: 40 }),
        fc.array(destinationArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('master', 'worker1'),
        (routes, destinations, vm) => {
          const device = deviceWith(routes);
          const table = buildEffectiveTable(device);
          for (const destination of destinations) {
            const answer: LookupAnswerDoc = lookupRoute(device, destination, vm, table);
            const json = lookupAnswerJson(answer);
            expect(json).toBe(JSON.stringify(answer));
            // Nothing beyond the schema reaches the client (fast-json-stringify's guarantee).
            const parsed = JSON.parse(json);
            expect(parsed).toEqual(Value.Clean(LookupAnswerSchema, Value.Clone(parsed)));
            expect(Value.Check(LookupAnswerSchema, parsed)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000); // 200 generated tables: a few seconds, more on a loaded machine

  it('reuses a route’s JSON only for the core’s frozen routes, never a stale copy', () => {
    const device = scenarioDevice(3);
    const table = buildEffectiveTable(device);
    const first = lookupRoute(device, '10.0.1.9', 'master', table);
    const again = lookupRoute(device, '10.0.1.200', 'master', table);
    expect(again.route).toBe(first.route); // one shared object per table entry
    expect(Object.isFrozen(first.route)).toBe(true);
    expect(lookupAnswerJson(again)).toBe(JSON.stringify(again));

    const own: EffectiveRoute = { ...(first.route as EffectiveRoute) };
    const answer = { ...first, route: own };
    expect(lookupAnswerJson(answer)).toBe(JSON.stringify(answer));
    own.routeMetric = 7;
    expect(lookupAnswerJson(answer)).toContain('"routeMetric":7');
  });

  it('writes an answer without a route (no default route matches an IPv6 address)', () => {
    const answer = lookupRoute(deviceWith([]), '2001:db8::1');
    expect(answer.route).toBeNull();
    expect(lookupAnswerJson(answer)).toBe(JSON.stringify(answer));
  });
});
