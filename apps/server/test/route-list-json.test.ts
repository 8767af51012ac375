/**
 * `GET /api/routes` is written once per revision with `JSON.stringify` (src/http/route-list-json.ts)
 * rather than by the schema's serializer: it must still carry exactly the contract's fields, follow
 * every change at once, and answer the interface filter case-insensitively like before.
 */

import { EffectiveTableSchema, RouteListSchema } from '@edgenet/network-config/contract';
import { ARTICLE_ROUTES } from '@edgenet/network-config/testing';
import { Value } from 'typebox/value';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client, TestApp } from './helpers';
import { startWithRoutes } from './route-fixtures';

// Every test here starts from a fresh, signed-in app: the article's set-up, 3 routes on Port3, 1 on Port4.
let t: TestApp;
let client: Client;

beforeEach(async () => {
  ({ t, client } = await startWithRoutes(3));
});
afterEach(() => t.close());

describe('GET /api/routes written once per revision', () => {
  it('answers exactly the contract’s fields, reasons included', async () => {
    const res = await client.get('/api/routes');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Value.Check(RouteListSchema, res.body)).toBe(true);
    // Nothing beyond the schema: cleaning a copy against it removes nothing.
    expect(Value.Clean(RouteListSchema, structuredClone(res.body))).toEqual(res.body);
    expect(res.body.routes).toHaveLength(4);
    const inactive = res.body.routes.find(
      (r: { interfaceAlias: string }) => r.interfaceAlias === 'Port4',
    );
    expect(inactive.status.active).toBe(false);
    expect(inactive.status.reason.message.en).toMatch(/\S/);
    expect(res.body.revision).toBe(res.revision);
  });

  it('follows a change at once, and filters by interface in any case', async () => {
    const before = await client.get('/api/routes');
    const added = await client.post('/api/routes', ARTICLE_ROUTES[1]);
    expect(added.status).toBe(201);
    const after = await client.get('/api/routes');
    expect(after.revision).toBe((before.revision as number) + 1);
    expect(after.body.revision).toBe(after.revision);
    expect(after.body.routes).toHaveLength(5);
    expect(
      after.body.routes.map((r: { destinationPrefix: string }) => r.destinationPrefix),
    ).toContain('192.168.21.0/24');
    const lower = await client.get('/api/routes', { query: { interfaceAlias: 'port3' } });
    const upper = await client.get('/api/routes', { query: { interfaceAlias: 'PORT3' } });
    expect(lower.body.routes).toHaveLength(4);
    expect(upper.body).toEqual(lower.body);
    const removed = await client.delete('/api/routes', {
      query: { interfaceAlias: 'Port3', destinationPrefix: '192.168.21.0/24' },
    });
    expect(removed.status).toBe(204);
    const again = await client.get('/api/routes', { query: { interfaceAlias: 'port3' } });
    expect(again.body.routes).toHaveLength(3);
    expect(again.body.revision).toBe(removed.revision);
  });
});

describe('GET /api/routes/effective built once per revision and VM', () => {
  it('answers the contract’s fields per VM, and follows a change at once', async () => {
    const first = await client.get('/api/routes/effective', { query: { vm: 'master' } });
    expect(first.status).toBe(200);
    expect(Value.Check(EffectiveTableSchema, first.body)).toBe(true);
    expect(Value.Clean(EffectiveTableSchema, structuredClone(first.body))).toEqual(first.body);
    const again = await client.get('/api/routes/effective');
    expect(again.body).toEqual(first.body);
    const worker = await client.get('/api/routes/effective', { query: { vm: 'worker1' } });
    expect(worker.body.vm.name).toBe('worker1');
    const destinations = (body: { routes: { destinationPrefix: string }[] }) =>
      body.routes.map((r) => r.destinationPrefix);
    expect(destinations(first.body)).not.toContain('192.168.21.0/24');
    const added = await client.post('/api/routes', {
      interfaceAlias: 'Port3',
      destinationPrefix: '192.168.21.0/24',
      nextHop: '192.168.20.1',
    });
    expect(added.status).toBe(201);
    const after = await client.get('/api/routes/effective');
    expect(after.revision).toBe((first.revision as number) + 1);
    expect(destinations(after.body)).toContain('192.168.21.0/24');
    const unknown = await client.get('/api/routes/effective', { query: { vm: 'worker7' } });
    expect(unknown.status).toBe(404);
  });
});
