/**
 * Export, import and bulk route changes through the real app (SQLite in a temp dir): every format
 * out and back into a fresh device, the preview that never changes anything, one revision per
 * apply, and every error answer (400, 412, 413, 422, 428) as problem+json.
 */
import { ARTICLE_COMPUTE, ARTICLE_PORT3 } from '@edgenet/network-config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appPerSuite,
  type Client,
  type Json,
  signedIn,
  startApp,
  type TestApp,
  waitForJob,
} from './helpers';

const PORT3_STATIC = ARTICLE_PORT3;

const ROUTES = [
  {
    interfaceAlias: 'Port3',
    destinationPrefix: '192.168.21.0/24',
    nextHop: '192.168.20.1',
    routeMetric: 100,
  },
  {
    interfaceAlias: 'Port3',
    destinationPrefix: '10.128.0.0/16',
    nextHop: '192.168.20.1',
    routeMetric: 256,
  },
  { interfaceAlias: 'Port3', destinationPrefix: '10.0.5.7/32', nextHop: '0.0.0.0', routeMetric: 5 },
];

/** Port3 static; compute on Port3 (applied when `configure`), with CIDRs; no routes. */
async function prepare(c: Client, options: { configure: boolean; cidrs?: boolean }) {
  let rev = await c.revision();
  const port = await c.put('/api/ports/Port3', PORT3_STATIC, { ifMatch: rev });
  expect(port.status).toBe(200);
  rev = port.revision as number;
  const compute = await c.put(
    '/api/compute',
    {
      ...ARTICLE_COMPUTE,
      computePort: options.configure ? 'Port3' : null,
      ...(options.cidrs ? { podCidr: '10.96.0.0/16', serviceCidr: '10.97.0.0/16' } : {}),
    },
    { ifMatch: rev },
  );
  expect([200, 202]).toContain(compute.status);
  if (compute.body.job) await waitForJob(c, compute.body.job.id);
}

async function routesOf(c: Client) {
  const res = await c.get('/api/routes');
  return res.body.routes.map((r: Json) => ({
    interfaceAlias: r.interfaceAlias,
    destinationPrefix: r.destinationPrefix,
    nextHop: r.nextHop,
    routeMetric: r.routeMetric,
  }));
}

async function importText(c: Client, body: Json, ifMatch?: number) {
  return c.post('/api/import', body, ifMatch === undefined ? {} : { ifMatch });
}

/** The exported file as sent: its text, whatever its media type. */
async function exportFile(c: Client, format: string) {
  const res = await c.app.inject({
    method: 'GET',
    url: `/api/export?format=${format}`,
    headers: { cookie: c.cookie ?? '' },
  });
  return { status: res.statusCode, headers: res.headers, text: res.body };
}

async function device(c: Client) {
  const { revision: _r, ...doc } = (await c.get('/api/config')).body;
  return doc;
}

describe('export → import into a fresh device → the same document', () => {
  let source: TestApp;
  let s: Client;
  beforeAll(async () => {
    source = await startApp();
    s = await signedIn(source.app);
    await prepare(s, { configure: true });
    for (const route of ROUTES) expect((await s.post('/api/routes', route)).status).toBe(201);
  });
  afterAll(() => source.close());

  it.each(['json', 'iproute2'] as const)('%s', async (format) => {
    const exported = await exportFile(s, format);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+"$/);
    const target = await startApp();
    try {
      const t = await signedIn(target.app);
      await prepare(t, { configure: true });
      const rev = await t.revision();
      const preview = await importText(t, { format, text: exported.text });
      expect(preview.status).toBe(200);
      expect(preview.body.counts).toMatchObject({ add: 3, errors: 0 });
      expect(await t.revision()).toBe(rev);
      const applied = await importText(t, { format, text: exported.text, dryRun: false }, rev);
      expect(applied.status).toBe(200);
      expect(applied.body.applied).toBe(true);
      expect(applied.revision).toBe(rev + 1);
      expect(await device(t)).toEqual(await device(s));
    } finally {
      await target.close();
    }
  });

  it('ps1, the Get-HcsNetRoute table and CSV (each from the routes as exported)', async () => {
    const ps1 = (await exportFile(s, 'ps1')).text;
    const table = [
      'InterfaceAlias DestinationPrefix NextHop RouteMetric Status',
      '-------------- ----------------- ------- ----------- ------',
      ...ROUTES.map(
        (r) => `${r.interfaceAlias} ${r.destinationPrefix} ${r.nextHop} ${r.routeMetric} Active`,
      ),
    ].join('\n');
    const csv = ROUTES.map((r) => Object.values(r).join(',')).join('\r\n');
    for (const [format, text] of [
      ['ps1', ps1],
      ['table', table],
      ['csv', csv],
    ] as const) {
      const target = await startApp();
      try {
        const t = await signedIn(target.app);
        await prepare(t, { configure: true });
        const rev = await t.revision();
        const applied = await importText(t, { format, text, dryRun: false }, rev);
        expect(applied.status, `${format}: ${JSON.stringify(applied.body)}`).toBe(200);
        expect(await device(t)).toEqual(await device(s));
      } finally {
        await target.close();
      }
    }
  }, 30_000);

  it('export answers each format with its media type; metallb and calico are YAML', async () => {
    const metallb = await exportFile(s, 'metallb');
    expect(metallb.headers['content-type']).toMatch(/^application\/yaml/);
    expect(metallb.text).toContain('192.168.20.60-192.168.20.65');
    const calico = await exportFile(s, 'calico');
    expect(calico.text).toContain('cidr: 172.27.0.0/16');
  });
});

