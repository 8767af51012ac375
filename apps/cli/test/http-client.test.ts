/** The CLI's transport against a stub of the server's session rules (not the real server). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClientError } from '@edgenet/hcs-shell';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpApiClient } from '../src/http-client';
import { SessionStore } from '../src/session-store';
import { type Stub, type StubOptions, startStub } from './stub-server';

let stub: Stub;

afterEach(async () => {
  await stub?.close();
  expect(stub?.violations ?? []).toEqual([]);
});

function store(): SessionStore {
  return new SessionStore(join(mkdtempSync(join(tmpdir(), 'edgenet-cli-')), 'session.json'));
}

async function setup(
  options: StubOptions & { password?: string; newPassword?: string; given?: string | null } = {},
) {
  stub = await startStub(options);
  const s = store();
  let asked = 0;
  const make = () =>
    new HttpApiClient({
      url: stub.url,
      store: s,
      getPassword: async () => {
        asked++;
        if (options.given === null)
          throw new ApiClientError('no password', { code: 'session.passwordMissing' });
        return options.given ?? options.password ?? 'Secret#123';
      },
      ...(options.newPassword ? { newPassword: options.newPassword } : {}),
    });
  return { make, store: s, asked: () => asked };
}

const signIns = () => stub.requests.filter((r) => r.method === 'POST' && r.url === '/api/session');

describe('HttpApiClient', () => {
  it('signs in once, then reuses the saved cookie in later runs', async () => {
    const { make, asked } = await setup();
    const first = await make().request('GET', '/api/device');
    expect(first.status).toBe(200);
    expect((first.body as { name: string }).name).toBe('stub-device');
    const second = await make().request('GET', '/api/device');
    expect(second.status).toBe(200);
    expect(signIns()).toHaveLength(1);
    expect(asked()).toBe(1);
    expect(stub.requests.at(-1)?.headers.cookie).toBe('edgenet_session=s1');
  });

  it('reaches the server before asking for a password', async () => {
    const { make } = await setup();
    await make().request('GET', '/api/device');
    expect(stub.requests[0]?.url).toBe('/api/health');
  });

  it('sends Origin and JSON with every write, {} for a DELETE', async () => {
    const { make } = await setup();
    const client = make();
    const created = await client.request('POST', '/api/routes', {
      interfaceAlias: 'Port3',
      destinationPrefix: '10.0.0.0/8',
      nextHop: '192.168.20.1',
    });
    expect(created.status).toBe(201);
    const removed = await client.request(
      'DELETE',
      '/api/routes?interfaceAlias=Port3&destinationPrefix=10.0.0.0%2F8',
    );
    expect(removed.status).toBe(204);
    for (const r of stub.requests.filter((x) => x.method !== 'GET')) {
      expect(r.headers.origin).toBe(stub.url);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(stub.requests.at(-1)?.body).toBe('{}');
  });

  it('signs in again when the session expired, and repeats the request', async () => {
    const { make } = await setup();
    const client = make();
    await client.request('GET', '/api/device');
    stub.expireSessions();
    const again = await make().request('GET', '/api/device');
    expect(again.status).toBe(200);
    expect(signIns()).toHaveLength(2);
  });

  it('says so when the password is wrong, and forgets it', async () => {
    const { make, store: s } = await setup({ given: 'nope' });
    const error = await make()
      .request('GET', '/api/device')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect((error as ApiClientError).localized?.en).toBe(
      `Sign-in to ${stub.url} failed: Wrong password.`,
    );
    expect(s.get(stub.url)).toBeNull();
  });

  it('asks for --new-password when the initial password must be changed', async () => {
    const { make } = await setup({ mustChange: true });
    const error = (await make()
      .request('GET', '/api/device')
      .catch((e: unknown) => e)) as ApiClientError;
    expect(error.code).toBe('password.changeRequired');
    expect(error.message).toContain('--new-password');
    expect(error.message).toContain('web UI');
  });

  it('changes the initial password with --new-password, then works', async () => {
    const { make } = await setup({ mustChange: true, newPassword: 'Better#456' });
    const res = await make().request('GET', '/api/device');
    expect(res.status).toBe(200);
    const change = stub.requests.find((r) => r.url === '/api/password');
    expect(JSON.parse(change?.body ?? '{}')).toEqual({
      currentPassword: 'Secret#123',
      newPassword: 'Better#456',
    });
  });

  it('shows why a new password was refused', async () => {
    const { make } = await setup({ mustChange: true, newPassword: 'short' });
    const error = (await make()
      .request('GET', '/api/device')
      .catch((e: unknown) => e)) as ApiClientError;
    expect(error.message).toBe('The new password was refused (HTTP 422): Use 8 to 16 characters.');
  });

  it('signs out and forgets the cookie', async () => {
    const { make, store: s } = await setup();
    const client = make();
    await client.request('GET', '/api/device');
    expect(await client.signOut()).toBe(true);
    expect(s.get(stub.url)).toBeNull();
    expect(stub.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/session' });
  });

  it('words a refused connection for an admin', async () => {
    const { make } = await setup();
    await stub.close();
    const error = (await make()
      .request('GET', '/api/device')
      .catch((e: unknown) => e)) as ApiClientError;
    expect(error.code).toBe('connection.refused');
    expect(error.localized?.en).toContain('Is it running?');
  });
});
