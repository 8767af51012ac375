/**
 * POST /api/probe and Test-NetConnection on the simulated device: it sends no packets, so it says
 * the probe needs the Linux driver (409), after the same address checks as the lookup.
 * (On the kernel, linux-driver.test.ts pings for real.)
 */
import { describe, expect, it } from 'vitest';
import { appPerSuite } from './helpers';

describe.skipIf(process.env.EDGENET_TEST_DRIVER === 'linux')(
  'the probe on the simulated device',
  () => {
    const { c } = appPerSuite();

    it('answers 409 probe.needsLinuxDriver in English and Japanese', async () => {
      const res = await c.post('/api/probe', { destination: '192.168.21.7', vm: 'master' });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('probe.needsLinuxDriver');
      expect(res.body.detail).toMatch(/EDGENET_DRIVER=linux/);
    });

    it('checks the address and the VM first, as the lookup does', async () => {
      const bad = await c.post('/api/probe', { destination: '192.168.21.300' });
      expect(bad.status).toBe(422);
      expect(bad.body.issues[0].path).toBe('destination');
      const vm = await c.post('/api/probe', { destination: '192.168.21.7', vm: 'worker9' });
      expect(vm.status).toBe(404);
      expect((await c.post('/api/probe', { destination: 'x', extra: 1 })).status).toBe(400);
    });

    it('Test-NetConnection prints the reason as an error record', async () => {
      const res = await c.post('/api/console', {
        line: 'Test-NetConnection 192.168.21.7 -TraceRoute',
        width: 120,
      });
      expect(res.status).toBe(200);
      expect(res.body.error).toBe(true);
      expect(JSON.stringify(res.body)).toMatch(/needs the Linux driver/);
    });
  },
);
