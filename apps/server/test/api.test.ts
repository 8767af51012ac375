/**
 * Every endpoint through the real app (SQLite in a temp dir, the simulated device), and the whole
 * scenario of the source article: Port3 static → compute on Port3 → apply → the two routes of
 * SPEC §1.3 → read back → lookup → remove one.
 */
import {
  ARTICLE_COMPUTE,
  ARTICLE_PORT3,
  ARTICLE_ROUTES,
  DHCP_PORT,
  PORT_NAMES,
} from '@edgenet/network-config/testing';
import { describe, expect, it } from 'vitest';
import { appPerSuite, type Client, type Json, signedIn, waitForJob } from './helpers';

const PORT3_STATIC = ARTICLE_PORT3;
const COMPUTE_PORT3 = ARTICLE_COMPUTE;

describe('the source article, end to end', () => {
  const { c } = appPerSuite();

  it('runs the whole scenario', async () => {
    // Factory state: Port1 static (doc), Port2 on DHCP with a lease, Port3 DHCP without one.
    const ports = await c.get('/api/ports');
    expect(ports.status).toBe(200);
    expect(ports.etag).toBe(`"${ports.body.revision}"`);
    const byName = Object.fromEntries(ports.body.ports.map((p: Json) => [p.name, p]));
    expect(byName.Port1).toMatchObject({
      dhcp: false,
      address: '192.168.100.10',
      link: { connected: true },
    });
    expect(byName.Port2).toMatchObject({ dhcp: true, address: '10.0.0.23', gateway: '10.0.0.1' });
    expect(byName.Port3).toMatchObject({ dhcp: true, address: null });
    expect(ports.body.ports.map((p: Json) => p.name)).toEqual([...PORT_NAMES]);

    // 1. Port3: static 192.168.20.10/24.
    const port3 = await c.put('/api/ports/Port3', PORT3_STATIC, { ifMatch: ports.revision });
    expect(port3.status).toBe(200);
    expect(port3.body).toMatchObject({
      name: 'Port3',
      dhcp: false,
      address: '192.168.20.10',
      issues: [],
    });
    expect(port3.revision).toBe((ports.revision as number) + 1);

    // 2. Compute on Port3: node IPs .50–.51, service IPs .60–.65 → 202 and a job.
    const put = await c.put('/api/compute', COMPUTE_PORT3, { ifMatch: port3.revision });
    expect(put.status).toBe(202);
    expect(put.headers.location).toBe(`/api/jobs/${put.body.job.id}`);
    expect(put.body.compute).toMatchObject({ computePort: 'Port3', state: 'Configuring' });
    expect(put.body.job.steps.map((s: Json) => s.name)).toEqual([
      'createExternalSwitch',
      'createMasterVm',
      'createWorkerVm1',
      'installCalico',
      'installMetallb',
      'installCoreDns',
    ]);
    expect(put.body.job.steps[0].label.en).toContain('vswitch-Port3');

    // 3. Follow the job to Configured.
    const job = await waitForJob(c, put.body.job.id);
    expect(job).toMatchObject({ state: 'succeeded', progress: 100, error: null });
    const compute = await c.get('/api/compute');
    expect(compute.body).toMatchObject({
      ...COMPUTE_PORT3,
      state: 'Configured',
      error: null,
      jobId: null,
    });
    expect(compute.etag).toBe(`"${compute.body.revision}"`);

    const k8s = await c.get('/api/kubernetes');
    expect(k8s.body.nodes).toEqual([
      expect.objectContaining({
        name: 'master',
        role: 'master',
        ip: '192.168.20.50',
        status: 'Ready',
      }),
      expect.objectContaining({ name: 'worker1', role: 'worker', ip: '192.168.20.51' }),
    ]);
    expect(k8s.body.services).toEqual([
      expect.objectContaining({ name: 'kubernetes', clusterIp: '172.28.0.1', ports: '443/TCP' }),
      expect.objectContaining({
        name: 'kube-dns',
        clusterIp: '172.28.0.10',
        ports: '53/UDP,53/TCP,9153/TCP',
      }),
      // SPEC §9: IoT Edge's edgehub holds the first external service IP once compute runs.
      expect.objectContaining({
        name: 'edgehub',
        namespace: 'iotedge',
        type: 'LoadBalancer',
        externalIp: '192.168.20.60',
      }),
    ]);
    expect(k8s.body.endpoints.map((e: Json) => e.url)).toEqual([
      'https://192.168.20.50:6443',
      'https://192.168.20.50:31000',
      'https://192.168.20.50:31001',
    ]);
    const components = Object.fromEntries(
      k8s.body.components.map((x: Json) => [`${x.namespace}/${x.name}`, x.pods.length]),
    );
    expect(components).toEqual({
      'kube-system/calico-node': 2,
      'kube-system/calico-kube-controllers': 1,
      'metallb-system/controller': 1,
      'metallb-system/speaker': 2,
      'kube-system/coredns': 2,
    });

    // 4. Add-HcsNetRoute … 192.168.20.0/24 via 192.168.20.1: accepted with a warning (redundant).
    const first = await c.post('/api/routes', ARTICLE_ROUTES[0]);
    expect(first.status).toBe(201);
    expect(first.body.status).toEqual({ active: true, reason: null });
    expect(first.body.issues).toEqual([
      expect.objectContaining({
        path: 'destinationPrefix',
        code: 'route.destinationConnected',
        severity: 'warning',
        message: { en: expect.stringContaining('redundant'), ja: expect.any(String) },
      }),
    ]);
    const second = await c.post('/api/routes', ARTICLE_ROUTES[1]);
    expect(second.status).toBe(201);
    expect(second.body.issues).toEqual([]);
    expect(second.headers.location).toBe(
      '/api/routes?interfaceAlias=Port3&destinationPrefix=192.168.21.0%2F24',
    );

    // 5. Get-HcsNetRoute -InterfaceAlias Port3.
    const list = await c.get('/api/routes', { query: { interfaceAlias: 'Port3' } });
    expect(list.body.routes).toEqual([
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.20.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 100,
        status: { active: true, reason: null },
        // The add-time warning stays with the route in the list.
        warnings: [
          expect.objectContaining({
            path: 'destinationPrefix',
            code: 'route.destinationConnected',
            severity: 'warning',
            message: { en: expect.stringContaining('redundant'), ja: expect.any(String) },
          }),
        ],
      },
      {
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.21.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 100,
        status: { active: true, reason: null },
        warnings: [],
      },
    ]);
    expect(list.revision).toBe(second.revision);

    // 6. Where does 192.168.21.7 go? Via the second route.
    const lookup = await c.post('/api/routes/lookup', { destination: '192.168.21.7' });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      destination: '192.168.21.7',
      vm: 'master',
      route: { destinationPrefix: '192.168.21.0/24', origin: 'custom' },
      nextHop: '192.168.20.1',
      nic: 'external',
    });
    expect(lookup.body.explanation.summary.en).toContain('192.168.21.0/24');

    // The effective table of the worker VM has the custom routes too.
    const effective = await c.get('/api/routes/effective', { query: { vm: 'worker1' } });
    expect(effective.body.vm).toMatchObject({ name: 'worker1', externalIp: '192.168.20.51' });
    expect(effective.body.routes.filter((r: Json) => r.origin === 'custom')).toHaveLength(2);

    // 7. Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24".
    const removed = await c.delete('/api/routes', {
      query: { interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' },
    });
    expect(removed.status).toBe(204);
    expect(removed.revision).toBe((second.revision as number) + 1);
    const after = await c.get('/api/routes');
    expect(after.body.routes.map((r: Json) => r.destinationPrefix)).toEqual(['192.168.20.0/24']);
    const lookupAfter = await c.post('/api/routes/lookup', { destination: '192.168.21.7' });
    expect(lookupAfter.body.route).toMatchObject({ origin: 'default', nic: 'internal' });

    // The history names each change.
    const history = await c.get('/api/revisions', { query: { limit: '20' } });
    const summaries = history.body.revisions.map((r: Json) => r.summary);
    expect(summaries[0]).toBe('Route removed: Port3 192.168.21.0/24 via 192.168.20.1');
    expect(summaries).toContain(`Compute: Configuring → Configured (job ${job.id})`);
    expect(summaries.at(-1)).toBe('Factory configuration');
    expect(history.body.revisions[0].author).toMatch(/^admin@/);
  });
});

