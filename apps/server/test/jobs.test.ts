/**
 * The compute jobs on the simulated device: progress while it runs (the API never blocks), a
 * failing step, retry, disabling compute, a two-node device, and a restart during a job.
 */
import { ARTICLE_COMPUTE, ARTICLE_PORT3 } from '@edgenet/network-config/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedDevice } from '../src/driver/simulated';
import { INTERRUPTED_ERROR } from '../src/jobs/job-runner';
import { Store } from '../src/store/store';
import { type Client, type Json, signedIn, startApp, type TestApp, waitForJob } from './helpers';

const PORT3 = ARTICLE_PORT3;
const COMPUTE = ARTICLE_COMPUTE;

async function preparePort3(c: Client): Promise<number> {
  const res = await c.put('/api/ports/Port3', PORT3, { ifMatch: await c.revision() });
  expect(res.status).toBe(200);
  return res.revision as number;
}

let apps: TestApp[] = [];
async function start(options: Parameters<typeof startApp>[0] = {}) {
  const t = await startApp(options);
  apps.push(t);
  return t;
}
afterEach(async () => {
  for (const t of apps) await t.close().catch(() => undefined);
  apps = [];
});

describe('compute jobs', () => {
  it('report progress while the API keeps answering; compute is locked meanwhile', async () => {
    const t = await start({ applyMs: 600 });
    const c = await signedIn(t.app);
    const put = await c.put('/api/compute', COMPUTE, { ifMatch: await preparePort3(c) });
    expect(put.status).toBe(202);
    const seen = new Set<number>();
    let partialNodes = false;
    for (;;) {
      const started = performance.now();
      const job = await c.get(`/api/jobs/${put.body.job.id}`);
      expect(performance.now() - started).toBeLessThan(100);
      seen.add(job.body.progress);
      const k8s = await c.get('/api/kubernetes');
      if (job.body.state !== 'running') break;
      expect(k8s.body.state).toBe('Configuring');
      if (k8s.body.nodes.length > 0 && k8s.body.components.length === 0) partialNodes = true;
      const busy = await c.put('/api/compute', COMPUTE, { ifMatch: '*' });
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('compute.busy');
      const compute = await c.get('/api/compute');
      expect(compute.body).toMatchObject({ state: 'Configuring', jobId: put.body.job.id });
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(partialNodes).toBe(true);
    expect((await c.get('/api/compute')).body.state).toBe('Configured');
  });

  it('a failing step fails the job and compute (with the reason); applying again succeeds', async () => {
    const driver = new SimulatedDevice({ applyMs: 0, failStep: 'installMetallb' });
    const t = await start({ driver });
    const c = await signedIn(t.app);
    const put = await c.put('/api/compute', COMPUTE, { ifMatch: await preparePort3(c) });
    const job = await waitForJob(c, put.body.job.id);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('MetalLB');
    expect(job.steps.map((s: Json) => s.state)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'pending',
    ]);
    const failed = await c.get('/api/compute');
    expect(failed.body).toMatchObject({ state: 'Failed', error: job.error, jobId: null });
    expect((await c.get('/api/kubernetes')).body.nodes).toEqual([]);
    expect((await c.get('/api/device')).body.computeState).toBe('Failed');

    driver.options.failStep = null;
    const retry = await c.put('/api/compute', COMPUTE, { ifMatch: failed.revision as number });
    expect(retry.status).toBe(202);
    expect((await waitForJob(c, retry.body.job.id)).state).toBe('succeeded');
    expect((await c.get('/api/compute')).body).toMatchObject({ state: 'Configured', error: null });
  });

  it('disabling compute (computePort null) tears it down; routes stay, inactive', async () => {
    const t = await start();
    const c = await signedIn(t.app);
    const put = await c.put('/api/compute', COMPUTE, { ifMatch: await preparePort3(c) });
    await waitForJob(c, put.body.job.id);
    expect(
      (
        await c.post('/api/routes', {
          interfaceAlias: 'Port3',
          destinationPrefix: '10.1.0.0/16',
          nextHop: '192.168.20.1',
        })
      ).body.status.active,
    ).toBe(true);

    const off = await c.put(
      '/api/compute',
      { ...COMPUTE, computePort: null },
      { ifMatch: await c.revision() },
    );
    expect(off.status).toBe(202);
    expect(off.body.job.kind).toBe('compute.disable');
    expect(off.body.job.steps.map((s: Json) => s.name)).toEqual([
      'removeComponents',
      'removeWorkerVm1',
      'removeMasterVm',
      'removeExternalSwitch',
    ]);
    expect((await waitForJob(c, off.body.job.id)).state).toBe('succeeded');
    expect((await c.get('/api/compute')).body).toMatchObject({
      state: 'NotConfigured',
      computePort: null,
    });
    const routes = await c.get('/api/routes');
    expect(routes.body.routes).toEqual([
      expect.objectContaining({
        destinationPrefix: '10.1.0.0/16',
        status: expect.objectContaining({ active: false }),
      }),
    ]);
    // Node IPs may change again now.
    const again = await c.put(
      '/api/compute',
      { ...COMPUTE, nodeIpRange: { start: '192.168.20.70', end: '192.168.20.71' } },
      { ifMatch: await c.revision() },
    );
    expect(again.status).toBe(202);
  });

  it('a two-node device creates two workers and needs three node IPs', async () => {
    const t = await start({ nodeCount: 2 });
    const c = await signedIn(t.app);
    const revision = await preparePort3(c);
    const small = await c.put('/api/compute', COMPUTE, { ifMatch: revision });
    expect(small.status).toBe(422);
    expect(small.body.issues).toEqual([
      expect.objectContaining({ path: 'nodeIpRange', code: 'compute.nodeRangeTooSmall' }),
    ]);
    const put = await c.put(
      '/api/compute',
      { ...COMPUTE, nodeIpRange: { start: '192.168.20.50', end: '192.168.20.52' } },
      { ifMatch: revision },
    );
    expect(put.body.job.steps.map((s: Json) => s.name)).toContain('createWorkerVm2');
    await waitForJob(c, put.body.job.id);
    const k8s = await c.get('/api/kubernetes');
    expect(k8s.body.nodes.map((n: Json) => `${n.name}=${n.ip}`)).toEqual([
      'master=192.168.20.50',
      'worker1=192.168.20.51',
      'worker2=192.168.20.52',
    ]);
    const speakers = k8s.body.components.find((x: Json) => x.name === 'speaker');
    expect(speakers.pods).toHaveLength(3);
  });

  it('a graceful stop during a job records it as interrupted; compute is Failed after restart', async () => {
    const t = await startApp({ applyMs: 10_000 });
    const c = await signedIn(t.app);
    const put = await c.put('/api/compute', COMPUTE, { ifMatch: await preparePort3(c) });
    await new Promise((r) => setTimeout(r, 50));
    await t.app.close();
    const again = await start({ dataDir: t.dataDir });
    const c2 = await signedIn(again.app);
    const job = await c2.get(`/api/jobs/${put.body.job.id}`);
    expect(job.body).toMatchObject({ state: 'failed', error: INTERRUPTED_ERROR });
    expect((await c2.get('/api/compute')).body).toMatchObject({
      state: 'Failed',
      error: INTERRUPTED_ERROR,
    });
  });

  it('a crash during a job (row left running) is recovered at start-up', async () => {
    const t = await start({ applyMs: 10_000 });
    const c = await signedIn(t.app);
    await preparePort3(c);
    await t.app.close();
    // What a SIGKILL mid-job leaves: compute Configuring, the job row running.
    const store = Store.open(t.dataDir);
    const device = store.current;
    const revision = store.commit({
      basedOn: store.revision,
      author: 'test',
      summary: 'crash',
      document: { ...device, compute: { ...device.compute, ...COMPUTE, state: 'Configuring' } },
    });
    store.saveJob({
      id: 'job-crashed',
      kind: 'compute.apply',
      state: 'running',
      progress: 40,
      steps: [
        { name: 'createExternalSwitch', state: 'succeeded' },
        { name: 'createMasterVm', state: 'running' },
      ],
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      revision,
    });
    store.close();
    const again = await start({ dataDir: t.dataDir });
    const c2 = await signedIn(again.app);
    expect((await c2.get('/api/jobs/job-crashed')).body).toMatchObject({
      state: 'failed',
      error: INTERRUPTED_ERROR,
      steps: [
        expect.objectContaining({ state: 'succeeded' }),
        expect.objectContaining({ state: 'failed' }),
      ],
    });
    expect((await c2.get('/api/compute')).body.state).toBe('Failed');
  });
});
