/**
 * Fuzz: generated requests across the mutating endpoints (and the lookup, the dry run and the
 * console), mostly near-valid documents with a wrong field here and there, some pure noise, some
 * with a foreign Host. No request may produce a 5xx; every 4xx is a well-formed problem whose
 * issues are localized; and a refused write changes nothing (a console line stopped at a bound
 * only by the statements it lists as run).
 *
 * Runs: 3,000 by default (CI), 12,000 with EDGENET_FUZZ_FULL=1, or EDGENET_FUZZ_RUNS.
 */

import { ISSUE_CODES } from '@edgenet/network-config';
import { ARTICLE_PORT3, PORT_NAMES } from '@edgenet/network-config/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, waitForJob } from './helpers';

const RUNS = Number(
  process.env.EDGENET_FUZZ_RUNS ?? (process.env.EDGENET_FUZZ_FULL === '1' ? 12_000 : 3000),
);
const CODES = new Set<string>(ISSUE_CODES);

const noise = fc.jsonValue({ maxDepth: 2 });
/** Mostly the generator's value; sometimes anything at all (a wrong type, null, an object). */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: noise });

const address = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => `192.168.20.${n}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '192.168.100.10',
      '192.168.100.1',
      '10.0.0.1',
      '10.0.0.23',
      '0.0.0.0',
      '255.255.255.255',
      '172.27.0.5',
      '172.28.0.10',
      '127.0.0.1',
      '224.0.0.1',
      '::',
      'fe80::1',
      '2001:db8::1',
      '',
      ' ',
      '1.2.3',
      '300.1.1.1',
      '01.2.3.4',
      '1.2.3.4 ',
      '1.2.3.4/24',
      'Port3',
      '1.2.3.4%eth0',
    ),
  },
  { weight: 2, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6() },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
);
const prefix = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(address, fc.integer({ min: -1, max: 130 })).map(([a, l]) => `${a}/${l}`),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => `192.168.${n}.0/24`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0.0.0.0/0',
      '::/0',
      '192.168.20.0/24',
      '192.168.20.5/24',
      '172.27.0.0/16',
      '10.0.0.0/8',
      '/24',
      '1.2.3.4//24',
    ),
  },
  { weight: 1, arbitrary: address },
);
const mask = fc.oneof(
  fc.constantFrom(
    '255.255.255.0',
    '255.255.0.0',
    '255.255.255.252',
    '255.255.255.254',
    '255.255.255.255',
    '0.0.0.0',
    '255.0.255.0',
    '255.255.255.128',
  ),
  address,
);
const portName = fc.constantFrom(
  ...PORT_NAMES,
  'port3',
  'PORT4',
  'Port7',
  'Port0',
  'x',
  '%20',
  'Port3%00',
  'a'.repeat(120),
);
const range = fc.option(maybe(fc.record({ start: address, end: address })), { nil: null });
const cidr = fc.oneof(
  fc.constantFrom(
    '172.27.0.0/16',
    '172.28.0.0/16',
    '10.244.0.0/16',
    '192.168.0.0/16',
    '172.28.0.0/29',
  ),
  prefix,
);

/** Sometimes a key is missing or an unknown one is added. */
function shaped<T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) {
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.record(model),
      fc.nat(3).map((n) => n > 0),
      fc.option(fc.dictionary(fc.string({ maxLength: 8 }), noise, { maxKeys: 2 }), {
        nil: undefined,
      }),
    )
    .map(([partial, full, complete, extra]) => ({
      ...(complete ? full : partial),
      ...(extra ?? {}),
    }));
}

const portSettings = shaped({
  ipEnabled: maybe(fc.boolean()),
  dhcp: maybe(fc.boolean()),
  address: maybe(fc.option(address, { nil: null })),
  subnetMask: maybe(fc.option(mask, { nil: null })),
  gateway: maybe(fc.option(address, { nil: null })),
  dns: maybe(fc.array(address, { maxLength: 5 })),
  mtu: maybe(fc.option(fc.integer({ min: -10, max: 70000 }), { nil: null })),
});
const computeSettings = shaped({
  computePort: maybe(fc.option(portName, { nil: null })),
  nodeIpRange: range,
  serviceIpRange: range,
  podCidr: maybe(cidr),
  serviceCidr: maybe(cidr),
});
const routeInput = shaped({
  interfaceAlias: maybe(portName),
  destinationPrefix: maybe(prefix),
  nextHop: maybe(address),
  routeMetric: maybe(fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.double(), fc.constant(1e12))),
});
/** Valid documents, so that many generated writes succeed and move the state along. */
const goodRoute = fc.record({
  interfaceAlias: fc.constantFrom('Port3', 'port3', 'Port1'),
  // A small space, so that some adds collide (409) and some deletes find their route.
  destinationPrefix: fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 9 }))
    .map(([a, b]) => `${a}.${b}.0.0/16`),
  nextHop: fc.constantFrom('192.168.20.1', '192.168.20.254', '0.0.0.0', '192.168.100.1'),
  routeMetric: fc.integer({ min: 0, max: 65535 }),
});
const goodPort = fc.record({
  ipEnabled: fc.constant(true),
  dhcp: fc.boolean(),
  address: fc
    .integer({ min: 2, max: 254 })
    .map((n) => `192.168.${fc.sample(fc.constantFrom(20, 30, 40), 1)[0]}.${n}`),
  subnetMask: fc.constant('255.255.255.0'),
  gateway: fc.option(fc.constantFrom('192.168.20.1', '192.168.30.1'), { nil: null }),
  dns: fc.constant([] as string[]),
  mtu: fc.option(fc.integer({ min: 1400, max: 1500 }), { nil: null }),
});
const goodCompute = fc.record({
  computePort: fc.option(fc.constant('Port3'), { nil: null, freq: 4 }),
  nodeIpRange: fc
    .integer({ min: 100, max: 150 })
    .map((n) => ({ start: `192.168.20.${n}`, end: `192.168.20.${n + 2}` })),
  serviceIpRange: fc
    .integer({ min: 200, max: 240 })
    .map((n) => ({ start: `192.168.20.${n}`, end: `192.168.20.${n + 5}` })),
  podCidr: fc.constant('172.27.0.0/16'),
  serviceCidr: fc.constant('172.28.0.0/16'),
});
const either = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 1, arbitrary: good }, { weight: 2, arbitrary: bad });

const ifMatch = fc.constantFrom('current', 'stale', '*', 'W/"1"', 'garbage', 'none', 'list');

/** Console lines: cmdlet words, parameters and values glued by separators, brackets and quotes. */
const consoleWord = fc.oneof(
  fc.constantFrom(
    'Get-HcsNetRoute',
    'Add-HcsNetRoute',
    'Remove-HcsNetRoute',
    'Get-NetAdapter',
    'Get-HcsKubeClusterNetworkInfo',
    'Set-HcsKubeClusterNetworkInfo',
    'Get-HcsApplianceInfo',
    'Get-Help',
    'kubectl get pods -A',
    '-InterfaceAlias',
    '-DestinationPrefix',
    '-NextHop',
    '-RouteMetric',
    '-ErrorAction Stop',
    '-AsJson',
    '-?',
    'Port3',
    '$true',
    '$x',
    '@(',
    '`',
  ),
  prefix,
  address,
  fc.string({ maxLength: 12 }),
);
const consoleLine = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.tuple(
          consoleWord,
          fc.constantFrom(' ', ' ', ';', '; ', '\n', '(', ')', '"', "'", '|', '{'),
        ),
        { maxLength: 14 },
      )
      .map((parts) => parts.map(([w, sep]) => `${w}${sep}`).join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('Get-HcsNetRoute;', '(', '{', '"', 'x'),
        fc.integer({ min: 1, max: 3000 }),
      )
      .map(([piece, n]) => piece.repeat(n)),
  },
);

