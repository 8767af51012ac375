/**
 * `GET /api/routes?offset=&limit=&q=&sort=&dir=` (ADR 0042): a page of the route list, filtered and
 * sorted on the server exactly as the Routes page did it in the browser, with `total` the matching
 * count. Without those parameters the answer stays the whole list (CLI, hcs-shell, export).
 */
import { RouteListSchema } from '@edgenet/network-config/contract';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Json, TestApp } from './helpers';
import { startWithRoutes } from './route-fixtures';

const COUNT = 2000;

interface Doc {
  interfaceAlias: string;
  destinationPrefix: string;
  nextHop: string;
  routeMetric: number;
  status: { active: boolean };
}

const destinations = (body: Json) => body.routes.map((r: Doc) => r.destinationPrefix);

describe('GET /api/routes paged, filtered and sorted on the server', () => {
  let t: TestApp;
  let client: Client;
  let whole: Doc[];

  beforeAll(async () => {
    // The Port4 route (inactive: a reason) in the middle of the list.
    ({ t, client } = await startWithRoutes(COUNT, COUNT / 2));
    whole = (await client.get('/api/routes')).body.routes;
  });
  afterAll(() => t.close());

  it('keeps the whole list without paging parameters, now with its total', async () => {
    const res = await client.get('/api/routes');
    expect(res.body.routes).toHaveLength(COUNT + 1);
    expect(res.body.total).toBe(COUNT + 1);
    expect(res.body.offset).toBe(0);
  });

  it('answers pages that put together are the whole list, each with the contract’s fields', async () => {
    const pages: Doc[] = [];
    for (let offset = 0; offset < COUNT + 1; offset += 1000) {
      const res = await client.get('/api/routes', {
        query: { offset: String(offset), limit: '1000' },
      });
      expect(res.status).toBe(200);
      expect(Value.Check(RouteListSchema, res.body)).toBe(true);
      expect(res.body).toMatchObject({ total: COUNT + 1, offset, revision: res.revision });
      pages.push(...res.body.routes);
    }
    // Status, reasons and warnings as the whole list has them.
    expect(pages).toEqual(whole);
    const first = await client.get('/api/routes', { query: { limit: '20' } });
    expect(first.body.routes).toEqual(whole.slice(0, 20));
    const past = await client.get('/api/routes', { query: { offset: '9999', limit: '20' } });
    expect(past.body).toMatchObject({ routes: [], total: COUNT + 1, offset: 9999 });
    const count = await client.get('/api/routes', { query: { limit: '0' } });
    expect(count.body).toMatchObject({ routes: [], total: COUNT + 1 });
  });

  it('filters like the page: prefix and next hop contain it, interface in any case, metric exactly', async () => {
    const one = await client.get('/api/routes', { query: { q: ' 10.0.7.0/ ' } });
    expect(destinations(one.body)).toEqual(['10.0.7.0/24']);
    expect(one.body.total).toBe(1);
    const port4 = await client.get('/api/routes', { query: { q: 'PORT4' } });
    expect(destinations(port4.body)).toEqual(['10.200.0.0/16']);
    const hop = await client.get('/api/routes', { query: { q: '192.168.40.', limit: '5' } });
    expect(destinations(hop.body)).toEqual(['10.200.0.0/16']);
    // "149": every route with metric 149, and every destination containing the text.
    const metric = await client.get('/api/routes', { query: { q: '149', limit: '1000' } });
    const expected = whole.filter(
      (r) => r.routeMetric === 149 || r.destinationPrefix.includes('149'),
    );
    expect(metric.body.total).toBe(expected.length);
    expect(metric.body.routes).toEqual(expected);
    // Metric 5 is only Port4's; "5" in a prefix still matches by containment.
    const five = await client.get('/api/routes', { query: { q: '5', limit: '1000' } });
    expect(five.body.total).toBe(whole.filter((r) => r.destinationPrefix.includes('5')).length + 1);
    const none = await client.get('/api/routes', { query: { q: 'nothing-like-this' } });
    expect(none.body).toMatchObject({ routes: [], total: 0 });
  });

  it('sorts every column like the page, stable, both directions, with the filter and the interface', async () => {
    const destDesc = await client.get('/api/routes', {
      query: { sort: 'destination', dir: 'desc', limit: '3' },
    });
    // 10.200.0.0/16 is the greatest address; then the last /24s of the scenario (i = 1999, 1998).
    expect(destinations(destDesc.body)).toEqual([
      '10.200.0.0/16',
      '10.7.207.0/24',
      '10.7.206.0/24',
    ]);
    const lengthDesc = await client.get('/api/routes', { query: { sort: 'length', dir: 'desc' } });
    // All /24 but one: equal keys keep the stored order, in both directions.
    expect(destinations(lengthDesc.body).slice(0, 2)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    const lengthAsc = await client.get('/api/routes', { query: { sort: 'length', limit: '2' } });
    expect(destinations(lengthAsc.body)).toEqual(['10.200.0.0/16', '10.0.0.0/24']);
    const metric = await client.get('/api/routes', { query: { sort: 'metric', limit: '3' } });
    expect(metric.body.routes.map((r: Doc) => r.routeMetric)).toEqual([5, 100, 100]);
    expect(destinations(metric.body).slice(1)).toEqual(['10.0.0.0/24', '10.0.50.0/24']);
    const statusAsc = await client.get('/api/routes', {
      query: { sort: 'status', offset: String(COUNT - 1), limit: '5' },
    });
    // Active first: the one inactive route is last.
    expect(statusAsc.body.routes.map((r: Doc) => r.status.active)).toEqual([true, false]);
    const statusDesc = await client.get('/api/routes', {
      query: { sort: 'status', dir: 'desc', limit: '2' },
    });
    expect(destinations(statusDesc.body)).toEqual(['10.200.0.0/16', '10.0.0.0/24']);
    const hopDesc = await client.get('/api/routes', { query: { sort: 'nextHop', dir: 'desc' } });
    expect(hopDesc.body.routes[0].nextHop).toBe('192.168.40.1');
    const iface = await client.get('/api/routes', {
      query: { sort: 'interface', dir: 'desc', limit: '1' },
    });
    expect(iface.body.routes[0].interfaceAlias).toBe('Port4');
    const filtered = await client.get('/api/routes', {
      query: { interfaceAlias: 'port3', q: '10.0.1', sort: 'destination', dir: 'desc', limit: '3' },
    });
    expect(filtered.body.total).toBe(111); // 10.0.1.0, 10.0.10–19.0, 10.0.100–199.0
    expect(destinations(filtered.body)).toEqual([
      '10.0.199.0/24',
      '10.0.198.0/24',
      '10.0.197.0/24',
    ]);
  });

  it('follows a change at once', async () => {
    const before = await client.get('/api/routes', { query: { q: '172.16.', limit: '5' } });
    expect(before.body.total).toBe(0);
    const { interfaceAlias, nextHop } = whole[0] as Doc;
    const body = { interfaceAlias, nextHop, destinationPrefix: '172.16.0.0/16' };
    const added = await client.post('/api/routes', body);
    expect(added.status).toBe(201);
    const after = await client.get('/api/routes', { query: { q: '172.16.', limit: '5' } });
    expect(after.body).toMatchObject({ total: 1, revision: added.revision });
    const removed = await client.delete('/api/routes', {
      query: { interfaceAlias: 'Port3', destinationPrefix: '172.16.0.0/16' },
    });
    expect(removed.status).toBe(204);
    const again = await client.get('/api/routes', { query: { q: '172.16.', limit: '5' } });
    expect(again.body.total).toBe(0);
  });

  it('answers 400 with field issues in English and Japanese for a bad page or sort', async () => {
    const bad = {
      'limit=5000': 'limit',
      'limit=many': 'limit',
      'offset=-1': 'offset',
      'sort=colour': 'sort',
      'sort=metric&dir=up': 'dir',
    };
    for (const [query, path] of Object.entries(bad)) {
      const res = await client.get(`/api/routes?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.issues).toEqual([
        expect.objectContaining({
          path,
          code: 'field.invalid',
          message: { en: expect.stringMatching(/\S/), ja: expect.stringMatching(/\S/) },
        }),
      ]);
    }
  });
});
