/**
 * A tiny HTTP stand-in for the edgenet server's session rules, to test the CLI's transport:
 * sign-in sets a cookie, every other endpoint needs it, writes need our Origin and JSON, and the
 * initial password may have to be changed. Behind those HTTP rules, the answers come from the
 * contract's fake transport (`createFakeTransport`), so every answer the stub gives — documents
 * and problems — is checked against the endpoint table; one off the contract (or a request no
 * handler serves) is answered 500 and kept in `violations`, which each test checks is empty. The real server is
 * tested by the round trips (`roundtrip.test.ts`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContractChecker } from '@edgenet/network-config/contract/check';
import { type EndpointName, matchEndpoint } from '@edgenet/network-config/contract/client';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import { createFakeTransport, fakeProblem } from '@edgenet/network-config/contract/testing';

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
  /** Answers the stub gave off the contract, or requests it has no handler for (none, or the stub is wrong). */
  violations: Error[];
  /** Forget every session, as a server restart does. */
  expireSessions(): void;
  close(): Promise<void>;
}

const SESSION = {
  mustChangePassword: false,
  failedAttemptsSinceLastSignIn: 0,
  idleTimeoutSeconds: 900,
};

export async function startStub(options: StubOptions = {}): Promise<Stub> {
  let password = options.password ?? 'Secret#123';
  let mustChange = options.mustChange ?? false;
  const sessions = new Set<string>();
  const requests: StubRequest[] = [];
  const violations: Error[] = [];
  let counter = 0;
  const routes: {
    interfaceAlias: string;
    destinationPrefix: string;
    nextHop: string;
    routeMetric: number;
  }[] = [];
  const checker = createContractChecker();

  const api = createFakeTransport({
    getHealth: () => ({ status: 200, body: { status: 'ok', uptimeSeconds: 1 } }),
    signIn: ({ body }) => {
      if (body.password !== password) {
        return {
          status: 401,
          body: fakeProblem(401, 'session.wrongPassword', 'Wrong password.', {
            message: { en: 'Wrong password.', ja: 'パスワードが違います。' },
          }),
        };
      }
      const id = `s${++counter}`;
      sessions.add(id);
      const headers = { 'set-cookie': `edgenet_session=${id}; Path=/; HttpOnly; SameSite=Strict` };
      if (mustChange) {
        return {
          status: 403,
          body: fakeProblem(403, 'password.changeRequired', 'Change the initial password first.'),
          headers,
        };
      }
      return { status: 200, body: SESSION, headers };
    },
    changePassword: ({ body }) => {
      if (body.currentPassword !== password) {
        return { status: 401, body: fakeProblem(401, 'session.wrongPassword', 'Wrong password.') };
      }
      if (body.newPassword.length < 8) {
        const issue = {
          path: 'newPassword',
          code: 'password.length' as const,
          severity: 'error' as const,
          params: {},
          message: { en: 'Use 8 to 16 characters.', ja: '8 から 16 文字にしてください。' },
        };
        return {
          status: 422,
          body: { type: 'about:blank', title: 'Weak password', status: 422, issues: [issue] },
        };
      }
      password = body.newPassword;
      mustChange = false;
      return { status: 200, body: SESSION };
    },
    signOut: ({ headers }) => {
      sessions.delete(sessionOf(headers.cookie) ?? '');
      return {
        status: 204,
        body: null,
        headers: { 'set-cookie': 'edgenet_session=; Path=/; Max-Age=0' },
      };
    },
    getDevice: () => ({
      status: 200,
      body: {
        name: 'stub-device',
        sku: 'pro-gpu',
        skuName: 'Azure Stack Edge Pro GPU',
        nodeCount: 1,
        softwareVersion: '1.0',
        computeState: 'NotConfigured',
        revision: 1,
        kiosk: false,
      },
    }),
    listPorts: () => ({ status: 200, body: { ports: [], revision: 1 } }),
    listRoutes: () => ({
      status: 200,
      body: {
        routes: routes.map((r) => ({ ...r, status: { active: true, reason: null } })),
        revision: 1,
      },
    }),
    addRoute: ({ body }) => {
      const route = { ...body, routeMetric: body.routeMetric ?? 256 };
      routes.push(route);
      return {
        status: 201,
        body: { ...route, status: { active: true, reason: null }, issues: [], revision: 1 },
      };
    },
    removeRoute: () => ({ status: 204, body: null }),
  });

  /** The HTTP rules in front of the endpoints: a refusal, checked against the table too. */
  function refusal(name: EndpointName | null, status: number, code: string, title: string) {
    const body = fakeProblem(status, code, title);
    if (name) checker.assert(name, status, body);
    return { status, headers: {}, body };
  }

  async function answer(req: IncomingMessage, body: string) {
    const [path = ''] = (req.url ?? '').split('?');
    const method = req.method ?? '';
    const name = matchEndpoint(method, path)?.name ?? null;
    const origin = `http://${req.headers.host}`;
    if (method !== 'GET') {
      if (req.headers.origin !== origin || req.headers['content-type'] !== 'application/json') {
        return refusal(name, 403, 'csrf', 'Cross-site write refused');
      }
      if (body === '') return refusal(name, 400, 'body.empty', 'Body cannot be empty');
    }
    const auth = name ? ENDPOINTS[name].auth : 'admin';
    const signedIn = sessions.has(sessionOf(req.headers.cookie) ?? '');
    if (auth !== 'public' && !signedIn) {
      return refusal(name, 401, 'session.required', 'Unauthorized');
    }
    if (auth === 'admin' && mustChange) {
      return refusal(name, 403, 'password.changeRequired', 'Forbidden');
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[key] = value;
    }
    // A DELETE carries `{}` (Fastify refuses an empty JSON body); the endpoint takes none.
    const parsed = body === '' || method === 'DELETE' ? undefined : JSON.parse(body);
    return api.request(method as never, req.url ?? '', parsed, headers);
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', async () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      let reply: { status: number; headers: Record<string, string>; body: unknown };
      try {
        reply = await answer(req, body);
      } catch (error) {
        violations.push(error as Error);
        reply = {
          status: 500,
          headers: {},
          body: fakeProblem(500, 'stub.offContract', (error as Error).message),
        };
      }
      const payload = reply.body === null ? undefined : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(payload
          ? {
              'content-type': reply.status >= 400 ? 'application/problem+json' : 'application/json',
            }
          : {}),
        ...reply.headers,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    expireSessions: () => sessions.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sessionOf(cookie: string | undefined): string | undefined {
  return /edgenet_session=([^;]+)/.exec(cookie ?? '')?.[1];
}