interface Request {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  host?: string;
  url: string;
  body?: unknown;
  raw?: string;
  query?: Record<string, string>;
  ifMatch: string;
}

const request: fc.Arbitrary<Request> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/api/console'),
      body: fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record(
            {
              line: consoleLine,
              locale: fc.constantFrom('en' as const, 'ja' as const),
              width: fc.integer({ min: 20, max: 200 }),
            },
            { requiredKeys: ['line'] },
          ),
        },
        {
          weight: 1,
          arbitrary: maybe(
            shaped({
              line: maybe(consoleLine),
              locale: maybe(fc.constantFrom('en', 'ja', 'fr')),
              width: maybe(fc.integer({ min: 0, max: 600 })),
            }),
          ),
        },
      ),
      ifMatch,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constantFrom('GET' as const, 'POST' as const),
      url: fc.constantFrom('/api/health', '/api/routes', '/', '/api/session'),
      host: fc.constantFrom(
        'evil.example',
        'localhost.evil.example:8080',
        '127.0.0.1:8080',
        '[::1]',
        '',
        'localhost:99999',
        '10.0.0.99',
      ),
      ifMatch,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      method: fc.constant('PUT' as const),
      url: portName.map((n) => `/api/ports/${n}`),
      body: either(goodPort, maybe(portSettings)),
      ifMatch,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      method: fc.constant('PUT' as const),
      url: fc.constant('/api/compute'),
      body: either(goodCompute, maybe(computeSettings)),
      ifMatch,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/api/routes'),
      body: either(goodRoute, maybe(routeInput)),
      ifMatch,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      method: fc.constant('DELETE' as const),
      url: fc.constant('/api/routes'),
      query: fc.oneof(
        goodRoute.map((r) => ({
          interfaceAlias: r.interfaceAlias,
          destinationPrefix: r.destinationPrefix,
        })),
        fc.dictionary(
          fc.constantFrom('interfaceAlias', 'destinationPrefix', 'other'),
          fc.oneof(portName, prefix),
          { maxKeys: 3 },
        ),
      ),
      ifMatch,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/api/routes/lookup'),
      body: maybe(
        shaped({
          destination: maybe(address),
          vm: maybe(fc.constantFrom('master', 'worker1', 'worker2', 'x')),
        }),
      ),
      ifMatch,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/api/validate'),
      body: maybe(
        shaped({
          kind: maybe(fc.constantFrom('port', 'compute', 'route', 'device')),
          name: maybe(portName),
          document: fc.oneof(portSettings, computeSettings, routeInput, noise),
        }),
      ),
      ifMatch,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/api/session'),
      body: maybe(shaped({ password: maybe(fc.string({ maxLength: 300 })) })),
      ifMatch,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/api/password'),
      body: maybe(
        shaped({
          currentPassword: maybe(fc.string({ maxLength: 20 })),
          newPassword: maybe(fc.string({ maxLength: 300 })),
        }),
      ),
      ifMatch,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      method: fc.constantFrom('PUT' as const, 'POST' as const),
      url: fc.constantFrom(
        '/api/ports/Port3',
        '/api/compute',
        '/api/routes',
        '/api/routes/lookup',
        '/api/validate',
      ),
      raw: fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom(
          '{',
          '{"__proto__": {"x": 1}}',
          '{"constructor": {"prototype": {}}}',
          'null',
          '[]',
          '""',
          '1e999',
          `{"a":${'['.repeat(200)}`,
        ),
      ),
      ifMatch,
    }),
  },
);

