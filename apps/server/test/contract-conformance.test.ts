/**
 * The server against the contract's endpoint table (issue 12, ADR 0034):
 * - the routes it registers under /api are exactly the table's (method and path), and each route's
 *   params, query, body and 2xx answer schemas ARE the table's (the same objects);
 * - a real server (listening on 127.0.0.1) driven through the typed client with the contract
 *   checker on, calling every endpoint once: every answer, documents and problems alike, is
 *   checked against the table's schema for its status.
 */

import type { Port, PortSettingsBody } from '@edgenet/network-config/contract';
import { createContractChecker } from '@edgenet/network-config/contract/check';
import {
  ApiError,
  type ApiTransport,
  createApiClient,
  fetchTransport,
  type TypedApiClient,
} from '@edgenet/network-config/contract/client';
import {
  ENDPOINT_NAMES,
  ENDPOINTS,
  type EndpointName,
} from '@edgenet/network-config/contract/endpoints';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startApp, type TestApp } from './helpers';

/** Swagger UI's own files under /api/docs/ (the page itself, /api/docs, is in the table). */
const isDocsAsset = (url: string) => url.startsWith('/api/docs/');

describe('the server declares exactly the endpoint table', () => {
  // Copied as each route is added: a plugin may change the options object afterwards.
  const routes: Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({
      onRoute: ({ method, url, schema, config }) =>
        void routes.push({ method, url, schema, config }),
    });
  });
  afterAll(() => t.close());

  const apiRoutes = () =>
    routes.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((method) => method !== 'HEAD')
        .filter(() => route.url.startsWith('/api/') && !isDocsAsset(route.url))
        .map((method) => ({ method, url: route.url, route })),
    );

  it('has a route for each endpoint and no other', () => {
    const registered = apiRoutes().map((r) => `${r.method} ${r.url}`);
    const table = ENDPOINT_NAMES.map((n) => `${ENDPOINTS[n].method} ${ENDPOINTS[n].path}`);
    expect(registered.sort()).toEqual(table.sort());
  });

  it('asks for the sign-in the table says (config.auth)', () => {
    for (const name of ENDPOINT_NAMES) {
      // Swagger UI's page is the plugin's own route, outside the signed-in scope: public.
      if (name === 'getDocs') continue;
      const { method, path, auth } = ENDPOINTS[name];
      const found = apiRoutes().find((r) => r.method === method && r.url === path);
      const config = found?.route.config as { auth?: string } | undefined;
      expect(config?.auth ?? 'admin', name).toBe(auth);
    }
  });

  it("validates and answers with the table's own schemas", () => {
    for (const name of ENDPOINT_NAMES) {
      if (name === 'getDocs') continue; // Swagger UI's page: no schema of ours
      const entry = ENDPOINTS[name] as (typeof ENDPOINTS)[EndpointName] & {
        params?: unknown;
        query?: unknown;
        body?: unknown;
      };
      const found = apiRoutes().find((r) => r.method === entry.method && r.url === entry.path);
      const schema = (found?.route.schema ?? {}) as Record<string, unknown> & {
        response?: Record<string, unknown>;
      };
      expect(schema.params, name).toBe(entry.params);
      expect(schema.querystring, name).toBe(entry.query);
      expect(schema.body, name).toBe(entry.body);
      for (const [status, answer] of Object.entries(entry.responses)) {
        if (Number(status) < 300)
          expect(schema.response?.[status], `${name} ${status}`).toBe(answer);
      }
    }
  });
});

/** fetch against the listening server, carrying the session cookie as a browser would. */
function sessionTransport(baseUrl: string): ApiTransport {
  const http = fetchTransport(fetch as never, baseUrl);
  let cookie = '';
  return {
    async request(method, path, body, headers = {}, options) {
      const answer = await http.request(
        method,
        path,
        body,
        { ...headers, ...(cookie ? { cookie } : {}) },
        options,
      );
      const session = /edgenet_session=([^;]*)/.exec(answer.headers['set-cookie'] ?? '');
      if (session) cookie = session[1] ? `edgenet_session=${session[1]}` : '';
      return answer;
    },
  };
}

