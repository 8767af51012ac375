/**
 * Two admins writing at once: on one revision exactly one write wins, every other gets 412, and
 * no acknowledged change is ever lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type Client, type Json, signedIn, startApp, type TestApp } from './helpers';

const ROUNDS = 60;
const WRITERS_PER_CLIENT = 4;

const STATIC = (address: string) => ({
  ipEnabled: true,
  dhcp: false,
  address,
  subnetMask: '255.255.0.0',
  gateway: null,
  dns: [],
  mtu: 1500,
});

describe('concurrent writers', () => {
  let t: TestApp;
  let alice: Client;
  let bob: Client;
  beforeAll(async () => {
    t = await startApp();
    alice = await signedIn(t.app);
    bob = await signedIn(t.app);
    const res = await alice.put('/api/ports/Port3', STATIC('10.30.0.1'), {
      ifMatch: await alice.revision(),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  it(`${ROUNDS} rounds × ${2 * WRITERS_PER_CLIENT} interleaved writes on one revision: one winner each, the rest 412`, async () => {
    const start = await alice.revision();
    const winners: { body: unknown; revision: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const revision = await alice.revision();
      const writes: Promise<Answer>[] = [];
      for (let w = 0; w < WRITERS_PER_CLIENT; w++) {
        for (const [who, client] of [
          ['a', alice],
          ['b', bob],
        ] as const) {
          const n = round * 2 * WRITERS_PER_CLIENT + w * 2 + (who === 'a' ? 0 : 1);
          // Mix the three kinds of writes: PUT a port, POST a route, DELETE one.
          const kind = (round + w) % 3;
          if (kind === 0) {
            writes.push(
              client.put('/api/ports/Port3', STATIC(`10.30.${1 + (n >> 8)}.${n & 255}`), {
                ifMatch: revision,
              }),
            );
          } else if (kind === 1) {
            writes.push(
              client.post(
                '/api/routes',
                {
                  interfaceAlias: 'Port3',
                  destinationPrefix: `10.${100 + (n >> 8)}.${n & 255}.0/24`,
                  nextHop: '10.30.0.254',
                },
                { ifMatch: revision },
              ),
            );
          } else {
            const existing = (await client.get('/api/routes')).body.routes[0];
            writes.push(
              existing
                ? client.delete('/api/routes', {
                    query: {
                      interfaceAlias: 'Port3',
                      destinationPrefix: existing.destinationPrefix,
                    },
                    ifMatch: revision,
                  })
                : client.post(
                    '/api/routes',
                    {
                      interfaceAlias: 'Port3',
                      destinationPrefix: `10.${100 + (n >> 8)}.${n & 255}.0/24`,
                      nextHop: '10.30.0.254',
                    },
                    { ifMatch: revision },
                  ),
            );
          }
        }
      }
      const answers = await Promise.all(writes);
      const ok = answers.filter((a) => a.status >= 200 && a.status < 300);
      const stale = answers.filter((a) => a.status === 412);
      expect(ok, JSON.stringify(answers.map((a) => [a.status, a.body?.code]))).toHaveLength(1);
      expect(stale).toHaveLength(answers.length - 1);
      for (const s of stale) expect(s.body.code).toBe('revision.stale');
      const winner = ok[0] as Answer;
      expect(winner.revision).toBe(revision + 1);
      winners.push({ body: winner.body, revision: winner.revision as number });
    }
    expect(await alice.revision()).toBe(start + ROUNDS);
    // Every winning revision is in the history, in order.
    const history = await alice.get('/api/revisions', { query: { limit: String(ROUNDS) } });
    expect(history.body.revisions.map((r: Json) => r.number).reverse()).toEqual(
      winners.map((w) => w.revision),
    );
  });

  it('read-modify-write with retry on 412: both admins add routes, none is lost', async () => {
    const PER_CLIENT = 40;
    const start = await alice.revision();
    let retries = 0;
    const add = async (client: Client, prefix: string) => {
      for (;;) {
        const revision = await client.revision();
        const res = await client.post(
          '/api/routes',
          { interfaceAlias: 'Port3', destinationPrefix: prefix, nextHop: '10.30.0.254' },
          { ifMatch: revision },
        );
        if (res.status === 201) return;
        expect(res.status).toBe(412);
        retries++;
      }
    };
    const run = async (client: Client, octet: number) => {
      for (let i = 0; i < PER_CLIENT; i++) await add(client, `172.${octet}.${i}.0/24`);
    };
    await Promise.all([run(alice, 16), run(bob, 17)]);
    const routes = (await alice.get('/api/routes')).body.routes.map(
      (r: Json) => r.destinationPrefix,
    );
    for (let i = 0; i < PER_CLIENT; i++) {
      expect(routes).toContain(`172.16.${i}.0/24`);
      expect(routes).toContain(`172.17.${i}.0/24`);
    }
    expect(await alice.revision()).toBe(start + 2 * PER_CLIENT);
    expect(retries).toBeGreaterThan(0);
  });
});
