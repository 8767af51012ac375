/**
 * Issue 10, holes 3–5: the Host allow-list (DNS rebinding), the Origin check by scheme, host and
 * port, request and header timeouts against a slow client on a loopback socket, Node's own
 * parser errors as problem+json with security headers, and the `Secure` cookie behind a
 * trusted TLS proxy.
 */

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { ARTICLE_PORT3 } from '@edgenet/network-config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  answer,
  appPerSuite,
  type Json,
  signedIn,
  startApp,
  type TestApp,
} from './helpers';

describe('the Host allow-list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ allowedHosts: ['edge.example.com'] });
  });
  afterAll(() => t.close());

  const get = (url: string, host: string) =>
    t.app.inject({ method: 'GET', url, headers: { host } }).then((res) => answer<Json>(res));

  it.each([
    'evil.example',
    'evil.example:8080',
    'localhost.evil.example',
    '192.168.20.99', // no port of the device has it
  ])('refuses Host %s with 421 before any route runs, pages included', async (host) => {
    for (const url of ['/api/health', '/', '/index.html', '/api/nothing']) {
      const res = await get(url, host);
      expect(res.status, url).toBe(421);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('request.hostNotAllowed');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    // A rebinding page cannot sign in either.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host, origin: `http://${host}` },
      payload: { password: ADMIN_PASSWORD },
    });
    expect(signIn.statusCode).toBe(421);
    expect(signIn.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    'localhost',
    'localhost:8080',
    'LOCALHOST.:8080',
    'app.localhost',
    '127.0.0.1:8080',
    '127.1.2.3',
    '[::1]:8080',
    'edge.example.com',
    'Edge.Example.com:443',
    '192.168.100.10', // the management port's address (Port1)
  ])('answers Host %s', async (host) => {
    expect((await get('/api/health', host)).status).toBe(200);
  });

  it("follows the device's port addresses as they change", async () => {
    expect((await get('/api/health', '192.168.20.10')).status).toBe(421);
    const c = await signedIn(t.app);
    const res = await c.put('/api/ports/Port3', ARTICLE_PORT3, { ifMatch: await c.revision() });
    expect(res.status).toBe(200);
    expect((await get('/api/health', '192.168.20.10')).status).toBe(200);
  });
});

describe('the Origin check compares scheme, host and port', () => {
  const { c } = appPerSuite();

  it.each([
    ['https://localhost:8080', 403],
    ['http://localhost:8081', 403],
    ['http://localhost:8080', 201],
  ])('Origin %s on an http request to localhost:8080 → %i', async (origin, status) => {
    const res = await c.post(
      '/api/routes',
      {
        interfaceAlias: 'Port1',
        destinationPrefix: `10.${status}.0.0/16`,
        nextHop: '192.168.100.1',
      },
      { headers: { host: 'localhost:8080', origin } },
    );
    expect(res.status).toBe(status);
  });

  it('default ports are the same origin', async () => {
    const res = await c.post(
      '/api/routes/lookup',
      { destination: '10.0.0.1' },
      { headers: { host: 'localhost:80', origin: 'http://localhost' } },
    );
    expect(res.status).toBe(200);
  });
});

describe('the session cookie behind a TLS proxy', () => {
  it('is Secure only when a trusted proxy says the request came over https', async () => {
    const direct = await startApp();
    const spoofed = await direct.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { password: ADMIN_PASSWORD },
    });
    expect(String(spoofed.headers['set-cookie'])).not.toMatch(/Secure/i);
    await direct.close();

    const proxied = await startApp({ trustProxy: '127.0.0.1' });
    const viaProxy = await proxied.app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-proto': 'https', origin: 'https://localhost', host: 'localhost' },
      payload: { password: ADMIN_PASSWORD },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/; Secure/);
    await proxied.close();
  });
});

/** Sends `chunks` on a raw loopback socket, `gapMs` apart, and reads until the server closes. */
function rawExchange(
  port: number,
  chunks: string[],
  gapMs: number,
  limitMs: number,
): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(stop);
      socket.destroy();
      resolve({ text, ms: Date.now() - started });
    };
    const stop = setTimeout(finish, limitMs);
    socket.on('data', (d) => {
      text += d;
    });
    socket.on('close', finish);
    socket.on('error', finish);
    let i = 0;
    const next = () => {
      if (i < chunks.length && !socket.destroyed) {
        socket.write(chunks[i++] as string);
        timer = setTimeout(next, gapMs);
      }
    };
    socket.on('connect', next);
  });
}

function parseRaw(text: string): { status: number; headers: Record<string, string>; body: Json } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  );
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: body ? JSON.parse(body) : null,
  };
}

describe('slow clients and Node-level errors on a loopback socket', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startApp({ requestTimeoutSeconds: 2, headersTimeoutSeconds: 1 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('a body that trickles in is cut off by the request timeout with a 408 problem', async () => {
    const head =
      'POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
    const drip = Array.from({ length: 40 }, () => ' ');
    const { text, ms } = await rawExchange(port, [head, ...drip], 200, 8000);
    const res = parseRaw(text);
    expect(res.status).toBe(408);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.code).toBe('request.timeout');
    expect(ms).toBeLessThan(5000);
  }, 15_000);

  it('headers that never end are cut off by the headers timeout', async () => {
    const drip = [
      'GET /api/health HTTP/1.1\r\n',
      ...Array.from({ length: 40 }, (_, i) => `X-${i}: y\r\n`),
    ];
    const { text, ms } = await rawExchange(port, drip, 100, 8000);
    expect(parseRaw(text).status).toBe(408);
    expect(ms).toBeLessThan(4000);
  }, 15_000);

  it('garbage is a 400 problem and oversized headers a 431 problem, with security headers', async () => {
    const garbage = parseRaw((await rawExchange(port, ['HELLO THERE\r\n\r\n'], 10, 3000)).text);
    expect(garbage.status).toBe(400);
    expect(garbage.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(garbage.headers['content-security-policy']).toContain("default-src 'none'");
    expect(garbage.body).toMatchObject({ status: 400, code: 'request.malformed' });
    const big = `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    const tooLarge = parseRaw((await rawExchange(port, [big], 10, 3000)).text);
    expect(tooLarge.status).toBe(431);
    expect(tooLarge.body.code).toBe('request.headersTooLarge');
    expect(tooLarge.headers['x-frame-options']).toBe('DENY');
  }, 15_000);
});
