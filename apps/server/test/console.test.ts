/**
 * POST /api/console: the SPEC §1.3 cmdlet lines, word for word, run by the server with the same
 * engine as the command line, against the same API (so the routes show up everywhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Json, signedIn, startApp, type TestApp, waitForJob } from './helpers';

describe('the console', () => {
  let t: TestApp;
  let c: Client;
  beforeAll(async () => {
    t = await startApp();
    c = await signedIn(t.app);
    const port = await c.put(
      '/api/ports/Port3',
      {
        ipEnabled: true,
        dhcp: false,
        address: '192.168.20.10',
        subnetMask: '255.255.255.0',
        gateway: '192.168.20.1',
        dns: [],
        mtu: 1500,
      },
      { ifMatch: await c.revision() },
    );
    const compute = await c.put(
      '/api/compute',
      {
        computePort: 'Port3',
        nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
        serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
        podCidr: '172.27.0.0/16',
        serviceCidr: '172.28.0.0/16',
      },
      { ifMatch: port.revision as number },
    );
    await waitForJob(c, compute.body.job.id);
  });
  afterAll(() => t.close());

  const run = (line: string, locale?: 'en' | 'ja') =>
    c.post('/api/console', { line, locale, width: 120 });

  it('runs the documented lines word for word; the routes are those of the API', async () => {
    const add = await run(
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
    );
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({ error: false, exitCode: 0 });
    const routes = await c.get('/api/routes');
    expect(routes.body.routes.map((r: Json) => r.destinationPrefix)).toEqual(['192.168.21.0/24']);
    const history = await c.get('/api/revisions', { query: { limit: '1' } });
    expect(history.body.revisions[0].summary).toContain('Route added: Port3 192.168.21.0/24');

    const get = await run('Get-HcsNetRoute -InterfaceAlias Port3');
    expect(get.body.error).toBe(false);
    expect(get.body.output).toContain('192.168.21.0/24');

    const remove = await run(
      'Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"',
    );
    expect(remove.body.error).toBe(false);
    expect((await c.get('/api/routes')).body.routes).toEqual([]);
  });

  it('reports mistakes and refusals in the answer, not as HTTP errors', async () => {
    const unknown = await run('Get-Nothing');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ error: true, exitCode: 1 });
    expect(unknown.body.chunks.some((chunk: Json) => chunk.stream === 'error')).toBe(true);
    const refused = await run(
      'Add-HcsNetRoute -InterfaceAlias Port3 -DestinationPrefix 192.168.20.5/24 -NextHop 192.168.20.1',
    );
    expect(refused.body.error).toBe(true);
    expect(refused.body.output).toContain('192.168.20.0/24');
  });

  it('kubectl views come from the Kubernetes view', async () => {
    const pods = await run('kubectl get pods -n metallb-system');
    expect(pods.body.error).toBe(false);
    expect(pods.body.output).toMatch(/speaker/);
  });

  it('needs a session, and the body is checked', async () => {
    expect((await new Client(t.app).post('/api/console', { line: 'Get-HcsNetRoute' })).status).toBe(
      401,
    );
    expect((await c.post('/api/console', { line: 5 })).status).toBe(400);
  });
});
