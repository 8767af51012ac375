/**
 * Bad input for every rule of SPEC §2 through the HTTP API: the right status, the issue on the
 * right field (path relative to the request body), and nothing changed (same revision, same
 * document). Warnings are accepted and returned.
 */
import { ARTICLE_COMPUTE, ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, type Client, type Json, waitForJob } from './helpers';

const STATIC = (address: string, extra: Record<string, unknown> = {}) => ({
  ipEnabled: true,
  dhcp: false,
  address,
  subnetMask: '255.255.255.0',
  gateway: null,
  dns: [],
  mtu: null,
  ...extra,
});

const COMPUTE = ARTICLE_COMPUTE;

const ROUTE = ARTICLE_ROUTES[1];

interface Case {
  name: string;
  method: 'PUT' | 'POST';
  url: string;
  body: unknown;
  status: number;
  /** The issue expected (path and code), among those answered. */
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/** Port3 static on 192.168.20.0/24, Port4 with IP disabled, Port5 static: the stage of the cases. */
async function stage(c: Client): Promise<void> {
  let revision = await c.revision();
  for (const [name, body] of [
    [
      'Port3',
      STATIC('192.168.20.10', { gateway: '192.168.20.1', dns: ['192.168.20.2'], mtu: 1500 }),
    ],
    [
      'Port4',
      { ...STATIC('192.168.40.10'), ipEnabled: false, address: null, subnetMask: null, mtu: 1500 },
    ],
    ['Port5', STATIC('192.168.50.10')],
  ] as const) {
    const res = await c.put(`/api/ports/${name}`, body, { ifMatch: revision });
    expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
    revision = res.revision as number;
  }
}

/** The case builder of one endpoint: the case's name is prefixed with `kind`. */
const casesOf =
  (kind: string, method: Case['method'], url: string) =>
  (
    name: string,
    body: unknown,
    path: string,
    code: string,
    status = 422,
    params?: Record<string, unknown>,
  ): Case => ({ name: `${kind} ${name}`, method, url, body, status, path, code, params });
const portCase = casesOf('port', 'PUT', '/api/ports/Port3');
const port = (
  name: string,
  body: unknown,
  status: number,
  path: string,
  code: string,
  params?: Record<string, unknown>,
): Case => portCase(name, body, path, code, status, params);
const compute = casesOf('compute', 'PUT', '/api/compute');
const route = casesOf('route', 'POST', '/api/routes');

const CASES: Case[] = [
  // Ports (SPEC §2, ours)
  port('address required when static', STATIC(null as never), 422, 'address', 'field.required'),
  port(
    'mask required when static',
    { ...STATIC('192.168.20.10'), subnetMask: null },
    422,
    'subnetMask',
    'field.required',
  ),
  port('address valid', STATIC('192.168.20.300'), 422, 'address', 'address.invalid'),
  port(
    'mask valid',
    { ...STATIC('192.168.20.10'), subnetMask: '255.255.255.x' },
    422,
    'subnetMask',
    'mask.invalid',
  ),
  port(
    'mask contiguous',
    { ...STATIC('192.168.20.10'), subnetMask: '255.0.255.0' },
    422,
    'subnetMask',
    'mask.notContiguous',
  ),
  port(
    'address is not the network address',
    STATIC('192.168.20.0'),
    422,
    'address',
    'port.addressIsNetwork',
  ),
  port(
    'address is not the broadcast address',
    STATIC('192.168.20.255'),
    422,
    'address',
    'port.addressIsBroadcast',
  ),
  port('address usable', STATIC('127.0.0.5'), 422, 'address', 'port.addressUnusable'),
  port(
    'gateway inside the subnet',
    STATIC('192.168.20.10', { gateway: '192.168.21.1' }),
    422,
    'gateway',
    'port.gatewayOutsideSubnet',
  ),
  port(
    'gateway is not the address',
    STATIC('192.168.20.10', { gateway: '192.168.20.10' }),
    422,
    'gateway',
    'port.gatewayIsAddress',
  ),
  port(
    'DNS addresses valid',
    STATIC('192.168.20.10', { dns: ['8.8.8.8', '1.2.3'] }),
    422,
    'dns[1]',
    'address.invalid',
  ),
  port('MTU in range', STATIC('192.168.20.10', { mtu: 1600 }), 422, 'mtu', 'port.mtuOutOfRange'),
  // A shared address is reported on the port being changed (and on the other port too).
  port(
    'address not used by another port',
    STATIC('192.168.50.10'),
    422,
    'address',
    'port.addressInUse',
  ),
  // Shape errors: 400 on the field.
  port(
    'ipEnabled is a boolean',
    { ...STATIC('192.168.20.10'), ipEnabled: 'yes' },
    400,
    'ipEnabled',
    'field.invalid',
  ),
  port(
    'no unknown fields',
    { ...STATIC('192.168.20.10'), teaming: true },
    400,
    'teaming',
    'field.invalid',
  ),
  port('every field present', { ipEnabled: true, dhcp: false }, 400, 'address', 'field.required'),
  port(
    'at most 4 DNS servers',
    STATIC('192.168.20.10', { dns: ['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4', '1.1.1.5'] }),
    400,
    'dns',
    'field.invalid',
  ),

  // Compute (SPEC §2)
  compute(
    'port exists',
    { ...COMPUTE, computePort: 'Port9' },
    'computePort',
    'compute.portUnknown',
  ),
  compute(
    'port has IP enabled',
    { ...COMPUTE, computePort: 'Port4' },
    'computePort',
    'compute.portIpDisabled',
  ),
  compute(
    'port has an address',
    { ...COMPUTE, computePort: 'Port6' },
    'computePort',
    'compute.portNoAddress',
  ),
  compute(
    'range start is IPv4',
    { ...COMPUTE, nodeIpRange: { start: '192.168.20.x', end: '192.168.20.51' } },
    'nodeIpRange.start',
    'address.invalid',
  ),
  compute(
    'range is IPv4 only',
    { ...COMPUTE, nodeIpRange: { start: 'fd00::1', end: '192.168.20.51' } },
    'nodeIpRange.start',
    'compute.rangeNotIPv4',
  ),
  compute(
    'start ≤ end',
    { ...COMPUTE, nodeIpRange: { start: '192.168.20.52', end: '192.168.20.50' } },
    'nodeIpRange.end',
    'range.startAfterEnd',
  ),
  compute(
    'range inside the subnet',
    { ...COMPUTE, serviceIpRange: { start: '192.168.20.60', end: '192.168.21.5' } },
    'serviceIpRange.end',
    'compute.rangeOutsideSubnet',
  ),
  compute(
    'range excludes the network address',
    { ...COMPUTE, nodeIpRange: { start: '192.168.20.0', end: '192.168.20.3' } },
    'nodeIpRange.start',
    'compute.rangeIncludesNetwork',
  ),
  compute(
    'range excludes the broadcast address',
    { ...COMPUTE, serviceIpRange: { start: '192.168.20.250', end: '192.168.20.255' } },
    'serviceIpRange.end',
    'compute.rangeIncludesBroadcast',
  ),
  compute(
    'range excludes port addresses',
    { ...COMPUTE, nodeIpRange: { start: '192.168.20.9', end: '192.168.20.11' } },
    'nodeIpRange',
    'compute.rangeIncludesPortAddress',
  ),
  compute(
    'range excludes the gateway',
    { ...COMPUTE, serviceIpRange: { start: '192.168.20.1', end: '192.168.20.1' } },
    'serviceIpRange',
    'compute.rangeIncludesGateway',
  ),
  compute(
    'range excludes DNS servers',
    { ...COMPUTE, serviceIpRange: { start: '192.168.20.2', end: '192.168.20.2' } },
    'serviceIpRange',
    'compute.rangeIncludesDns',
  ),
  compute(
    'node range ≥ nodes + 1',
    { ...COMPUTE, nodeIpRange: { start: '192.168.20.50', end: '192.168.20.50' } },
    'nodeIpRange',
    'compute.nodeRangeTooSmall',
  ),
  compute(
    'service range required',
    { ...COMPUTE, serviceIpRange: null },
    'serviceIpRange',
    'field.required',
  ),
  compute(
    'ranges do not overlap',
    { ...COMPUTE, serviceIpRange: { start: '192.168.20.51', end: '192.168.20.55' } },
    'serviceIpRange',
    'compute.rangesOverlap',
  ),
  compute(
    'port subnets stay out of the pod CIDR',
    { ...COMPUTE, podCidr: '192.168.0.0/16' },
    'podCidr',
    'port.subnetOverlapsPodCidr',
  ),
  compute(
    'ranges stay out of the service CIDR',
    { ...COMPUTE, serviceCidr: '192.168.20.0/24' },
    'serviceIpRange',
    'compute.rangeOverlapsServiceCidr',
  ),
  compute(
    'pod CIDR is a prefix',
    { ...COMPUTE, podCidr: '172.27.0.0' },
    'podCidr',
    'prefix.invalid',
  ),
  compute(
    'pod CIDR is IPv4',
    { ...COMPUTE, podCidr: 'fd00::/64' },
    'podCidr',
    'compute.cidrNotIPv4',
  ),
  compute(
    'service CIDR has no host bits',
    { ...COMPUTE, serviceCidr: '172.28.0.1/16' },
    'serviceCidr',
    'prefix.hostBits',
  ),
  compute(
    'CIDRs do not overlap',
    { ...COMPUTE, serviceCidr: '172.27.128.0/17' },
    'serviceCidr',
    'compute.cidrsOverlap',
  ),
  compute(
    'ranges are {start, end}',
    { ...COMPUTE, nodeIpRange: '192.168.20.50-192.168.20.51' },
    'nodeIpRange',
    'field.invalid',
    400,
  ),

  // Routes (SPEC §2)
  route(
    'interface exists',
    { ...ROUTE, interfaceAlias: 'Port9' },
    'interfaceAlias',
    'route.interfaceUnknown',
  ),
  route(
    'interface is static (not DHCP)',
    { ...ROUTE, interfaceAlias: 'Port2', nextHop: '10.0.0.1', destinationPrefix: '10.1.0.0/16' },
    'interfaceAlias',
    'route.interfaceNotStatic',
  ),
  route(
    'interface has IP enabled',
    { ...ROUTE, interfaceAlias: 'Port4' },
    'interfaceAlias',
    'route.interfaceIpDisabled',
  ),
  route(
    'destination valid',
    { ...ROUTE, destinationPrefix: '192.168.21/24' },
    'destinationPrefix',
    'prefix.invalid',
  ),
  route(
    'prefix length valid',
    { ...ROUTE, destinationPrefix: '192.168.21.0/33' },
    'destinationPrefix',
    'prefix.lengthInvalid',
  ),
  route('next hop valid', { ...ROUTE, nextHop: '192.168.20.256' }, 'nextHop', 'address.invalid'),
  route('same address family', { ...ROUTE, nextHop: 'fe80::1' }, 'nextHop', 'route.familyMismatch'),
  route(
    'host bits set: did you mean',
    { ...ROUTE, destinationPrefix: '192.168.20.5/24' },
    'destinationPrefix',
    'prefix.hostBits',
    422,
    { canonical: '192.168.20.0/24' },
  ),
  route(
    'next hop inside the subnet',
    { ...ROUTE, nextHop: '192.168.30.1' },
    'nextHop',
    'route.nextHopOutsideSubnet',
  ),
  route(
    "next hop is not the interface's address",
    { ...ROUTE, nextHop: '192.168.20.10' },
    'nextHop',
    'route.nextHopIsInterface',
  ),
  route('metric ≤ 65535', { ...ROUTE, routeMetric: 65536 }, 'routeMetric', 'route.metricInvalid'),
  route('metric ≥ 0', { ...ROUTE, routeMetric: -1 }, 'routeMetric', 'route.metricInvalid'),
  route(
    'metric is an integer',
    { ...ROUTE, routeMetric: 1.5 },
    'routeMetric',
    'field.invalid',
    400,
  ),
  route(
    'destination not in the pod CIDR',
    { ...ROUTE, destinationPrefix: '172.27.4.0/24' },
    'destinationPrefix',
    'route.destinationInPodCidr',
  ),
  route(
    'destination not in the service CIDR',
    { ...ROUTE, destinationPrefix: '172.28.0.10' },
    'destinationPrefix',
    'route.destinationInServiceCidr',
  ),
  route(
    'interfaceAlias present',
    { destinationPrefix: '10.0.0.0/8', nextHop: '192.168.20.1' },
    'interfaceAlias',
    'field.required',
    400,
  ),
];

describe('SPEC §2 rules through the API', () => {
  const { c } = appPerSuite();
  beforeAll(async () => {
    await stage(c);
    // One route to collide with.
    const res = await c.post('/api/routes', { ...ROUTE, destinationPrefix: '192.168.22.0/24' });
    expect(res.status).toBe(201);
  });

  it.each(CASES)('$name → $status on $path ($code)', async (k) => {
    const before = await c.get('/api/config');
    const res = await c.call(k.method, k.url, { body: k.body, ifMatch: before.revision });
    expect(res.status, JSON.stringify(res.body)).toBe(k.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: k.status,
      title: expect.any(String),
      type: expect.any(String),
    });
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: k.path,
          code: k.code,
          severity: 'error',
          message: { en: expect.any(String), ja: expect.any(String) },
          ...(k.params ? { params: expect.objectContaining(k.params) } : {}),
        }),
      ]),
    );
    const after = await c.get('/api/config');
    expect(after.revision).toBe(before.revision);
    expect(after.body).toEqual(before.body);
  });

  it('the host-bits message offers the canonical prefix', async () => {
    const res = await c.post('/api/routes', { ...ROUTE, destinationPrefix: '192.168.20.5/24' });
    const issue = res.body.issues.find((i: Json) => i.code === 'prefix.hostBits');
    expect(issue.message.en).toContain('192.168.20.0/24');
    expect(issue.message.ja).toContain('192.168.20.0/24');
  });

  it('a duplicate (interface, destination) is a 409 conflict, in any spelling', async () => {
    const revision = await c.revision();
    const res = await c.post('/api/routes', {
      ...ROUTE,
      interfaceAlias: 'port3',
      destinationPrefix: '192.168.22.0/24',
      nextHop: '192.168.20.254',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('route.duplicate');
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'destinationPrefix', code: 'route.duplicate' }),
      ]),
    );
    expect(await c.revision()).toBe(revision);
  });

  it('warnings are saved with the change: overlapping port subnets', async () => {
    const revision = await c.revision();
    const res = await c.put('/api/ports/Port6', STATIC('192.168.20.20'), { ifMatch: revision });
    expect(res.status).toBe(200);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'address',
          code: 'port.subnetsOverlap',
          severity: 'warning',
        }),
      ]),
    );
    expect(res.revision).toBe(revision + 1);
    // Put it back out of the way.
    const back = await c.put(
      '/api/ports/Port6',
      { ...STATIC(null as never), dhcp: true, subnetMask: null },
      { ifMatch: res.revision as number },
    );
    expect(back.status).toBe(200);
  });

  it('warnings: the default route, and a route on a port that is not the compute port', async () => {
    const def = await c.post('/api/routes', { ...ROUTE, destinationPrefix: '0.0.0.0/0' });
    expect(def.status).toBe(201);
    expect(def.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'route.defaultRoute', severity: 'warning' }),
      ]),
    );
    const other = await c.post('/api/routes', {
      interfaceAlias: 'Port5',
      destinationPrefix: '10.5.0.0/16',
      nextHop: '192.168.50.1',
    });
    expect(other.status).toBe(201);
    expect(other.body.status.active).toBe(false);
  });

  it('a DHCP compute port is accepted with a warning', async () => {
    const revision = await c.revision();
    const res = await c.post('/api/validate', {
      kind: 'compute',
      document: {
        ...COMPUTE,
        computePort: 'Port2',
        nodeIpRange: { start: '10.0.0.50', end: '10.0.0.51' },
        serviceIpRange: { start: '10.0.0.60', end: '10.0.0.61' },
      },
    });
    expect(res.body.issues).toEqual([
      expect.objectContaining({
        path: 'computePort',
        code: 'compute.portDhcp',
        severity: 'warning',
      }),
    ]);
    expect(await c.revision()).toBe(revision);
  });
});

