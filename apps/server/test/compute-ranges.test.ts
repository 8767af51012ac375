/**
 * Compute ranges are compared as the core compares them (issue 12): a range is the same range
 * whichever order its `start` and `end` come in, so a PUT /api/compute that lists `end` before
 * `start` with the current values changes nothing — no new external service IPs in the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signedIn, startApp, type TestApp, waitForJob } from './helpers';

const COMPUTE = {
  computePort: 'Port3',
  nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
  serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
  podCidr: '172.27.0.0/16',
  serviceCidr: '172.28.0.0/16',
};

describe('PUT /api/compute while Configured', () => {
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
        mtu: null,
      },
      { ifMatch: await c.revision() },
    );
    expect(port.status).toBe(200);
    const res = await c.put('/api/compute', COMPUTE, { ifMatch: await c.revision() });
    expect(res.status).toBe(202);
    await waitForJob(c, res.body.job.id);
  });
  afterAll(() => t.close());

  /** The summary of the revision a PUT of `body` records. */
  async function summaryAfter(body: unknown): Promise<string> {
    const res = await c.put('/api/compute', body, { ifMatch: await c.revision() });
    expect(res.status).toBe(200);
    expect(res.body.job).toBeNull();
    const history = await c.get('/api/revisions', { query: { limit: '1' } });
    expect(history.body.revisions[0].number).toBe(res.revision);
    return history.body.revisions[0].summary;
  }

  it('reports no change for the current ranges, whatever the order of start and end', async () => {
    expect(await summaryAfter(COMPUTE)).toBe('Compute: no change');
    const reordered = {
      ...COMPUTE,
      nodeIpRange: { end: '192.168.20.51', start: '192.168.20.50' },
      serviceIpRange: { end: '192.168.20.65', start: '192.168.20.60' },
    };
    expect(await summaryAfter(reordered)).toBe('Compute: no change');
    const compute = await c.get('/api/compute');
    expect(compute.body.serviceIpRange).toEqual(COMPUTE.serviceIpRange);
  });
});
