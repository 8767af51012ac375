/**
 * Kubernetes services over HTTP (SPEC §9): 409 before compute runs and for a name in use, MetalLB's
 * allocation and `<pending>`, the range-change warning before apply, Service YAML (400 with the
 * line), delete, revisions — against the real app and SQLite.
 */
import { ARTICLE_COMPUTE, ARTICLE_PORT3 } from '@edgenet/network-config/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, type Json, waitForJob } from './helpers';

const PORT3 = ARTICLE_PORT3;
// Three service IPs, so the third LoadBalancer service fills the range.
const COMPUTE = {
  ...ARTICLE_COMPUTE,
  serviceIpRange: { start: '192.168.20.60', end: '192.168.20.62' },
};
const web = { name: 'web', type: 'LoadBalancer', ports: [{ port: 80, targetPort: 8080 }] };

describe('Kubernetes services', () => {
  const { c } = appPerSuite();
  beforeAll(async () => {
    const port = await c.put('/api/ports/Port3', PORT3, { ifMatch: await c.revision() });
    expect(port.status).toBe(200);
  });

  it('refuses services before compute is Configured (409 with the reason)', async () => {
    const res = await c.post('/api/kubernetes/services', web);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('service.computeNotConfigured');
    expect(res.body.message.en).toMatch(/NotConfigured/);
    expect(res.body.message.ja).toMatch(/コンピューティング/);
  });

  it('creates, allocates, shares the pool and deletes, each a revision', async () => {
    const put = await c.put('/api/compute', COMPUTE, { ifMatch: await c.revision() });
    await waitForJob(c, put.body.job.id);

    const created = await c.post('/api/kubernetes/services', web);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/kubernetes/services/default/web');
    expect(created.body).toMatchObject({
      name: 'web',
      namespace: 'default',
      clusterIP: '172.28.0.2',
      externalIP: '192.168.20.61',
      pending: false,
      portsText: '80:30000/TCP',
    });
    const dup = await c.post('/api/kubernetes/services', web);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('service.duplicate');

    const api = await c.post('/api/kubernetes/services', { ...web, name: 'api' });
    expect(api.body.externalIP).toBe('192.168.20.62');
    const full = await c.post('/api/kubernetes/services', { ...web, name: 'extra' });
    expect(full.status).toBe(201);
    expect(full.body.pending).toBe(true);
    expect(full.body.event.message).toBe(
      'Failed to allocate IP for "default/extra": no available IPs',
    );
    expect(full.body.issues.map((i: Json) => i.code)).toEqual(['service.pending']);

    const list = await c.get('/api/kubernetes/services');
    expect(list.body.pool).toMatchObject({ size: 3, used: 3, free: 0, pending: 1 });
    expect(list.body.pool.holders[0]).toEqual({
      address: '192.168.20.60',
      services: ['iotedge/edgehub'],
    });
    expect(list.body.services.map((s: Json) => `${s.namespace}/${s.name}`)).toEqual([
      'default/kubernetes',
      'kube-system/kube-dns',
      'iotedge/edgehub',
      'default/web',
      'default/api',
      'default/extra',
    ]);

    // The stored document carries the services, so they are in the revisions.
    const config = await c.get('/api/config');
    expect(config.body.services.map((s: Json) => s.name)).toEqual(['web', 'api', 'extra']);

    const stale = await c.delete('/api/kubernetes/services/default/api', { ifMatch: 1 });
    expect(stale.status).toBe(412);
    const gone = await c.delete('/api/kubernetes/services/default/api');
    expect(gone.status).toBe(204);
    const after = await c.get('/api/kubernetes/services');
    const extra = after.body.services.find((s: Json) => s.name === 'extra');
    expect(extra.externalIP).toBe('192.168.20.62');
    expect((await c.delete('/api/kubernetes/services/default/api')).status).toBe(404);
    expect((await c.delete('/api/kubernetes/services/kube-system/kube-dns')).status).toBe(409);
  });

  it('warns before a range change which services lose their address, then applies it', async () => {
    const shrink = { ...COMPUTE, serviceIpRange: { start: '192.168.20.60', end: '192.168.20.61' } };
    const dry = await c.post('/api/validate', { kind: 'compute', document: shrink });
    expect(dry.status).toBe(200);
    const lost = dry.body.issues.find((i: Json) => i.code === 'service.addressLost');
    expect(lost).toMatchObject({ path: 'serviceIpRange', severity: 'warning' });
    expect(lost.message.en).toMatch(/default\/extra loses its external IP 192\.168\.20\.62/);
    expect(lost.message.ja).toMatch(/外部 IP/);

    const applied = await c.put('/api/compute', shrink, { ifMatch: await c.revision() });
    expect(applied.status).toBe(200);
    expect(applied.body.issues.map((i: Json) => i.code)).toContain('service.addressLost');
    const list = await c.get('/api/kubernetes/services');
    const extra = list.body.services.find((s: Json) => s.name === 'extra');
    expect(extra.pending).toBe(true);
  });

  it('applies a Service YAML, and answers 400 with the line of a YAML error', async () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: dns',
      '  namespace: tools',
      'spec:',
      '  selector:',
      '    app: dns',
      '  ports:',
      '  - port: 53',
      '    protocol: UDP',
    ].join('\n');
    const first = await c.post('/api/kubernetes/manifests', { manifest });
    expect(first.status).toBe(200);
    expect(first.body.results[0]).toMatchObject({
      outcome: 'created',
      service: { name: 'dns', namespace: 'tools', type: 'ClusterIP', portsText: '53/UDP' },
    });
    const again = await c.post('/api/kubernetes/manifests', { manifest });
    expect(again.body.results[0].outcome).toBe('unchanged');
    expect(again.revision).toBe(first.revision);

    const broken = await c.post('/api/kubernetes/manifests', {
      manifest: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: [a\n',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.issues[0]).toMatchObject({
      path: 'manifest',
      code: 'service.manifestInvalid',
    });
    expect(broken.body.issues[0].params.line).toBeGreaterThanOrEqual(5);
    expect(broken.body.message.en).toMatch(/line \d/);

    const bad = await c.post('/api/kubernetes/services', { name: 'Bad', ports: [{ port: 0 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: Json) => `${i.path} ${i.code}`)).toEqual([
      'name service.nameInvalid',
      'ports[0].port service.portInvalid',
    ]);
  });

  it('disabling compute deletes the services with the cluster', async () => {
    const off = await c.put(
      '/api/compute',
      { ...COMPUTE, computePort: null },
      { ifMatch: await c.revision() },
    );
    await waitForJob(c, off.body.job.id);
    expect((await c.get('/api/config')).body.services).toEqual([]);
    expect((await c.get('/api/kubernetes/services')).body.services).toEqual([]);
  });
});
