/**
 * The device's documented cmdlet lines, exactly as SPEC §1.3 prints them, run by the real
 * `edgenet-ps` against the real server (a child process with its own SQLite data directory):
 * CLI → server → the API the Routes page reads, and back through Get-HcsNetRoute.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TypedApiClient } from '@edgenet/network-config/contract/client';
import { ARTICLE_COMPUTE } from '@edgenet/network-config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSession, putArticlePort3, startCliSession } from './harness';

let session: CliSession;
let sessionDir: string;
let api: TypedApiClient;

function edgenetPs(line: string, extra: string[] = []) {
  return session.edgenetPs(line, extra);
}

async function customRoutes() {
  return (await api.call('listRoutes', { query: { interfaceAlias: 'Port3' } })).data.routes;
}

beforeAll(async () => {
  session = await startCliSession({ applyMs: 0 });
  ({ sessionDir, api } = session);
  // The source article's network: Port3 static on 192.168.20.0/24, compute enabled on it.
  await putArticlePort3(api);
  const compute = await api.call('getCompute');
  const applied = await api.call('updateCompute', {
    body: ARTICLE_COMPUTE,
    ifMatch: compute.data.revision,
  });
  expect(applied.status).toBe(202);
  for (let i = 0; i < 100; i++) {
    if ((await api.call('getCompute')).data.state === 'Configured') break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(() => session?.stop());

describe('SPEC §1.3 cmdlet lines against the real server', () => {
  it('adds the documented route, with the connected-subnet warning, and the API shows it', async () => {
    const run = await edgenetPs(
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/WARNING: .*192\.168\.20\.0\/24 is inside Port3's own subnet/);
    expect(await customRoutes()).toEqual([
      expect.objectContaining({
        destinationPrefix: '192.168.20.0/24',
        nextHop: '192.168.20.1',
        routeMetric: 100,
        status: expect.objectContaining({ active: true }),
      }),
    ]);
  }, 60_000);

  it('adds the second subnet route and reads both back with Get-HcsNetRoute', async () => {
    const add = await edgenetPs(
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
    );
    expect(add.status).toBe(0);
    const get = await edgenetPs('Get-HcsNetRoute -InterfaceAlias Port3');
    expect(get.status).toBe(0);
    expect(get.stdout).toContain('192.168.20.0/24');
    expect(get.stdout).toContain('192.168.21.0/24');
    const json = await edgenetPs('Get-HcsNetRoute -InterfaceAlias Port3', ['--json']);
    expect(JSON.parse(json.stdout)).toEqual(
      (await customRoutes()).map((r) =>
        expect.objectContaining({ DestinationPrefix: r.destinationPrefix }),
      ),
    );
  }, 60_000);

  it('refuses adding the same route again with an error record and a non-zero exit', async () => {
    const again = await edgenetPs(
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Add-HcsNetRoute : .*already exists/m);
    expect(await customRoutes()).toHaveLength(2);
  }, 60_000);

  it('removes the documented route; the API and Get-HcsNetRoute no longer show it', async () => {
    const run = await edgenetPs(
      'Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"',
    );
    expect(run.status).toBe(0);
    expect((await customRoutes()).map((r) => r.destinationPrefix)).toEqual(['192.168.20.0/24']);
    const get = await edgenetPs('Get-HcsNetRoute -InterfaceAlias Port3');
    expect(get.stdout).not.toContain('192.168.21.0/24');
  }, 60_000);
});

describe('SPEC §9 services with kubectl against the real server', () => {
  it('creates, applies from a file, lists, resolves and deletes services', async () => {
    const manifest = join(sessionDir, 'dns.yaml');
    await writeFile(
      manifest,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  type: LoadBalancer\n  loadBalancerIP: 192.168.20.64\n  ports:\n  - port: 53\n    protocol: UDP\n',
    );
    const broken = join(sessionDir, 'broken.yaml');
    await writeFile(broken, 'kind: Service\nmetadata:\n  name: [x\n');
    // One process for the whole session (a spawn costs seconds on a busy machine).
    const script = join(sessionDir, 'services.ps1');
    await writeFile(
      script,
      [
        'kubectl create service loadbalancer web --tcp=80:8080',
        'kubectl expose deployment nginx --port=80',
        `kubectl apply -f ${manifest}`,
        `kubectl apply -f ${broken}`,
        'kubectl get svc',
        'kubectl get svc web -o yaml',
        'nslookup web.default.svc.cluster.local',
        'nslookup nope',
        'kubectl delete svc web',
        'kubectl delete svc web',
      ].join('\n'),
    );
    const run = await edgenetPs('', ['--continue-on-error', '--file', script]);
    expect(run.status).toBe(1);
    const out = run.stdout;
    expect(out).toContain('service/web created\nservice/nginx exposed\nservice/dns created\n');
    expect(run.stderr).toMatch(/^error: error parsing the manifest at line \d+/m);

    const lines = out.split('\n');
    const header = lines.findIndex((l) =>
      /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/.test(l),
    );
    expect(header).toBeGreaterThan(-1);
    expect(lines.find((l) => l.startsWith('web '))).toMatch(
      /^web\s+LoadBalancer\s+172\.28\.0\.\d+\s+192\.168\.20\.61\s+80:30000\/TCP\s+\d+s$/,
    );
    expect(lines.find((l) => l.startsWith('dns '))).toMatch(/192\.168\.20\.64\s+53:\d+\/UDP/);

    expect(out).toMatch(/\napiVersion: v1\nkind: Service\n/);
    expect(out).toContain('    - ip: 192.168.20.61\n');
    expect(out).toMatch(
      /Server:\t\t172\.28\.0\.10\nAddress:\t172\.28\.0\.10#53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 172\.28\.0\.\d+\n/,
    );
    expect(out).toContain("** server can't find nope: NXDOMAIN");
    expect(out).toContain('service "web" deleted\n');
    expect(run.stderr).toMatch(/not found/);
  }, 60_000);
});
