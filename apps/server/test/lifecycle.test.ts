/**
 * The change lifecycle over HTTP (SPEC §7.1, §7.2), through the real app and SQLite: history,
 * one revision, diff, restore (and its errors), the management-port warning, tentative changes
 * with confirm / revert / expiry, and the pending change across a restart.
 */
import { ARTICLE_PORT3 } from '@edgenet/network-config/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, type Json, signedIn, startApp, tempDir, waitForJob } from './helpers';

const PORT3_STATIC = ARTICLE_PORT3;
const PORT1_NEW = {
  ipEnabled: true,
  dhcp: false,
  address: '192.168.100.11',
  subnetMask: '255.255.255.0',
  gateway: '192.168.100.1',
  dns: [],
  mtu: 1500,
};
const route = (destinationPrefix: string) => ({
  interfaceAlias: 'Port3',
  destinationPrefix,
  nextHop: '192.168.20.1',
  routeMetric: 10,
});

describe('history, diff and restore', () => {
  const { c } = appPerSuite();
  beforeAll(async () => {
    const rev = await c.revision();
    expect((await c.put('/api/ports/Port3', PORT3_STATIC, { ifMatch: rev })).status).toBe(200);
    for (const p of ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16']) {
      expect(
        (await c.post('/api/routes', route(p), { headers: { 'edgenet-source': 'cli' } })).status,
      ).toBe(201);
    }
  });

  it('lists revisions newest first, paged, with source and a summary in English and Japanese', async () => {
    const page = await c.get('/api/revisions', { query: { limit: '2' } });
    expect(page.status).toBe(200);
    expect(page.body.revisions.map((r: Json) => r.number)).toEqual([5, 4]);
    expect(page.body.nextBefore).toBe(4);
    expect(page.body.revisions[0]).toMatchObject({
      source: 'cli',
      summary: 'Route added: Port3 10.3.0.0/16 via 192.168.20.1 metric 10',
      summaries: { ja: 'ルートを追加: Port3 10.3.0.0/16 (次ホップ 192.168.20.1)' },
    });
    const rest = await c.get('/api/revisions', { query: { before: '4', limit: '10' } });
    expect(rest.body.revisions.map((r: Json) => [r.number, r.source])).toEqual([
      [3, 'cli'],
      [2, 'api'],
      [1, 'system'],
    ]);
    expect(rest.body.nextBefore).toBeNull();
    expect((await c.get('/api/revisions', { query: { limit: 'x' } })).status).toBe(400);
  });

  it('reads any revision whole; 404 for one that does not exist, 400 for a bad number', async () => {
    const two = await c.get('/api/revisions/2');
    expect(two.status).toBe(200);
    expect(two.body.document.routes).toEqual([]);
    expect(two.body.document.ports[2]).toMatchObject({ name: 'Port3', address: '192.168.20.10' });
    const four = await c.get('/api/revisions/4');
    expect(four.body.document.routes.map((r: Json) => r.destinationPrefix)).toEqual([
      '10.1.0.0/16',
      '10.2.0.0/16',
    ]);
    const missing = await c.get('/api/revisions/99');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('revision.unknown');
    expect(missing.body.message.ja).toContain('99');
    expect((await c.get('/api/revisions/0')).status).toBe(404);
    expect((await c.get('/api/revisions/abc')).status).toBe(400);
  });

  it('diffs two revisions: ports field by field, routes added and removed', async () => {
    const diff = await c.get('/api/revisions/1/diff/4');
    expect(diff.status).toBe(200);
    const port3 = diff.body.diff.lists.ports.changed.find((p: Json) => p.key.name === 'Port3');
    expect(port3.fields).toContainEqual({ field: 'address', before: null, after: '192.168.20.10' });
    expect(diff.body.diff.lists.routes.added).toHaveLength(2);
    const back = await c.get('/api/revisions/5/diff/3');
    expect(back.body.diff.lists.routes.removed.map((r: Json) => r.destinationPrefix)).toEqual([
      '10.2.0.0/16',
      '10.3.0.0/16',
    ]);
    expect(back.body.summary.en).toBe('Routes: 2 removed');
    expect((await c.get('/api/revisions/1/diff/77')).status).toBe(404);
  });

  it('restores an old revision as a new one; If-Match required and checked', async () => {
    expect((await c.post('/api/revisions/3/restore', {})).status).toBe(428);
    expect((await c.post('/api/revisions/3/restore', {}, { ifMatch: 2 })).status).toBe(412);
    expect((await c.post('/api/revisions/42/restore', {}, { ifMatch: 5 })).status).toBe(404);
    expect((await c.post('/api/revisions/3/restore', { bogus: 1 }, { ifMatch: 5 })).status).toBe(
      400,
    );
    const restored = await c.post('/api/revisions/3/restore', {}, { ifMatch: 5 });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ revision: 6, restored: 3, confirmBy: null });
    const routes = await c.get('/api/routes');
    expect(routes.body.routes.map((r: Json) => r.destinationPrefix)).toEqual(['10.1.0.0/16']);
    const [latest] = (await c.get('/api/revisions', { query: { limit: '1' } })).body.revisions;
    expect(latest).toMatchObject({
      number: 6,
      source: 'restore',
      summaries: { en: 'Restored revision 3', ja: 'リビジョン 3 を復元' },
    });
  });

  it('refuses (422, nothing changed) a restore the device forbids now: compute is configured', async () => {
    let rev = await c.revision();
    const compute = await c.put(
      '/api/compute',
      {
        computePort: 'Port3',
        nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
        serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
        podCidr: '172.27.0.0/16',
        serviceCidr: '172.28.0.0/16',
      },
      { ifMatch: rev },
    );
    expect(compute.status).toBe(202);
    await waitForJob(c, compute.body.job.id);
    rev = await c.revision();
    const refused = await c.post('/api/revisions/3/restore', {}, { ifMatch: rev });
    expect(refused.status).toBe(422);
    const paths = refused.body.issues.map((i: Json) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['compute.computePort', 'compute.nodeIpRange']));
    expect(refused.body.issues[0].message.ja).toBeTruthy();
    expect(await c.revision()).toBe(rev);
    expect((await c.get('/api/compute')).body.state).toBe('Configured');
  });
});

