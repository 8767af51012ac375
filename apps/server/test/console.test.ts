/**
 * POST /api/console: the SPEC §1.3 cmdlet lines, word for word, run by the server with the same
 * engine as the command line, against the same API (so the routes show up everywhere).
 */
import { ARTICLE_CMDLETS } from '@edgenet/network-config/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, Client, configureArticle, type Json } from './helpers';

describe('the console', () => {
  const { t, c } = appPerSuite();
  beforeAll(async () => {
    await configureArticle(c);
  });

  const run = (line: string, locale?: 'en' | 'ja') =>
    c.post('/api/console', { line, locale, width: 120 });

  it('runs the documented lines word for word; the routes are those of the API', async () => {
    const add = await run(ARTICLE_CMDLETS.addRoute);
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({ error: false, exitCode: 0 });
    const routes = await c.get('/api/routes');
    expect(routes.body.routes.map((r: Json) => r.destinationPrefix)).toEqual(['192.168.21.0/24']);
    const history = await c.get('/api/revisions', { query: { limit: '1' } });
    expect(history.body.revisions[0].summary).toContain('Route added: Port3 192.168.21.0/24');

    const get = await run(ARTICLE_CMDLETS.getRoutes);
    expect(get.body.error).toBe(false);
    expect(get.body.output).toContain('192.168.21.0/24');

    const remove = await run(ARTICLE_CMDLETS.removeRoute);
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

  it('runs the services lines of SPEC §9 in the web Console', async () => {
    const created = await run('kubectl create service loadbalancer web --tcp=80:8080');
    expect(created.body).toMatchObject({ error: false, output: 'service/web created\n' });
    const list = await run('kubectl get svc web -o wide');
    expect(list.body.output).toMatch(
      /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR\nweb\s+LoadBalancer\s+172\.28\.0\.2\s+192\.168\.20\.61\s+80:30000\/TCP\s+\d+s\s+app=web\n$/,
    );
    const lookup = await run('nslookup web.default');
    expect(lookup.body.output).toContain(
      'Name:\tweb.default.svc.cluster.local\nAddress: 172.28.0.2\n',
    );
    // The web Console has no files: the line says where to paste the YAML instead.
    const apply = await run('kubectl apply -f web.yaml', 'ja');
    expect(apply.body.error).toBe(true);
    expect(apply.body.output).toContain('YAML を適用');
    const dup = await run('kubectl create service clusterip web --tcp=80');
    expect(dup.body.error).toBe(true);
    expect(dup.body.output).toMatch(/^error: services "web" already exists/);
    expect((await run('kubectl delete svc web')).body.output).toBe('service "web" deleted\n');
  });

  it('needs a session, and the body is checked', async () => {
    expect((await new Client(t.app).post('/api/console', { line: 'Get-HcsNetRoute' })).status).toBe(
      401,
    );
    expect((await c.post('/api/console', { line: 5 })).status).toBe(400);
  });
});