/** The status of a call's answer, a problem included (the checker has checked either). */
async function statusOf(call: Promise<{ status: number }>): Promise<number> {
  try {
    return (await call).status;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

/** A port's settings as the server answered them, made static on `<net>.10/24` via `<net>.1`. */
function staticOn(port: Port | undefined, net: string): PortSettingsBody {
  if (!port) throw new Error('no such port');
  const { name, speedGbps, mtuConfigurable, link, compute, ...settings } = port;
  const address = { address: `${net}.10`, subnetMask: '255.255.255.0', gateway: `${net}.1` };
  return { ...settings, dhcp: false, ...address };
}
const ROUTE = { interfaceAlias: 'Port3', destinationPrefix: '10.1.0.0/16' };

describe('every answer of the real server is on the contract', () => {
  let t: TestApp;
  let api: TypedApiClient;
  const called = new Map<EndpointName, number[]>();
  beforeAll(async () => {
    t = await startApp({ firmware: '2023' });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const transport = sessionTransport(address);
    const checker = createContractChecker();
    // Every answer checked (the client throws a ContractViolation), and each call noted.
    api = createApiClient(transport, {
      check: {
        check(name, status, body) {
          called.set(name, [...(called.get(name) ?? []), status]);
          return checker.check(name, status, body);
        },
      },
    });
  });
  afterAll(() => t.close());

  it('walks every endpoint once, through the typed client with the checker on', async () => {
    // Public, then signed out, then signed in.
    expect((await api.call('getHealth')).data.status).toBe('ok');
    expect(await statusOf(api.call('getSettings'))).toBe(200);
    expect((await api.call('getOpenApi')).data.openapi).toBe('3.1.0');
    expect(await statusOf(api.call('getDocs'))).toBe(200);
    expect(await statusOf(api.call('getSession'))).toBe(401);
    expect(await statusOf(api.call('signIn', { body: { password: 'wrong' } }))).toBe(401);
    expect(await statusOf(api.call('signIn', { body: { password: ADMIN_PASSWORD } }))).toBe(200);
    expect(await statusOf(api.call('getSession'))).toBe(200);

    // Reads.
    const device = await api.call('getDevice');
    expect(device.data.firmware).toBe('2023');
    const config = await api.call('getConfig');
    expect(config.etag).toBe(`"${config.data.revision}"`);
    expect(await statusOf(api.call('getKubernetes'))).toBe(200);
    expect(await statusOf(api.call('listServices'))).toBe(200);
    expect(await statusOf(api.call('getPending'))).toBe(200);
    expect(await statusOf(api.call('getEffectiveRoutes', { query: { vm: 'master' } }))).toBe(200);
    expect(
      await statusOf(api.call('lookupRoute', { body: { destination: 'not-an-address' } })),
    ).toBe(422);
    expect(
      await statusOf(
        api.call('validateDocument', {
          body: { kind: 'route', document: { ...ROUTE, nextHop: '192.168.20.1' } },
        }),
      ),
    ).toBe(200);
    expect(await statusOf(api.call('exportConfig', { query: { format: 'ps1' } }))).toBe(200);
    expect(await statusOf(api.call('runConsoleLine', { body: { line: 'Get-HcsNetRoute' } }))).toBe(
      200,
    );
    expect(await statusOf(api.call('getJob', { params: { id: 'no-such-job' } }))).toBe(404);

    // Ports and compute: read, change, write with the revision read.
    const ports = await api.call('listPorts');
    const port3 = staticOn(
      ports.data.ports.find((p) => p.name === 'Port3'),
      '192.168.20',
    );
    expect(
      await statusOf(
        api.call('updatePort', { params: { name: 'Port3' }, body: port3, ifMatch: null }),
      ),
    ).toBe(428);
    const port = await api.call('updatePort', {
      params: { name: 'Port3' },
      body: port3,
      ifMatch: ports.data.revision,
    });
    const compute = await api.call('getCompute');
    const { podCidr, serviceCidr } = compute.data;
    const nodeIpRange = { start: '192.168.20.50', end: '192.168.20.51' };
    const serviceIpRange = { start: '192.168.20.60', end: '192.168.20.62' };
    const applied = await api.call('updateCompute', {
      body: { computePort: 'Port3', nodeIpRange, serviceIpRange, podCidr, serviceCidr },
      ifMatch: port.data.revision,
    });
    expect(applied.status).toBe(202);
    expect(await statusOf(api.call('getJob', { params: { id: applied.data.job?.id ?? '' } }))).toBe(
      200,
    );
    expect(compute.data.state).toBe('NotConfigured');

    // Routes.
    const added = await api.call('addRoute', { body: { ...ROUTE, nextHop: '192.168.20.1' } });
    expect(added.status).toBe(201);
    expect(
      (await api.call('listRoutes', { query: { interfaceAlias: 'Port3' } })).data.routes,
    ).toHaveLength(1);
    const changed = await api.call('changeRoutes', {
      body: { removals: [], changes: [{ ...ROUTE, routeMetric: 10 }] },
      ifMatch: added.data.revision,
    });
    expect(changed.data.changed).toHaveLength(1);
    expect(await statusOf(api.call('removeRoute', { query: ROUTE }))).toBe(204);
    expect(await statusOf(api.call('removeRoute', { query: ROUTE }))).toBe(404);
    const preview = await api.call('importConfig', {
      body: { format: 'ps1', text: '', dryRun: true },
    });
    expect(preview.data.applied).toBe(false);

    // Kubernetes services (compute is configured once its job is done).
    for (let i = 0; i < 200 && (await api.call('getCompute')).data.state !== 'Configured'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const service = { name: 'web', type: 'LoadBalancer', ports: [{ port: 80 }] };
    expect(await statusOf(api.call('createService', { body: service }))).toBe(201);
    expect(await statusOf(api.call('createService', { body: service }))).toBe(409);
    const manifest =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n  - port: 53\n';
    expect(await statusOf(api.call('applyManifest', { body: { manifest } }))).toBe(200);
    expect(
      await statusOf(api.call('deleteService', { params: { namespace: 'default', name: 'web' } })),
    ).toBe(204);

    // Virtual switches and networks.
    await api.call('updatePort', {
      params: { name: 'Port4' },
      body: staticOn(
        ports.data.ports.find((p) => p.name === 'Port4'),
        '192.168.40',
      ),
      ifMatch: (await api.call('getConfig')).data.revision,
    });
    const vswitch = { name: 'vs4', interfaceAlias: 'Port4', mtu: 1500 };
    expect(await statusOf(api.call('addVirtualSwitch', { body: vswitch }))).toBe(201);
    expect((await api.call('listVirtualSwitches')).data.virtualSwitches.length).toBeGreaterThan(0);
    const one = await api.call('getVirtualSwitch', { params: { name: 'vs4' } });
    expect(one.data.interfaceAlias.toLowerCase()).toBe('port4');
    const switched = await api.call('updateVirtualSwitch', {
      params: { name: 'vs4' },
      body: { ...vswitch, mtu: 1450 },
      ifMatch: (await api.call('getConfig')).data.revision,
    });
    const vnet = {
      name: 'vnet-10',
      vlanId: 10,
      addressSpace: '10.10.0.0/24',
      gateway: '10.10.0.1',
    };
    expect(
      await statusOf(api.call('addVirtualNetwork', { params: { name: 'vs4' }, body: vnet })),
    ).toBe(201);
    expect(
      await statusOf(
        api.call('updateVirtualNetwork', {
          params: { name: 'vs4', vnet: 'vnet-10' },
          body: { ...vnet, vlanId: 11 },
          ifMatch: switched.data.revision + 1,
        }),
      ),
    ).toBe(200);
    expect(
      await statusOf(
        api.call('removeVirtualNetwork', { params: { name: 'vs4', vnet: 'vnet-10' } }),
      ),
    ).toBe(204);
    expect(
      await statusOf(api.call('removeVirtualSwitch', { params: { name: 'vs4' }, query: {} })),
    ).toBe(204);

    // The history and the pending change.
    const history = await api.call('listRevisions', { query: { limit: '5' } });
    const latest = history.data.revision;
    expect(await statusOf(api.call('getRevision', { params: { n: 1 } }))).toBe(200);
    expect(await statusOf(api.call('diffRevisions', { params: { a: 1, b: latest } }))).toBe(200);
    expect(await statusOf(api.call('getRevision', { params: { n: 99999 } }))).toBe(404);
    expect(await statusOf(api.call('confirmPending'))).toBe(409);
    expect(await statusOf(api.call('revertPending'))).toBe(409);
    expect(
      await statusOf(
        api.call('restoreRevision', { params: { n: latest - 1 }, body: {}, ifMatch: latest - 1 }),
      ),
    ).toBe(412);
    // The simulated device sends no real packets (ADR 0030).
    expect(await statusOf(api.call('probeAddress', { body: { destination: '10.1.0.1' } }))).toBe(
      409,
    );

    // The password (a wrong current one), then sign out.
    expect(
      await statusOf(
        api.call('changePassword', {
          body: { currentPassword: 'wrong', newPassword: 'New#Pass2026' },
        }),
      ),
    ).toBe(422);
    expect(await statusOf(api.call('signOut'))).toBe(204);

    expect([...called.keys()].sort()).toEqual([...ENDPOINT_NAMES].sort());
  }, 30_000);

  it('documents every endpoint in the OpenAPI document with the statuses of the table', async () => {
    const { paths } = (await api.call('getOpenApi')).data as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const name of ENDPOINT_NAMES) {
      if (name === 'getOpenApi' || name === 'getDocs') continue; // hidden: the document itself
      const { method, path, responses } = ENDPOINTS[name];
      const documented = paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(Object.keys(documented?.responses ?? {}).sort(), name).toEqual(
        Object.keys(responses).sort(),
      );
    }
  });
});
