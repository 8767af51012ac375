/**
 * The Linux driver on the real kernel (SPEC §10): the article's scenario in namespaces, the
 * kernel's own tables and answers, real pings, a kernel refusal, a kill mid-apply, `--clean`,
 * and a host that is exactly as it was. Skips (with the reason) where it cannot run (not root).
 */

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type EffectiveRoute,
  effectiveRoutes,
  kubernetesVms,
  podBlocks,
} from '@edgenet/network-config';
import { ARTICLE_COMPUTE, ARTICLE_PORT3, ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespacePrefix } from '../src/driver/linux/linux-device';
import {
  ADMIN_PASSWORD,
  type Client,
  signedIn,
  startApp,
  type TestApp,
  tempDir,
  waitForJob,
} from './helpers';
import { hostSnapshot, linuxSkipReason, namespaces } from './linux-env';

const skip = linuxSkipReason();
if (skip) console.log(`Linux driver tests skipped: ${skip}`);

const PORT3 = { ...ARTICLE_PORT3, dns: ['192.168.20.2'] };
const COMPUTE = ARTICLE_COMPUTE;

async function configure(c: Client) {
  const port = await c.put('/api/ports/Port3', PORT3, { ifMatch: await c.revision() });
  expect(port.status).toBe(200);
  const put = await c.put('/api/compute', COMPUTE, { ifMatch: port.revision });
  expect(put.status).toBe(202);
  return put.body.job.id as string;
}

