/**
 * A tiny HTTP stand-in for the edgenet server's session rules, to test the CLI's transport:
 * sign-in sets a cookie, every /api call needs it, writes need our Origin and JSON, and the
 * initial password may have to be changed. The real server is tested end to end by the lead.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StubOptions {
  password?: string;
  /** The initial password must be changed: sign-in answers 403 password.changeRequired. */
  mustChange?: boolean;
}

export interface Stub {
  url: string;
  requests: StubRequest[];
  /** Forget every session, as a server restart does. */
  expireSessions(): void;
  close(): Promise<void>;
}

function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ type: 'about:blank', title, status, ...extra });
}

export async function startStub(options: StubOptions = {}): Promise<Stub> {
  let password = options.password ?? 'Secret#123';
  let mustChange = options.mustChange ?? false;
  const sessions = new Set<string>();
  const requests: StubRequest[] = [];
  let counter = 0;
  const routes: unknown[] = [];

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, payload?: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, {
          ...(payload
            ? { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }
            : {}),
          ...headers,
        });
        res.end(payload);
      };
      const origin = `http://${req.headers.host}`;
      if (req.method !== 'GET') {
        if (req.headers.origin !== origin || req.headers['content-type'] !== 'application/json') {
          return send(403, problem(403, 'Cross-site write refused', { code: 'csrf' }));
        }
        if (body === '') return send(400, problem(400, 'Body cannot be empty'));
      }
      const cookie = /edgenet_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const signedIn = cookie !== undefined && sessions.has(cookie);
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'POST' && path === '/api/session') {
        const given = JSON.parse(body).password;
        if (given !== password)
          return send(
            401,
            problem(401, 'Unauthorized', {
              code: 'session.wrongPassword',
              message: { en: 'Wrong password.', ja: 'パスワードが違います。' },
            }),
          );
        const id = `s${++counter}`;
        sessions.add(id);
        const setCookie = `edgenet_session=${id}; Path=/; HttpOnly; SameSite=Strict`;
        if (mustChange) {
          return send(403, problem(403, 'Forbidden', { code: 'password.changeRequired' }), {
            'set-cookie': setCookie,
          });
        }
        return send(
          200,
          JSON.stringify({
            mustChangePassword: false,
            failedAttemptsSinceLastSignIn: 0,
            idleTimeoutSeconds: 900,
          }),
          { 'set-cookie': setCookie },
        );
      }
      if (!signedIn) return send(401, problem(401, 'Unauthorized', { code: 'session.required' }));
      if (req.method === 'POST' && path === '/api/password') {
        const { currentPassword, newPassword } = JSON.parse(body);
        if (currentPassword !== password) return send(401, problem(401, 'Unauthorized'));
        if (String(newPassword).length < 8) {
          return send(
            422,
            problem(422, 'Weak password', {
              issues: [
                {
                  path: 'newPassword',
                  code: 'password.weak',
                  severity: 'error',
                  params: {},
                  message: { en: 'Use 8 to 16 characters.', ja: '8 から 16 文字にしてください。' },
                },
              ],
            }),
          );
        }
        password = newPassword;
        mustChange = false;
        return send(204);
      }
      if (mustChange)
        return send(403, problem(403, 'Forbidden', { code: 'password.changeRequired' }));
      if (req.method === 'DELETE' && path === '/api/session') {
        sessions.delete(cookie as string);
        return send(204, undefined, { 'set-cookie': 'edgenet_session=; Path=/; Max-Age=0' });
      }
      if (req.method === 'GET' && path === '/api/device') {
        return send(
          200,
          JSON.stringify({
            name: 'stub-device',
            sku: 'pro-gpu',
            skuName: 'Azure Stack Edge Pro GPU',
            nodeCount: 1,
            softwareVersion: '1.0',
            computeState: 'NotConfigured',
            revision: 1,
          }),
        );
      }
      if (req.method === 'GET' && path === '/api/ports') {
        return send(200, JSON.stringify({ ports: [], revision: 1 }));
      }
      if (req.method === 'GET' && path === '/api/routes') {
        return send(200, JSON.stringify({ routes, revision: 1 }));
      }
      if (req.method === 'POST' && path === '/api/routes') {
        const route = { ...JSON.parse(body), status: { active: true, reason: null } };
        route.routeMetric ??= 256;
        routes.push(route);
        return send(201, JSON.stringify(route));
      }
      if (req.method === 'DELETE' && path === '/api/routes') return send(204);
      return send(404, problem(404, 'Not Found'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    expireSessions: () => sessions.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