describe('import: bad input and the rules of a write', () => {
  const { c } = appPerSuite();
  beforeAll(async () => {
    await prepare(c, { configure: false });
  });

  it('an unknown format is 400 problem+json, for export and import', async () => {
    const exp = await c.get('/api/export?format=xlsx');
    expect(exp.status).toBe(400);
    expect(exp.headers['content-type']).toMatch(/problem\+json/);
    const imp = await importText(c, { format: 'xlsx', text: 'x' });
    expect(imp.status).toBe(400);
    expect(imp.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a text of 10 MB or more is 413 problem+json; a larger body too', async () => {
    const big = `${'# padding line\n'.repeat(666_667)}`;
    expect(big.length).toBeGreaterThanOrEqual(10_000_000);
    const res = await importText(c, { format: 'csv', text: big });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('import.tooLarge');
    const huge = await importText(c, { format: 'csv', text: 'x'.repeat(13_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);
    expect(huge.body.code).toBe('import.tooLarge');
  });

  it('mixed line endings, a BOM, comments and blank lines: a preview that changes nothing', async () => {
    const rev = await c.revision();
    const text =
      '\uFEFF# routes\r\nAdd-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.1.0.0/16 -NextHop 192.168.20.1\n\r\n' +
      '<# a block\r comment #>\rAdd-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "10.2.0.0/16" -NextHop "192.168.20.1" -RouteMetric 7\n';
    const res = await importText(c, { format: 'ps1', text });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Json) => [r.line, r.action])).toEqual([
      [2, 'add'],
      [6, 'add'],
    ]);
    expect(await c.revision()).toBe(rev);
    expect(await routesOf(c)).toEqual([]);
  });

  it('a bad line: its number and why in en and ja; applying it is 422 and nothing is stored', async () => {
    const rev = await c.revision();
    const text = [
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.1.0.0/16 -NextHop 192.168.20.1',
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 10.2.0.5/16 -NextHop 192.168.20.1',
      'Get-HcsNetRoute',
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefx 10.3.0.0/16 -NextHop 192.168.20.1',
    ].join('\n');
    const preview = await importText(c, { format: 'ps1', text });
    expect(preview.status).toBe(200);
    const problems = preview.body.rows
      .filter((r: Json) => r.issues.length > 0)
      .map((r: Json) => [r.line, r.issues[0].code]);
    expect(problems).toEqual([
      [2, 'prefix.hostBits'],
      [3, 'import.commandUnsupported'],
      [4, 'import.scriptError'],
    ]);
    const hostBits = preview.body.rows[1].issues[0];
    expect(hostBits.message.en).toMatch(/10\.2\.0\.0\/16/);
    expect(hostBits.message.ja).toMatch(/10\.2\.0\.0\/16/);
    const applied = await importText(c, { format: 'ps1', text, dryRun: false }, rev);
    expect(applied.status).toBe(422);
    expect(applied.headers['content-type']).toMatch(/problem\+json/);
    expect(applied.body.issues.map((i: Json) => i.path)).toEqual([
      'lines[2].destinationPrefix',
      'lines[3]',
      'lines[4]',
    ]);
    expect(await c.revision()).toBe(rev);
    expect(await routesOf(c)).toEqual([]);
  });

  it('applying needs If-Match: 428 without, 412 when stale', async () => {
    const text = 'Port3,10.1.0.0/16,192.168.20.1';
    const rev = await c.revision();
    expect((await importText(c, { format: 'csv', text, dryRun: false })).status).toBe(428);
    expect((await importText(c, { format: 'csv', text, dryRun: false }, rev - 1)).status).toBe(412);
    expect(await c.revision()).toBe(rev);
  });

  it('a CIDR change by import is refused once compute is configured (the same lock as PUT)', async () => {
    const other = await startApp();
    try {
      const o = await signedIn(other.app);
      await prepare(o, { configure: true });
      const rev = await o.revision();
      const text =
        'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.0/16 -ServiceSubnet 10.97.0.0/16';
      const res = await importText(o, { format: 'ps1', text, dryRun: false }, rev);
      expect(res.status).toBe(422);
      expect(res.body.issues.map((i: Json) => i.code)).toContain('compute.locked');
    } finally {
      await other.close();
    }
  });

  it('replace removes what the text does not name, all in one revision', async () => {
    let rev = await c.revision();
    const first = await importText(
      c,
      {
        format: 'csv',
        text: 'Port3,10.1.0.0/16,192.168.20.1\nPort3,10.2.0.0/16,192.168.20.1',
        dryRun: false,
      },
      rev,
    );
    expect(first.status).toBe(200);
    rev = first.revision as number;
    const second = await importText(
      c,
      { format: 'csv', text: 'Port3,10.3.0.0/16,192.168.20.1', mode: 'replace', dryRun: false },
      rev,
    );
    expect(second.status).toBe(200);
    expect(second.revision).toBe(rev + 1);
    expect(second.body.counts).toMatchObject({ add: 1, remove: 2 });
    expect((await routesOf(c)).map((r: Json) => r.destinationPrefix)).toEqual(['10.3.0.0/16']);
  });

  it('10,000 routes in one request', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`Port3,10.${100 + (i >> 8)}.${i & 255}.0/24,192.168.20.1,${i % 100}`);
    }
    const rev = await c.revision();
    const res = await importText(
      c,
      { format: 'csv', text: lines.join('\n'), mode: 'replace', dryRun: false },
      rev,
    );
    expect(res.status).toBe(200);
    expect(res.revision).toBe(rev + 1);
    expect((await routesOf(c)).length).toBe(10_000);
  });
});