describe('fuzz', () => {
  const { t, c } = appPerSuite({ lockoutThreshold: 1_000_000 });
  const statuses = new Map<number, number>();
  const consoleStatuses = new Map<number, number>();
  beforeAll(async () => {
    // A stage where many generated writes can succeed: Port3 static on 192.168.20.0/24.
    await c.put('/api/ports/Port3', ARTICLE_PORT3, { ifMatch: await c.revision() });
  });

  it(`${RUNS} generated requests: no 5xx, well-formed problems, refused writes change nothing`, {
    timeout: 300_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        await t.app.jobs.idle();
        const before = t.app.store.revision;
        const headers: Record<string, string> = { cookie: c.cookie as string };
        if (req.host !== undefined) headers.host = req.host;
        const ifMatchHeader =
          {
            current: `"${before}"`,
            stale: `"${before - 1}"`,
            list: `"${before - 1}", "${before}"`,
            none: undefined,
          }[req.ifMatch as 'current'] ?? (req.ifMatch === 'none' ? undefined : req.ifMatch);
        if (ifMatchHeader !== undefined) headers['if-match'] = ifMatchHeader;
        let payload: string | undefined;
        if (req.raw !== undefined) {
          payload = req.raw;
          headers['content-type'] = 'application/json';
        } else if (req.body !== undefined) {
          payload = JSON.stringify(req.body);
          headers['content-type'] = 'application/json';
        }
        const res = await t.app.inject({
          method: req.method,
          url: req.url,
          query: req.query,
          headers,
          payload,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (req.url === '/api/console') {
          consoleStatuses.set(res.statusCode, (consoleStatuses.get(res.statusCode) ?? 0) + 1);
        }
        expect(res.statusCode, `${req.method} ${req.url} ${payload} → ${res.body}`).toBeLessThan(
          500,
        );

        // A changed password ends this session: sign in again with the new one (rare).
        if (req.url === '/api/password' && res.statusCode === 200) {
          throw new Error('the fuzz guessed the admin password');
        }
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          const problem = res.json();
          expect(problem.status).toBe(res.statusCode);
          expect(typeof problem.type).toBe('string');
          expect(typeof problem.title).toBe('string');
          expect(problem.message.en.length).toBeGreaterThan(0);
          expect(problem.message.ja.length).toBeGreaterThan(0);
          for (const issue of problem.issues ?? []) {
            expect(typeof issue.path).toBe('string');
            expect(CODES.has(issue.code)).toBe(true);
            expect(issue.message.en.length).toBeGreaterThan(0);
            expect(issue.message.ja.length).toBeGreaterThan(0);
          }
          // A console line stopped at a bound may have applied the statements it lists as run.
          const ran = (problem.statements ?? []).some(
            (st: { outcome: string }) => st.outcome === 'succeeded',
          );
          if (!ran) expect(t.app.store.revision).toBe(before);
        } else if (res.statusCode === 202) {
          await t.app.jobs.idle();
        }
      }),
      { numRuns: RUNS },
    );
    process.stdout.write(
      `fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
    );
    process.stdout.write(
      `fuzz console statuses: ${JSON.stringify(Object.fromEntries([...consoleStatuses].sort()))}\n`,
    );
    // Console lines ran, and some were stopped at a bound.
    expect(consoleStatuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(consoleStatuses.get(422) ?? 0).toBeGreaterThan(0);
    // The mix reached every kind of answer, successes included.
    const ok = [...statuses].filter(([s]) => s < 300).reduce((n, [, k]) => n + k, 0);
    expect(ok).toBeGreaterThan(RUNS / 50);
    for (const status of [400, 404, 409, 412, 421, 422, 428])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    // And the app still works.
    expect((await c.get('/api/config')).status).toBe(200);
    const compute = await c.get('/api/compute');
    if (compute.body.jobId) await waitForJob(c, compute.body.jobId);
  });
});