/** The background reconcile after a commit: wait until the kernel shows what we expect. */
async function eventually<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip)('the Linux driver on this kernel', () => {
  let before: Record<string, unknown>;
  let t: TestApp;
  let c: Client;
  let prefix: string;
  beforeAll(async () => {
    before = hostSnapshot();
    t = await startApp({ deviceDriver: 'linux' });
    c = await signedIn(t.app);
    prefix = namespacePrefix(t.dataDir);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('builds the article scenario in namespaces, reads tables from the kernel and pings for real', async () => {
    expect(namespaces(prefix)).toEqual(
      ['Port1', 'Port2', 'Port3', 'dev', 'nat'].map((n) => `${prefix}-${n}`).sort(),
    );
    const job = await waitForJob(c, await configure(c));
    expect(job.state).toBe('succeeded');
    expect(namespaces(prefix)).toContain(`${prefix}-worker1`);

    const route = await c.post('/api/routes', ARTICLE_ROUTES[1]);
    expect(route.status).toBe(201);

    // The effective table now comes from the worker's kernel and holds the custom route.
    const table = await eventually(
      async () => (await c.get('/api/routes/effective', { query: { vm: 'worker1' } })).body,
      (b) => b.routes.some((r: { origin: string }) => r.origin === 'custom'),
    );
    expect(table.source).toBe('kernel');
    expect(table.routes).toContainEqual({
      destinationPrefix: '192.168.21.0/24',
      nextHop: '192.168.20.1',
      nic: 'external',
      routeMetric: 100,
      origin: 'custom',
      interfaceAlias: 'Port3',
      type: 'unicast',
    });
    expect(table.routes).toContainEqual(
      expect.objectContaining({
        destinationPrefix: '0.0.0.0/0',
        origin: 'default',
        nic: 'internal',
      }),
    );

    // The kernel's own lookup agrees with the core's.
    const lookup = await c.post('/api/routes/lookup', {
      destination: '192.168.21.7',
      vm: 'worker1',
    });
    expect(lookup.status).toBe(200);
    expect(lookup.body.route.destinationPrefix).toBe('192.168.21.0/24');
    expect(lookup.body.kernel).toMatchObject({
      agrees: true,
      nextHop: '192.168.20.1',
      nic: 'external',
      route: { destinationPrefix: '192.168.21.0/24', gateway: '192.168.20.1', dev: 'eth1' },
    });

    // Each VM's kernel holds the core's whole table: the same entries (destination, type, next
    // hop, metric, NIC, origin), pod blocks, the pod CIDR's blackhole, the service network and the
    // local table included.
    const device = t.app.config.device;
    const key = (r: EffectiveRoute) =>
      `${r.destinationPrefix} ${r.type} ${r.nextHop} ${r.routeMetric} ${r.nic} ${r.origin}`;
    for (const vm of kubernetesVms(device)) {
      const kernelTable = (await c.get('/api/routes/effective', { query: { vm: vm.name } })).body;
      expect(kernelTable.source).toBe('kernel');
      const core = effectiveRoutes(device, device.routes, vm.name);
      expect(core.map(key).sort()).toContain('172.27.0.0/16 blackhole 0.0.0.0 0 pod pod');
      expect((kernelTable.routes as EffectiveRoute[]).map(key).sort()).toEqual(
        core.map(key).sort(),
      );
    }

    // And the kernel's own lookup agrees with the core's for every kind of address, from each VM.
    const disagreements: string[] = [];
    const types = new Set<string>();
    for (const vm of kubernetesVms(device)) {
      const other = kubernetesVms(device).find((v) => v.name !== vm.name);
      const otherBlock = podBlocks(device).find((b) => b.vm === other?.name)?.block ?? '';
      const ownBlock = podBlocks(device).find((b) => b.vm === vm.name)?.block ?? '';
      const inBlock = (block: string) =>
        block.replace(/\d+\/26$/, (m) => `${Number(m.split('/')[0]) + 5}`);
      for (const destination of [
        inBlock(otherBlock), // a pod on the other node: via its node IP
        inBlock(ownBlock), // a pod of this VM: on its cali interface
        '172.27.200.1', // in the pod CIDR, in no node's block: the blackhole
        '172.28.0.10', // a service address (kube-proxy)
        vm.externalIp ?? '',
        vm.internalIp,
        '127.0.0.1',
        '192.168.20.255', // the compute subnet's broadcast
        '172.16.0.255', // the internal switch's broadcast
        '224.0.0.251', // mDNS multicast
        '192.168.21.7', // behind the custom route
        '10.99.0.1', // the default route
      ]) {
        const answer = await c.post('/api/routes/lookup', { destination, vm: vm.name });
        expect(answer.status).toBe(200);
        types.add(answer.body.type);
        if (!answer.body.kernel?.agrees)
          disagreements.push(
            `${vm.name} ${destination}: core ${answer.body.type} ${answer.body.route?.destinationPrefix} ${answer.body.nic} ${answer.body.nextHop}, kernel ${JSON.stringify(answer.body.kernel)}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
    expect([...types].sort()).toEqual(['blackhole', 'broadcast', 'local', 'multicast', 'unicast']);

    // A host behind 192.168.20.1 answers a real ping from the worker VM.
    const ok = await c.post('/api/probe', { vm: 'worker1', destination: '192.168.21.7' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ reachable: true, error: null });
    expect(ok.body.received).toBeGreaterThan(0);
    expect(ok.body.hops.at(-1)).toMatchObject({ address: '192.168.21.7', outcome: 'reply' });
    // The gateway and the DNS server of Port3 answer too.
    expect(
      (await c.post('/api/probe', { vm: 'master', destination: '192.168.20.2' })).body.reachable,
    ).toBe(true);

    // The device's own cmdlet, as an admin types it.
    const tnc = await c.post('/api/console', {
      line: 'Test-NetConnection 192.168.21.7 -Vm worker1 -TraceRoute',
      width: 120,
    });
    expect(tnc.body.error).toBe(false);
    expect(tnc.body.output).toMatch(/PingSucceeded\s*:\s*True/);
    expect(tnc.body.output).toMatch(/TraceRoute\s*:\s*192\.168\.21\.7/);

    // No route but the default: the NAT has no Internet, and the kernel says so.
    const lost = await c.post('/api/probe', { vm: 'worker1', destination: '10.99.0.1' });
    expect(lost.body.reachable).toBe(false);
    expect(lost.body.route.nextHop).toBe('172.16.0.1');
    expect(lost.body.error).toMatch(/Unreachable/i);

    // Removing the route takes it out of the kernel; the probe now fails the same way.
    const removed = await c.delete('/api/routes', {
      query: { interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' },
    });
    expect(removed.status).toBe(204);
    const after = await eventually(
      async () =>
        (await c.post('/api/routes/lookup', { destination: '192.168.21.7', vm: 'worker1' })).body,
      (b) => b.kernel?.route?.destinationPrefix === '0.0.0.0/0',
    );
    expect(after.kernel).toMatchObject({ agrees: true, nextHop: '172.16.0.1', nic: 'internal' });

    // Disabling compute removes the VMs and the external switch.
    const disable = await c.put(
      '/api/compute',
      { ...COMPUTE, computePort: null },
      { ifMatch: await c.revision() },
    );
    expect(disable.status).toBe(202);
    expect((await waitForJob(c, disable.body.job.id)).state).toBe('succeeded');
    await eventually(
      () => namespaces(prefix),
      (n) => !n.includes(`${prefix}-master`),
    );
    expect(namespaces(prefix)).not.toContain(`${prefix}-master`);
    expect(namespaces(prefix)).not.toContain(`${prefix}-worker1`);
    const probe = await c.post('/api/probe', { vm: 'master', destination: '192.168.20.1' });
    expect(probe.status).toBe(409);
    expect(probe.body.code).toBe('probe.vmNotRunning');

    await t.close();
    expect(namespaces(prefix)).toEqual([]);
    expect(hostSnapshot()).toEqual(before);
  }, 30_000);
});

describe.skipIf(skip)('the Linux driver when the kernel refuses or the server dies', () => {
  it('fails the step with the kernel message and tears the half-built cluster down', async () => {
    const t = await startApp({ deviceDriver: 'linux', failStep: 'createWorkerVm1' });
    const prefix = namespacePrefix(t.dataDir);
    try {
      const c = await signedIn(t.app);
      const job = await waitForJob(c, await configure(c));
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/Cannot find device "edgenet-absent"/);
      expect((await c.get('/api/compute')).body).toMatchObject({ state: 'Failed' });
      // Failed wants no cluster: the master built before the refusal goes away.
      await eventually(
        () => namespaces(prefix),
        (n) => !n.includes(`${prefix}-master`),
      );
      expect(namespaces(prefix)).not.toContain(`${prefix}-master`);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('reconciles at start-up after a kill in the middle of an apply', async () => {
    const dataDir = tempDir();
    const prefix = namespacePrefix(dataDir);
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    const port = 20000 + Math.floor(Math.random() * 20000);
    // Node itself (tsx as a loader), so SIGKILL hits the server and not a wrapper.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repo, 'apps/server/src/server.ts')],
      {
        cwd: repo,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          EDGENET_DRIVER: 'linux',
          EDGENET_DATA_DIR: dataDir,
          EDGENET_APPLY_MS: '12000',
          EDGENET_INITIAL_PASSWORD: ADMIN_PASSWORD,
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      },
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      let cookie = '';
      await eventually(
        async () => {
          try {
            const res = await fetch(`${url}/api/session`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ password: ADMIN_PASSWORD }),
            });
            cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
            return res.ok;
          } catch {
            return false;
          }
        },
        (ok) => ok,
        20_000,
      );
      const call = async (method: string, path: string, body?: unknown) => {
        const etag =
          (await fetch(`${url}/api/config`, { headers: { cookie } })).headers.get('etag') ?? '';
        const res = await fetch(`${url}${path}`, {
          method,
          headers: { cookie, 'content-type': 'application/json', 'if-match': etag },
          body: JSON.stringify(body),
        });
        return (await res.json()) as { job: { id: string } };
      };
      await call('PUT', '/api/ports/Port3', PORT3);
      const put: { job: { id: string } } = await call('PUT', '/api/compute', COMPUTE);
      // 12 s over 6 steps: the master VM stands after ~4 s, the cluster would need 12.
      await eventually(
        async () =>
          (await (
            await fetch(`${url}/api/jobs/${put.job.id}`, { headers: { cookie } })
          ).json()) as {
            steps: { name: string; state: string }[];
          },
        (job) => job.steps.some((s) => s.name === 'createMasterVm' && s.state === 'succeeded'),
        25_000,
      );
      expect(namespaces(prefix)).toContain(`${prefix}-master`);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const t = await startApp({ dataDir, deviceDriver: 'linux' });
      try {
        const c = await signedIn(t.app);
        expect((await c.get('/api/compute')).body.state).toBe('Failed');
        // Start-up reconcile: the interrupted cluster is gone, the device's own namespaces stand.
        expect(namespaces(prefix)).toEqual(
          ['Port1', 'Port2', 'Port3', 'dev', 'nat'].map((n) => `${prefix}-${n}`).sort(),
        );
        // And applying again builds it all.
        const job = await waitForJob(
          c,
          (await c.put('/api/compute', COMPUTE, { ifMatch: await c.revision() })).body.job.id,
        );
        expect(job.state).toBe('succeeded');
        expect(namespaces(prefix)).toContain(`${prefix}-worker1`);
      } finally {
        await t.close();
      }
      expect(namespaces(prefix)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