describe('bulk route changes: one revision', () => {
  const { c } = appPerSuite();
  beforeAll(async () => {
    await prepare(c, { configure: false });
    for (const route of ROUTES) expect((await c.post('/api/routes', route)).status).toBe(201);
  });

  it('removes several routes and changes a metric in place', async () => {
    const rev = await c.revision();
    const res = await c.post(
      '/api/routes/batch',
      {
        removals: [
          { interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' },
          { interfaceAlias: 'port3', destinationPrefix: '10.0.5.7' },
        ],
        changes: [{ interfaceAlias: 'Port3', destinationPrefix: '10.128.0.0/16', routeMetric: 42 }],
      },
      { ifMatch: rev },
    );
    expect(res.status).toBe(200);
    expect(res.revision).toBe(rev + 1);
    expect(await routesOf(c)).toEqual([{ ...ROUTES[1], routeMetric: 42 }]);
  });

  it('a bad metric or an unknown route is 422 naming it, and nothing changes', async () => {
    const rev = await c.revision();
    const res = await c.post(
      '/api/routes/batch',
      {
        removals: [{ interfaceAlias: 'Port3', destinationPrefix: '10.99.0.0/16' }],
        changes: [
          { interfaceAlias: 'Port3', destinationPrefix: '10.128.0.0/16', routeMetric: 70000 },
        ],
      },
      { ifMatch: rev },
    );
    expect(res.status).toBe(422);
    expect(res.body.issues.map((i: Json) => `${i.path} ${i.code}`)).toEqual([
      'removals[0] route.notFound',
      'changes[0].routeMetric route.metricInvalid',
    ]);
    expect(await c.revision()).toBe(rev);
  });

  it('needs If-Match', async () => {
    const body = { removals: [], changes: [] };
    expect((await c.post('/api/routes/batch', body)).status).toBe(428);
    expect((await c.post('/api/routes/batch', body, { ifMatch: 1 })).status).toBe(412);
  });
});
