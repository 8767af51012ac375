/**
 * Sign-in and protection: unauthenticated calls refused, the forced change of the factory
 * password, the session cookie, idle timeout, sign-out, slowed and locked-out guessing, cross-site
 * writes refused, security headers, body limit, rate limits, and 500s that reveal nothing.
 */
import { DHCP_PORT } from '@edgenet/network-config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, OWASP_SCRYPT, parseHash, verifyPassword } from '../src/auth/password-hash';
import { SimulatedDevice } from '../src/driver/simulated';
import {
  ADMIN_PASSWORD,
  appPerSuite,
  Client,
  type Json,
  signedIn,
  startApp,
  type TestApp,
} from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every API route that needs a signed-in admin, with a body where it takes one. */
const PROTECTED: [string, string, unknown?][] = [
  ['GET', '/api/device'],
  ['GET', '/api/config'],
  ['GET', '/api/revisions'],
  ['GET', '/api/ports'],
  ['PUT', '/api/ports/Port3', { ...DHCP_PORT, mtu: null }],
  ['GET', '/api/compute'],
  [
    'PUT',
    '/api/compute',
    {
      computePort: null,
      nodeIpRange: null,
      serviceIpRange: null,
      podCidr: '172.27.0.0/16',
      serviceCidr: '172.28.0.0/16',
    },
  ],
  ['GET', '/api/jobs/x'],
  ['GET', '/api/routes'],
  [
    'POST',
    '/api/routes',
    { interfaceAlias: 'Port1', destinationPrefix: '10.0.0.0/8', nextHop: '192.168.100.1' },
  ],
  ['DELETE', '/api/routes?interfaceAlias=Port1&destinationPrefix=10.0.0.0/8'],
  ['GET', '/api/routes/effective'],
  ['POST', '/api/routes/lookup', { destination: '10.0.0.1' }],
  ['GET', '/api/kubernetes'],
  ['POST', '/api/validate', { kind: 'route', document: {} }],
  ['POST', '/api/console', { line: 'Get-HcsNetRoute' }],
];

/** `POST /api/password` as the settings page sends it. */
function changePassword(c: Client, currentPassword: string, newPassword: string) {
  return c.post('/api/password', { currentPassword, newPassword });
}