describe('endpoints', () => {
  const { t, c } = appPerSuite({ kiosk: true });

  it('GET /api/health and /api/settings need no session', async () => {
    const anonymous = new (c.constructor as typeof Client)(t.app);
    const health = await anonymous.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const settings = await anonymous.get('/api/settings');
    expect(settings.body).toEqual({
      kiosk: true,
      idleTimeoutSeconds: 900,
      driver: process.env.EDGENET_TEST_DRIVER === 'linux' ? 'linux' : 'simulated',
    });
  });

  it('GET /api/device', async () => {
    const res = await c.get('/api/device');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sku: 'pro-gpu',
      skuName: 'Azure Stack Edge Pro GPU',
      nodeCount: 1,
      computeState: 'NotConfigured',
      kiosk: true,
    });
    expect(res.etag).toBe(`"${res.body.revision}"`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/config is the whole document with its revision', async () => {
    const res = await c.get('/api/config');
    expect(Object.keys(res.body).sort()).toEqual([
      'compute',
      // The firmware the rules follow, and the virtual switches and networks (SPEC §8).
      'firmware',
      'name',
      'nodeCount',
      'ports',
      'revision',
      'routes',
      'sku',
      'virtualNetworks',
      'virtualSwitches',
    ]);
    expect(res.body.compute.state).toBe('NotConfigured');
    expect(res.etag).toBe(`"${res.body.revision}"`);
  });

  it('GET /api/session repeats the session', async () => {
    const res = await c.get('/api/session');
    expect(res.body).toEqual({
      mustChangePassword: false,
      failedAttemptsSinceLastSignIn: 0,
      idleTimeoutSeconds: 900,
    });
  });

  it('PUT /api/ports/:name needs If-Match: 428 without, 412 stale', async () => {
    const revision = await c.revision();
    const missing = await c.put('/api/ports/Port3', PORT3_STATIC);
    expect(missing.status).toBe(428);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('revision.required');
    const stale = await c.put('/api/ports/Port3', PORT3_STATIC, { ifMatch: revision - 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('revision.stale');
    expect(stale.etag).toBe(`"${revision}"`);
    const weak = await c.put('/api/ports/Port3', PORT3_STATIC, { ifMatch: `W/"${revision}"` });
    expect(weak.status).toBe(412);
    expect(await c.revision()).toBe(revision);
  });

  it('PUT /api/ports/:name of an unknown port is 404; port names match case-insensitively', async () => {
    const revision = await c.revision();
    const res = await c.put('/api/ports/Port9', PORT3_STATIC, { ifMatch: revision });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('port.unknown');
    const lower = await c.put('/api/ports/port3', PORT3_STATIC, { ifMatch: revision });
    expect(lower.status).toBe(200);
    expect(lower.body.name).toBe('Port3');
  });

  it('a DHCP port takes the lease the device offers', async () => {
    const revision = await c.revision();
    const res = await c.put('/api/ports/Port2', DHCP_PORT, { ifMatch: revision });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dhcp: true,
      address: '10.0.0.23',
      subnetMask: '255.255.255.0',
      gateway: '10.0.0.1',
    });
  });

  it('PUT /api/compute with If-Match * applies; saving without a compute port needs no job', async () => {
    const res = await c.put(
      '/api/compute',
      {
        ...COMPUTE_PORT3,
        computePort: null,
        nodeIpRange: null,
        serviceIpRange: null,
        podCidr: '172.29.0.0/16',
      },
      { ifMatch: '*' },
    );
    expect(res.status).toBe(200);
    expect(res.body.job).toBeNull();
    expect(res.body.compute).toMatchObject({ podCidr: '172.29.0.0/16', state: 'NotConfigured' });
  });

  it('GET /api/jobs/:id of an unknown job is 404', async () => {
    const res = await c.get('/api/jobs/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('job.unknown');
  });

  it('GET /api/kubernetes before compute: no nodes, the reserved service addresses', async () => {
    const res = await c.get('/api/kubernetes');
    expect(res.body).toMatchObject({
      state: 'NotConfigured',
      nodes: [],
      components: [],
      services: [],
    });
    expect(res.body.reserved).toEqual([
      { address: '172.28.0.1', use: 'kubernetes' },
      { address: '172.28.0.10', use: 'kube-dns' },
    ]);
  });

  it('routes on a port before compute is configured are kept, inactive with the reason', async () => {
    const res = await c.post('/api/routes', {
      interfaceAlias: 'port1',
      destinationPrefix: '10.10.0.0/16',
      nextHop: '192.168.100.1',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      interfaceAlias: 'Port1',
      routeMetric: 256,
      status: { active: false },
    });
    expect(res.body.status.reason.code).toBe('route.computeNotConfigured');
    expect(res.body.status.reason.message.ja).toEqual(expect.any(String));
    const stale = await c.post(
      '/api/routes',
      { interfaceAlias: 'Port1', destinationPrefix: '10.11.0.0/16', nextHop: '192.168.100.1' },
      { ifMatch: (res.revision as number) - 1 },
    );
    expect(stale.status).toBe(412);
    const fresh = await c.post(
      '/api/routes',
      { interfaceAlias: 'Port1', destinationPrefix: '10.11.0.0/16', nextHop: '192.168.100.1' },
      { ifMatch: res.revision as number },
    );
    expect(fresh.status).toBe(201);
  });

  it('DELETE /api/routes: 404 for an unknown route, 412 with a stale If-Match, any spelling of the prefix', async () => {
    const unknown = await c.delete('/api/routes', {
      query: { interfaceAlias: 'Port1', destinationPrefix: '10.99.0.0/16' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('route.notFound');
    const revision = await c.revision();
    const stale = await c.delete('/api/routes', {
      query: { interfaceAlias: 'Port1', destinationPrefix: '10.11.0.0/16' },
      ifMatch: revision - 1,
    });
    expect(stale.status).toBe(412);
    const ok = await c.delete('/api/routes', {
      query: { interfaceAlias: 'PORT1', destinationPrefix: '10.11.0.0/16' },
      ifMatch: revision,
    });
    expect(ok.status).toBe(204);
    const missingQuery = await c.delete('/api/routes', { query: { interfaceAlias: 'Port1' } });
    expect(missingQuery.status).toBe(400);
    expect(missingQuery.body.issues).toEqual([
      expect.objectContaining({ path: 'destinationPrefix', code: 'field.required' }),
    ]);
  });

  it('GET /api/routes/effective: 404 for an unknown VM', async () => {
    const res = await c.get('/api/routes/effective', { query: { vm: 'worker7' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('vm.unknown');
    const master = await c.get('/api/routes/effective');
    expect(master.body.vm.name).toBe('master');
    expect(master.body.routes.find((r: Json) => r.origin === 'default')).toMatchObject({
      destinationPrefix: '0.0.0.0/0',
      nic: 'internal',
    });
  });

  it('POST /api/routes/lookup: a bad destination is 422 on `destination`', async () => {
    const res = await c.post('/api/routes/lookup', { destination: '300.1.1.1' });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ path: 'destination', code: 'address.invalid' }),
    ]);
    const vm = await c.post('/api/routes/lookup', { destination: '8.8.8.8', vm: 'nope' });
    expect(vm.status).toBe(404);
    const ok = await c.post('/api/routes/lookup', { destination: '8.8.8.8' });
    expect(ok.body.route).toMatchObject({ destinationPrefix: '0.0.0.0/0', nextHop: '172.16.0.1' });
  });

  it('POST /api/validate dry-runs without saving', async () => {
    const revision = await c.revision();
    const port = await c.post('/api/validate', {
      kind: 'port',
      name: 'Port4',
      document: { ...PORT3_STATIC, address: '192.168.20.0' },
    });
    expect(port.status).toBe(200);
    expect(port.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'address', code: 'port.addressIsNetwork' }),
      ]),
    );
    const route = await c.post('/api/validate', {
      kind: 'route',
      document: {
        interfaceAlias: 'Port3',
        destinationPrefix: '192.168.20.5/24',
        nextHop: '192.168.20.1',
      },
    });
    expect(route.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'destinationPrefix',
          code: 'prefix.hostBits',
          params: expect.objectContaining({ canonical: '192.168.20.0/24' }),
        }),
      ]),
    );
    const compute = await c.post('/api/validate', {
      kind: 'compute',
      document: { ...COMPUTE_PORT3, nodeIpRange: { start: '192.168.20.50', end: '192.168.20.50' } },
    });
    expect(compute.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'nodeIpRange', code: 'compute.nodeRangeTooSmall' }),
      ]),
    );
    const shape = await c.post('/api/validate', { kind: 'compute', document: { computePort: 3 } });
    expect(shape.status).toBe(400);
    expect(shape.body.issues.map((i: Json) => i.path)).toEqual(
      expect.arrayContaining(['computePort', 'nodeIpRange', 'podCidr']),
    );
    const noName = await c.post('/api/validate', { kind: 'port', document: PORT3_STATIC });
    expect(noName.status).toBe(400);
    expect(await c.revision()).toBe(revision);
  });

  it('GET /api/openapi.json and /api/docs', async () => {
    const spec = await c.get('/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/session',
      '/api/ports/{name}',
      '/api/compute',
      '/api/jobs/{id}',
      '/api/routes',
      '/api/routes/lookup',
      '/api/kubernetes',
      '/api/validate',
      '/api/config',
    ]) {
      expect(spec.body.paths).toHaveProperty([path]);
    }
    const docs = await c.get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('unknown API paths are 404 problems; other pages say to build the web app', async () => {
    const api = await c.get('/api/nope');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const page = await c.get('/compute');
    expect(page.status).toBe(200);
    expect(page.body).toContain('npm run build');
  });

  it('DELETE /api/session signs out', async () => {
    const other = await signedIn(t.app);
    expect((await other.delete('/api/session')).status).toBe(204);
    expect((await other.get('/api/device')).status).toBe(401);
  });
});
