/**
 * Virtual switches and networks over HTTP (SPEC §8): the real app, SQLite in a temp dir, the
 * simulated device on firmware 2023 — and a database written before switches existed, upgraded on
 * read.
 */
import { PORT4_STATIC } from '@edgenet/network-config/testing';
import { describe, expect, it } from 'vitest';
import { Store } from '../src/store/store';
import {
  ADMIN_PASSWORD,
  appPerSuite,
  type Json,
  signedIn,
  startApp,
  tempDir,
  waitForJob,
} from './helpers';

const VNET = { name: 'vnet-10', vlanId: 10, addressSpace: '10.10.0.0/24', gateway: '10.10.0.1' };

describe('virtual switches and networks (firmware 2023)', () => {
  const { c } = appPerSuite({ firmware: '2023' });

  it('reports the firmware on the device', async () => {
    const device = await c.get('/api/device');
    expect(device.body.firmware).toBe('2023');
    expect(device.body.softwareVersion).toMatch(/2023/);
  });

  it('creates a switch on Port4, a VLAN network on it, and picks it for Kubernetes', async () => {
    const port = await c.get('/api/ports');
    expect((await c.put('/api/ports/Port4', PORT4_STATIC, { ifMatch: port.revision })).status).toBe(
      200,
    );

    const created = await c.post('/api/virtual-switches', {
      name: 'vswitch-Port4',
      interfaceAlias: 'port4',
      mtu: 1450,
      supportsAcceleratedNetworking: true,
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/virtual-switches/vswitch-Port4');
    expect(created.body).toMatchObject({
      name: 'vswitch-Port4',
      interfaceAlias: 'Port4',
      mtu: 1450,
      mtuConfigurable: true,
      enabledForCompute: false,
      virtualNetworks: [],
    });

    const vnet = await c.post('/api/virtual-switches/vswitch-Port4/virtual-networks', VNET);
    expect(vnet.status).toBe(201);
    expect(vnet.body).toMatchObject({ ...VNET, subnetMask: '255.255.255.0', dnsServers: [] });

    const compute = await c.get('/api/compute');
    const put = await c.put(
      '/api/compute',
      {
        computePort: null,
        computeSwitch: 'vswitch-Port4',
        nodeIpRange: { start: '192.168.40.50', end: '192.168.40.51' },
        serviceIpRange: null,
        podCidr: '172.27.0.0/16',
        serviceCidr: '172.28.0.0/16',
      },
      { ifMatch: compute.revision },
    );
    expect(put.status).toBe(202);
    // Service IPs are recommended, not required, on this firmware: a warning.
    expect(put.body.issues.map((i: Json) => `${i.severity} ${i.path} ${i.code}`)).toEqual([
      'warning serviceIpRange compute.serviceIpsRecommended',
    ]);
    await waitForJob(c, put.body.job.id);
    const after = await c.get('/api/compute');
    expect(after.body).toMatchObject({
      computePort: 'Port4',
      computeSwitch: 'vswitch-Port4',
      state: 'Configured',
    });
    const list = await c.get('/api/virtual-switches');
    expect(list.body.firmware).toBe('2023');
    expect(list.body.virtualSwitches).toEqual([
      expect.objectContaining({
        name: 'vswitch-Port4',
        enabledForCompute: true,
        virtualNetworks: [expect.objectContaining({ name: 'vnet-10', vlanId: 10 })],
      }),
    ]);
  });

  it('refuses bad input with 422 issues in English and Japanese', async () => {
    const bad = await c.post('/api/virtual-switches/vswitch-Port4/virtual-networks', {
      ...VNET,
      name: 'v',
      vlanId: 4095,
      addressSpace: '10.10.0.0/24',
    });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const codes = bad.body.issues.map((i: Json) => `${i.path} ${i.code}`).sort();
    expect(codes).toEqual([
      'addressSpace vnet.subnetsOverlap',
      'name vnet.nameInvalid',
      'vlanId vnet.vlanInvalid',
    ]);
    const vlan = bad.body.issues.find((i: Json) => i.code === 'vnet.vlanInvalid');
    expect(vlan.message.en).toContain('0 to 4094');
    expect(vlan.message.ja).toContain('VLAN ID');

    const twice = await c.post('/api/virtual-switches', { name: 'other', interfaceAlias: 'Port4' });
    expect(twice.status).toBe(422);
    expect(twice.body.issues[0]).toMatchObject({
      path: 'interfaceAlias',
      code: 'vswitch.portTaken',
    });
    const shape = await c.post('/api/virtual-switches', { name: 'x', interfaceAlias: 3 });
    expect(shape.status).toBe(400);
  });

  it('changes need If-Match; a stale revision is 412', async () => {
    const body = { name: 'vswitch-Port4', interfaceAlias: 'Port4', mtu: 1400 };
    expect((await c.put('/api/virtual-switches/vswitch-Port4', body)).status).toBe(428);
    expect((await c.put('/api/virtual-switches/vswitch-Port4', body, { ifMatch: 1 })).status).toBe(
      412,
    );
    const list = await c.get('/api/virtual-switches');
    const ok = await c.put('/api/virtual-switches/vswitch-Port4', body, { ifMatch: list.revision });
    expect(ok.status).toBe(200);
    expect(ok.body.mtu).toBe(1400);
    expect(ok.revision).toBe((list.revision as number) + 1);
  });

  it('refuses to delete the compute switch while compute is configured', async () => {
    const del = await c.delete('/api/virtual-switches/vswitch-Port4', {
      query: { force: 'true' },
    });
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('vswitch.computeInUse');
  });

  it('asks for confirmation before deleting a switch with networks, then deletes them', async () => {
    const port = await c.get('/api/ports');
    await c.put(
      '/api/ports/Port3',
      { ...PORT4_STATIC, address: '192.168.30.10', gateway: '192.168.30.1' },
      { ifMatch: port.revision },
    );
    expect(
      (await c.post('/api/virtual-switches', { name: 'lab', interfaceAlias: 'Port3' })).status,
    ).toBe(201);
    expect(
      (
        await c.post('/api/virtual-switches/lab/virtual-networks', {
          ...VNET,
          name: 'vnet-20',
          vlanId: 20,
          addressSpace: '10.20.0.0/24',
          gateway: '10.20.0.1',
        })
      ).status,
    ).toBe(201);
    const ask = await c.delete('/api/virtual-switches/lab');
    expect(ask.status).toBe(409);
    expect(ask.body.code).toBe('vswitch.confirmDelete');
    expect(ask.body.message.en).toContain('vnet-20');
    const gone = await c.delete('/api/virtual-switches/lab', { query: { force: 'true' } });
    expect(gone.status).toBe(204);
    expect((await c.get('/api/virtual-switches/lab')).status).toBe(404);
    const config = await c.get('/api/config');
    expect(config.body.virtualNetworks.map((n: Json) => n.name)).toEqual(['vnet-10']);
  });

  it('removes a network; an unknown one is 404', async () => {
    const url = '/api/virtual-switches/vswitch-Port4/virtual-networks/vnet-10';
    expect((await c.delete(url)).status).toBe(204);
    expect((await c.delete(url)).status).toBe(404);
  });
});

describe('compute for virtual machines only (firmware 2023)', () => {
  it('enables compute on a switch with no Kubernetes IPs; the API keeps answering', async () => {
    const t = await startApp({ firmware: '2023' });
    try {
      const c = await signedIn(t.app);
      const ports = await c.get('/api/ports');
      await c.put('/api/ports/Port4', PORT4_STATIC, { ifMatch: ports.revision });
      await c.post('/api/virtual-switches', { name: 'vm-switch', interfaceAlias: 'Port4' });
      const compute = await c.get('/api/compute');
      const put = await c.put(
        '/api/compute',
        {
          computePort: null,
          computeSwitch: 'vm-switch',
          nodeIpRange: null,
          serviceIpRange: null,
          podCidr: '172.27.0.0/16',
          serviceCidr: '172.28.0.0/16',
        },
        { ifMatch: compute.revision },
      );
      expect(put.status).toBe(202);
      expect(put.body.issues).toEqual([]);
      await waitForJob(c, put.body.job.id);
      expect((await c.get('/api/compute')).body).toMatchObject({
        state: 'Configured',
        computeSwitch: 'vm-switch',
        nodeIpRange: null,
      });
      expect((await c.get('/api/kubernetes')).status).toBe(200);
      expect((await c.get('/api/routes/effective')).status).toBeLessThan(500);
    } finally {
      await t.close();
    }
  });
});

describe('firmware 2021 keeps the Compute page on the same model', () => {
  it('enabling compute on Port3 creates vswitch-Port3; node and service IPs stay required', async () => {
    const t = await startApp();
    try {
      const c = await signedIn(t.app);
      expect((await c.get('/api/device')).body.firmware).toBe('2021');
      const ports = await c.get('/api/ports');
      await c.put(
        '/api/ports/Port3',
        { ...PORT4_STATIC, address: '192.168.20.10', gateway: '192.168.20.1' },
        { ifMatch: ports.revision },
      );
      const compute = await c.get('/api/compute');
      const body = {
        computePort: 'Port3',
        nodeIpRange: null,
        serviceIpRange: null,
        podCidr: '172.27.0.0/16',
        serviceCidr: '172.28.0.0/16',
      };
      const refused = await c.put('/api/compute', body, { ifMatch: compute.revision });
      expect(refused.status).toBe(422);
      expect(refused.body.issues.map((i: Json) => i.path).sort()).toEqual([
        'nodeIpRange',
        'serviceIpRange',
      ]);
      const put = await c.put(
        '/api/compute',
        {
          ...body,
          nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
          serviceIpRange: { start: '192.168.20.60', end: '192.168.20.61' },
        },
        { ifMatch: compute.revision },
      );
      expect(put.status).toBe(202);
      await waitForJob(c, put.body.job.id);
      const list = await c.get('/api/virtual-switches');
      expect(list.body.virtualSwitches).toEqual([
        expect.objectContaining({
          name: 'vswitch-Port3',
          interfaceAlias: 'Port3',
          enabledForCompute: true,
        }),
      ]);
    } finally {
      await t.close();
    }
  });

  it('a database stored before virtual switches existed is upgraded on read', async () => {
    const dataDir = tempDir();
    const first = await startApp({ dataDir });
    const c1 = await signedIn(first.app);
    const ports = await c1.get('/api/ports');
    await c1.put(
      '/api/ports/Port3',
      { ...PORT4_STATIC, address: '192.168.20.10', gateway: '192.168.20.1' },
      { ifMatch: ports.revision },
    );
    await first.close();

    // Rewrite the latest revision as an older server stored it: no switches, compute on Port3.
    const store = Store.open(dataDir);
    const old = { ...store.current } as Json;
    delete old.virtualSwitches;
    delete old.virtualNetworks;
    old.compute = {
      ...old.compute,
      computePort: 'Port3',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.61' },
      state: 'Configured',
    };
    store.commit({ basedOn: store.revision, author: 'test', summary: 'old', document: old });
    store.close();

    const second = await startApp({ dataDir, initialPassword: ADMIN_PASSWORD });
    try {
      const c2 = await signedIn(second.app);
      const list = await c2.get('/api/virtual-switches');
      expect(list.body.virtualSwitches).toEqual([
        expect.objectContaining({ name: 'vswitch-Port3', enabledForCompute: true }),
      ]);
      expect((await c2.get('/api/compute')).body.computeSwitch).toBe('vswitch-Port3');
    } finally {
      await second.close();
    }
  });
});