describe('unauthenticated', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it.each(PROTECTED)('%s %s → 401', async (method, url, body) => {
    const c = new Client(t.app);
    const res = await c.call(method as never, url, { body, ifMatch: '*' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session.required');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a forged session id is refused', async () => {
    const c = new Client(t.app);
    c.cookie = 'edgenet_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await c.get('/api/device')).status).toBe(401);
  });

  it('a wrong password is 401', async () => {
    const res = await new Client(t.app).signIn('Nope#12345');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('signIn.failed');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('the factory password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ initialPassword: null });
  });
  afterAll(() => t.close());

  it('Password1 signs in, then every other call is 403 until it is changed', async () => {
    const c = new Client(t.app);
    const res = await c.signIn('Password1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mustChangePassword: true, failedAttemptsSinceLastSignIn: 0 });

    for (const [method, url, body] of PROTECTED) {
      const r = await c.call(method as never, url, { body, ifMatch: '*' });
      expect(r.status, `${method} ${url}`).toBe(403);
      expect(r.body.code).toBe('password.changeRequired');
      expect(r.body.message.ja).toEqual(expect.any(String));
    }
    expect((await c.get('/api/session')).body.mustChangePassword).toBe(true);

    const weak = await changePassword(c, 'Password1', 'short');
    expect(weak.status).toBe(422);
    expect(weak.body.issues.map((i: Json) => `${i.path}:${i.code}`)).toEqual(
      expect.arrayContaining(['newPassword:password.length', 'newPassword:password.classes']),
    );
    const same = await changePassword(c, 'Password1', 'Password1');
    expect(same.status).toBe(422);
    expect(same.body.issues).toEqual([
      expect.objectContaining({ path: 'newPassword', code: 'password.unchanged' }),
    ]);
    const wrong = await changePassword(c, 'Password2', 'Edge#2024x');
    expect(wrong.status).toBe(422);
    expect(wrong.body.issues).toEqual([
      expect.objectContaining({ path: 'currentPassword', code: 'password.incorrect' }),
    ]);

    const oldCookie = c.cookie;
    const ok = await changePassword(c, 'Password1', 'Edge#2024x');
    expect(ok.status).toBe(200);
    expect(ok.body.mustChangePassword).toBe(false);
    expect(c.cookie).not.toBe(oldCookie);
    expect((await c.get('/api/device')).status).toBe(200);

    // The old session id ended with the change.
    const old = new Client(t.app);
    old.cookie = oldCookie;
    expect((await old.get('/api/device')).status).toBe(401);

    expect((await new Client(t.app).signIn('Password1')).status).toBe(401);
    const again = await new Client(t.app).signIn('Edge#2024x');
    expect(again.body).toMatchObject({
      mustChangePassword: false,
      failedAttemptsSinceLastSignIn: 2,
    });
  });
});

describe('an initial password from the environment skips the forced change', () => {
  it('and survives a restart', async () => {
    const first = await startApp({ initialPassword: 'Demo#Pass1' });
    const c = await signedIn(first.app, 'Demo#Pass1');
    expect((await c.get('/api/session')).body.mustChangePassword).toBe(false);
    await first.app.close();
    // A later start with another value does not reset the stored password.
    const second = await startApp({ dataDir: first.dataDir, initialPassword: 'Other#Pass1' });
    expect((await new Client(second.app).signIn('Other#Pass1')).status).toBe(401);
    expect((await new Client(second.app).signIn('Demo#Pass1')).status).toBe(200);
    await second.close();
    await first.close().catch(() => undefined);
  });
});

describe('the session cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ sessionIdleSeconds: 1 });
  });
  afterAll(() => t.close());

  it('is HttpOnly, SameSite=Strict, Path=/, with a ≥128-bit id', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { password: ADMIN_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'edgenet_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(Buffer.from(cookie?.value ?? '', 'base64url').length).toBeGreaterThanOrEqual(16);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { password: ADMIN_PASSWORD },
    });
    expect(other.cookies[0]?.value).not.toBe(cookie?.value);
  });

  it('expires after the idle timeout', async () => {
    const c = await signedIn(t.app);
    expect((await c.get('/api/device')).status).toBe(200);
    await sleep(1100);
    const res = await c.get('/api/device');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session.expired');
  });

  it('ends at sign-out (and the cookie is cleared)', async () => {
    const c = await signedIn(t.app);
    const cookie = c.cookie;
    const res = await c.delete('/api/session');
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^edgenet_session=; Max-Age=0; Path=\/;/);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict$/);
    const again = new Client(t.app);
    again.cookie = cookie;
    expect((await again.get('/api/device')).status).toBe(401);
  });
});

describe('failed sign-ins', () => {
  it('are slowed down, then locked out with Retry-After, and reported at the next sign-in', async () => {
    const t = await startApp({ lockoutThreshold: 3, lockoutSeconds: 1, signInDelayMs: 40 });
    const c = new Client(t.app);
    let started = Date.now();
    expect((await c.signIn('wrong-1')).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    started = Date.now();
    expect((await c.signIn('wrong-2')).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);

    const locked = await c.signIn('wrong-3');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'signIn.lockedOut', retryAfterSeconds: 1 });
    expect(locked.headers['retry-after']).toBe('1');
    // Even the right password is refused during the lockout (and counted).
    const refused = await c.signIn(ADMIN_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    await sleep(1100);
    const ok = await c.signIn(ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body.failedAttemptsSinceLastSignIn).toBe(4);
    // The count resets once shown.
    expect(
      (await new Client(t.app).signIn(ADMIN_PASSWORD)).body.failedAttemptsSinceLastSignIn,
    ).toBe(0);
    await t.close();
  });

  it('the count survives a restart', async () => {
    const first = await startApp();
    await new Client(first.app).signIn('wrong');
    await first.app.close();
    const second = await startApp({ dataDir: first.dataDir });
    const ok = await new Client(second.app).signIn(ADMIN_PASSWORD);
    expect(ok.body.failedAttemptsSinceLastSignIn).toBe(1);
    await second.close();
  });
});

describe('passwords are hashed with scrypt at OWASP parameters', () => {
  it('N=2^17, r=8, p=1, salted, verifiable', async () => {
    const hash = await hashPassword('Edge#2024x');
    const parsed = parseHash(hash);
    expect(parsed).toMatchObject({ N: OWASP_SCRYPT.N, r: 8, p: 1 });
    expect(parsed?.salt.length).toBe(16);
    expect(hash).not.toContain('Edge#2024x');
    expect(await verifyPassword('Edge#2024x', hash)).toBe(true);
    expect(await verifyPassword('Edge#2024y', hash)).toBe(false);
    expect(await verifyPassword('Edge#2024x', 'garbage')).toBe(false);
    expect(OWASP_SCRYPT.N).toBe(2 ** 17);
  });
});