describe('locks once compute is Configured', () => {
  const { c } = appPerSuite();
  beforeAll(async () => {
    await stage(c);
    const res = await c.put('/api/compute', COMPUTE, { ifMatch: await c.revision() });
    expect(res.status).toBe(202);
    await waitForJob(c, res.body.job.id);
  });

  for (const [field, value] of [
    ['podCidr', '172.29.0.0/16'],
    ['serviceCidr', '172.30.0.0/16'],
    ['nodeIpRange', { start: '192.168.20.70', end: '192.168.20.71' }],
    ['computePort', 'Port5'],
  ] as const) {
    it(`${field} is locked`, async () => {
      const before = await c.get('/api/config');
      const res = await c.put(
        '/api/compute',
        { ...COMPUTE, [field]: value },
        { ifMatch: before.revision },
      );
      expect(res.status).toBe(422);
      expect(res.body.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: field, code: 'compute.locked' })]),
      );
      const after = await c.get('/api/config');
      expect(after.revision).toBe(before.revision);
      expect(after.body).toEqual(before.body);
    });
  }

  it('the external service IPs change at once, without a job (doc: no restart)', async () => {
    const revision = await c.revision();
    const res = await c.put(
      '/api/compute',
      { ...COMPUTE, serviceIpRange: { start: '192.168.20.80', end: '192.168.20.90' } },
      { ifMatch: revision },
    );
    expect(res.status).toBe(200);
    expect(res.body.job).toBeNull();
    expect(res.body.compute).toMatchObject({
      state: 'Configured',
      serviceIpRange: { start: '192.168.20.80', end: '192.168.20.90' },
    });
  });

  it('a port change that would strand the compute ranges is refused where it breaks them', async () => {
    const before = await c.get('/api/config');
    const res = await c.put('/api/ports/Port3', STATIC('192.168.60.10', { mtu: 1500 }), {
      ifMatch: before.revision,
    });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^compute\./), severity: 'error' }),
      ]),
    );
    expect((await c.get('/api/config')).revision).toBe(before.revision);
  });

  it('a range listing end before start is the same range: no change, as the core says', async () => {
    const current = (await c.get('/api/compute')).body;
    const reversed = ({ start, end }: { start: string; end: string }) => ({ end, start });
    const res = await c.put(
      '/api/compute',
      {
        ...COMPUTE,
        nodeIpRange: reversed(current.nodeIpRange),
        serviceIpRange: reversed(current.serviceIpRange),
      },
      { ifMatch: await c.revision() },
    );
    expect(res.status).toBe(200);
    expect(res.body.job).toBeNull();
    const history = await c.get('/api/revisions', { query: { limit: '1' } });
    expect(history.body.revisions[0]).toMatchObject({
      number: res.revision,
      summary: 'Compute: no change',
    });
  });
});