describe('safe apply: the management port, confirm and revert', () => {
  const { c } = appPerSuite({ confirmSeconds: 60 });

  it('Port1 to a new address needs the acknowledgement, then is tentative until confirmed', async () => {
    const rev = await c.revision();
    const refused = await c.put('/api/ports/Port1', PORT1_NEW, { ifMatch: rev });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('change.acknowledgementRequired');
    expect(refused.body.issues[0]).toMatchObject({
      code: 'port.managementChange',
      severity: 'warning',
    });
    expect(await c.revision()).toBe(rev);

    const before = Date.now();
    const tentative = await c.put(
      '/api/ports/Port1',
      { ...PORT1_NEW, acknowledge: ['port.managementChange'] },
      { ifMatch: rev },
    );
    expect(tentative.status).toBe(200);
    const confirmBy = Date.parse(tentative.body.confirmBy);
    expect(confirmBy - before).toBeGreaterThan(55_000);
    expect(confirmBy - before).toBeLessThan(65_000);

    const pending = await c.get('/api/pending');
    expect(pending.body.pending).toMatchObject({
      revision: tentative.body.revision,
      previous: rev,
      reason: 'managementPort',
      confirmBy: tentative.body.confirmBy,
    });

    // Other writes wait: 409 naming the deadline.
    const blocked = await c.post('/api/routes', {
      interfaceAlias: 'Port1',
      destinationPrefix: '10.9.0.0/16',
      nextHop: '192.168.100.1',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('change.pendingConfirmation');
    expect(blocked.body.message.en).toContain(tentative.body.confirmBy);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const blockedRestore = await c.post(
      '/api/revisions/1/restore',
      {},
      { ifMatch: tentative.body.revision },
    );
    expect(blockedRestore.status).toBe(409);

    const confirmed = await c.post('/api/pending/confirm');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.pending).toBeNull();
    expect((await c.get('/api/pending')).body.pending).toBeNull();
    expect((await c.get('/api/ports')).body.ports[0].address).toBe('192.168.100.11');
    const again = await c.post('/api/pending/confirm');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('change.nothingPending');
    expect((await c.post('/api/pending/revert')).status).toBe(409);
  });

  it('Port1 to DHCP, then Revert now: the old settings are back as a rollback revision', async () => {
    const rev = await c.revision();
    const tentative = await c.put(
      '/api/ports/Port1',
      { ...PORT1_NEW, dhcp: true, acknowledge: ['port.managementChange'] },
      { ifMatch: rev },
    );
    expect(tentative.status).toBe(200);
    expect(tentative.body.dhcp).toBe(true);
    const reverted = await c.post('/api/pending/revert');
    expect(reverted.status).toBe(200);
    expect(reverted.body.revision).toBe(tentative.body.revision + 1);
    const port1 = (await c.get('/api/ports')).body.ports[0];
    expect(port1).toMatchObject({ dhcp: false, address: '192.168.100.11' });
    const [latest] = (await c.get('/api/revisions', { query: { limit: '1' } })).body.revisions;
    expect(latest.source).toBe('rollback');
    // Writes flow again.
    expect(
      (
        await c.post('/api/routes', {
          interfaceAlias: 'Port1',
          destinationPrefix: '10.9.0.0/16',
          nextHop: '192.168.100.1',
        })
      ).status,
    ).toBe(201);
  });
});

describe('safe apply: expiry and restart', () => {
  it('an opted-in change that is not confirmed rolls back by itself', {
    timeout: 20_000,
  }, async () => {
    const t = await startApp({ confirmSeconds: 1 });
    try {
      const c = await signedIn(t.app);
      const created = await c.post(
        '/api/routes',
        { interfaceAlias: 'Port1', destinationPrefix: '10.7.0.0/16', nextHop: '192.168.100.1' },
        { headers: { 'edgenet-confirm': 'required' } },
      );
      expect(created.status).toBe(201);
      expect(created.body.confirmBy).toBeTruthy();
      expect((await c.get('/api/pending')).body.pending.reason).toBe('requested');
      await new Promise((r) => setTimeout(r, 1400));
      expect((await c.get('/api/pending')).body.pending).toBeNull();
      expect((await c.get('/api/routes')).body.routes).toEqual([]);
      const [latest] = (await c.get('/api/revisions', { query: { limit: '1' } })).body.revisions;
      expect(latest).toMatchObject({ source: 'rollback', author: 'system' });
      expect(latest.summaries.en).toContain('Not confirmed within 1 s');
    } finally {
      await t.close();
    }
  });

  it('a server restarted during the window re-arms; after the deadline it rolls back at start-up', {
    timeout: 30_000,
  }, async () => {
    const dataDir = tempDir();
    let t = await startApp({ dataDir, confirmSeconds: 2 });
    let c = await signedIn(t.app);
    const rev = await c.revision();
    const tentative = await c.put(
      '/api/ports/Port1',
      { ...PORT1_NEW, acknowledge: ['port.managementChange'] },
      { ifMatch: rev },
    );
    expect(tentative.status).toBe(200);
    await t.close();

    // Restarted in time: still pending, same deadline.
    t = await startApp({ dataDir, confirmSeconds: 2 });
    c = await signedIn(t.app);
    expect((await c.get('/api/pending')).body.pending?.confirmBy).toBe(tentative.body.confirmBy);
    await t.close();

    // Restarted after the deadline: rolled back before the first request.
    await new Promise((r) => setTimeout(r, 2200));
    t = await startApp({ dataDir, confirmSeconds: 2 });
    c = await signedIn(t.app);
    expect((await c.get('/api/pending')).body.pending).toBeNull();
    expect((await c.get('/api/ports')).body.ports[0].address).toBe('192.168.100.10');
    const [latest] = (await c.get('/api/revisions', { query: { limit: '1' } })).body.revisions;
    expect(latest.source).toBe('rollback');
    await t.close();
  });
});