describe('cross-site requests', () => {
  const { t, c } = appPerSuite();

  const route = {
    interfaceAlias: 'Port1',
    destinationPrefix: '10.20.0.0/16',
    nextHop: '192.168.100.1',
  };

  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ origin: 'http://evil.example' }],
    [{ origin: 'http://localhost:8081' }],
    [{ origin: 'null' }],
  ])('a write with %o is refused', async (headers) => {
    const revision = await c.revision();
    const res = await c.post('/api/routes', route, {
      headers: { host: 'localhost:8080', ...headers },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('request.crossSite');
    expect(await c.revision()).toBe(revision);
  });

  it('sign-in from another site is refused too', async () => {
    const res = await new Client(t.app).post(
      '/api/session',
      { password: ADMIN_PASSWORD },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(res.status).toBe(403);
  });

  it('same-origin browsers and command-line clients with a matching Origin pass', async () => {
    const browser = await c.post('/api/routes', route, {
      headers: {
        host: 'localhost:8080',
        origin: 'http://localhost:8080',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(browser.status).toBe(201);
    const cli = await c.delete('/api/routes', {
      query: { interfaceAlias: 'Port1', destinationPrefix: '10.20.0.0/16' },
      headers: { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' },
    });
    expect(cli.status).toBe(204);
  });

  it('reads from another site are not refused (the cookie is SameSite=Strict anyway)', async () => {
    const res = await c.get('/api/device', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(200);
  });
});

describe('headers, limits, and errors', () => {
  const { t, c } = appPerSuite({ rateLimitMax: 40, signInRateLimitMax: 3 });

  it('sets a strict CSP and the usual security headers on pages and files', async () => {
    for (const url of ['/', '/routes', '/no-such-file.js']) {
      const res = await c.get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('answers the API with a CSP that allows nothing, never framed, sniffed or cached', async () => {
    const answers = [
      await c.get('/api/device'),
      await c.get('/api/nope'),
      await c.post('/api/routes/lookup', { destination: '8.8.8.8' }),
      await c.post('/api/routes/lookup', { destination: 'nope' }),
      await new Client(t.app).get('/api/compute'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 200, 422, 401]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // The API's documentation page is a page: helmet's set, with its own CSP for Swagger UI.
    const docs = await c.get('/api/docs/');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(docs.headers['cache-control']).not.toBe('no-store');
  });

  it('refuses a body over the limit (413), a non-JSON body (415) and broken JSON (400)', async () => {
    const big = await c.post('/api/validate', {
      kind: 'route',
      document: { x: 'a'.repeat(70_000) },
    });
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    // A raw body of the given content type to the route lookup, past the client's JSON encoding.
    const lookupWith = (contentType: string, payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/routes/lookup',
        headers: { cookie: c.cookie as string, 'content-type': contentType },
        payload,
      });
    const text = await lookupWith('text/plain', 'destination=1.2.3.4');
    expect(text.statusCode).toBe(415);
    const broken = await lookupWith('application/json', '{"destination": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('rate-limits sign-in attempts and all requests per client', async () => {
    const anonymous = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await anonymous.signIn('wrong')).status);
    expect(statuses.at(-1)).toBe(429);
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await c.get('/api/health')).status;
    expect(last).toBe(429);
    const res = await c.get('/api/health');
    expect(res.body).toMatchObject({
      code: 'request.rateLimited',
      retryAfterSeconds: expect.any(Number),
    });
    expect(res.headers['retry-after']).toEqual(expect.any(String));
  });
});

describe('unexpected errors', () => {
  it('are a logged 500 with nothing internal in the body', async () => {
    const driver = new SimulatedDevice({ applyMs: 0, failStep: null });
    driver.kubernetes = () => {
      throw new Error('secret internal detail at /opt/edgenet/db');
    };
    const t = await startApp({ driver });
    const c = await signedIn(t.app);
    const res = await c.get('/api/kubernetes');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('server.error');
    expect(JSON.stringify(res.body)).not.toMatch(/secret|\/opt|stack/);
    await t.close();
  });
});
