import { describe, expect, it } from 'vitest';
import { createContractChecker } from './check';
import { ApiError, ContractViolation, createApiClient } from './client';
import { ENDPOINT_NAMES, ENDPOINT_PATHS, matchEndpoint, pathOf } from './endpoint-paths';
import { ENDPOINTS } from './endpoints';
import { createFakeTransport, fakeProblem, fetchOf } from './testing';
import { type ApiTransport, fetchTransport } from './transport';
import { API, EXCHANGE_API, LIFECYCLE_API } from './urls';

// The core has no Node types (it runs in the browser too): the file reader is typed here.
const { readFileSync }: { readFileSync(path: string, encoding: 'utf8'): string } = await import(
  'node:fs' as string
);
const here = (import.meta as unknown as { dirname: string }).dirname;

/** The modules a file loads at run time (type-only imports left out), followed through the tree. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(`${here}/${file}`, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
    const [, typeOnly, source = ''] = match;
    if (typeOnly) continue;
    if (source.startsWith('./')) {
      const next = `${source.slice(2)}.ts`;
      if (!seen.has(next)) {
        seen.add(next);
        runtimeImports(next, seen);
      }
    } else {
      seen.add(source);
    }
  }
  return seen;
}

describe('the light endpoint table', () => {
  it('loads no TypeBox, nor does the typed client', () => {
    for (const file of ['endpoint-paths.ts', 'client.ts', 'transport.ts', 'urls.ts']) {
      const loaded = [...runtimeImports(file)];
      expect(
        loaded.filter((m) => m.includes('typebox')),
        file,
      ).toEqual([]);
      expect(loaded, file).not.toContain('index.ts');
      expect(loaded, file).not.toContain('endpoints.ts');
    }
  });

  it('names each method and path once', () => {
    const keys = ENDPOINT_NAMES.map((n) => `${ENDPOINT_PATHS[n].method} ${ENDPOINT_PATHS[n].path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ENDPOINT_NAMES.length).toBeGreaterThanOrEqual(46);
  });

  it('fills path params, URI-encoded, and refuses a missing one', () => {
    expect(pathOf('updatePort', { name: 'Port 3' })).toBe('/api/ports/Port%203');
    expect(pathOf('diffRevisions', { a: 3, b: 7 })).toBe('/api/revisions/3/diff/7');
    expect(pathOf('deleteService', { namespace: 'default', name: 'a/b' })).toBe(
      '/api/kubernetes/services/default/a%2Fb',
    );
    expect(pathOf('listPorts')).toBe('/api/ports');
    expect(() => pathOf('getJob', {} as never)).toThrow(/"id" has no value/);
  });

  it('finds the endpoint of a method and path, with its params decoded', () => {
    expect(matchEndpoint('PUT', '/api/ports/Port%203')).toEqual({
      name: 'updatePort',
      params: { name: 'Port 3' },
    });
    expect(matchEndpoint('put', '/api/virtual-switches/vs1/virtual-networks/n1')?.name).toBe(
      'updateVirtualNetwork',
    );
    expect(matchEndpoint('GET', '/api/routes/effective')?.name).toBe('getEffectiveRoutes');
    expect(matchEndpoint('PATCH', '/api/ports/Port1')).toBeNull();
    expect(matchEndpoint('GET', '/api/nothing')).toBeNull();
  });

  it('gives the old URL names the same URLs as before', () => {
    expect(API.port('Port 3')).toBe('/api/ports/Port%203');
    expect(API.job('j 1')).toBe('/api/jobs/j%201');
    expect(API.service('kube system', 'x')).toBe('/api/kubernetes/services/kube%20system/x');
    expect(API.virtualNetworks('vs 1')).toBe('/api/virtual-switches/vs%201/virtual-networks');
    expect(API.virtualNetwork('vs1', 'n 1')).toBe(
      '/api/virtual-switches/vs1/virtual-networks/n%201',
    );
    expect(LIFECYCLE_API.revisionRestore(4)).toBe('/api/revisions/4/restore');
    expect(LIFECYCLE_API.revisionDiff(1, 2)).toBe('/api/revisions/1/diff/2');
    expect([API.routesLookup, EXCHANGE_API.routesBatch, EXCHANGE_API.export]).toEqual([
      '/api/routes/lookup',
      '/api/routes/batch',
      '/api/export',
    ]);
  });
});

describe('the endpoint table', () => {
  it('has exactly the light table’s endpoints, with the same method and path', () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...ENDPOINT_NAMES].sort());
    for (const name of ENDPOINT_NAMES) {
      expect(ENDPOINTS[name].method, name).toBe(ENDPOINT_PATHS[name].method);
      expect(ENDPOINTS[name].path, name).toBe(ENDPOINT_PATHS[name].path);
    }
  });

  it('lists a success and the problems every request can meet, for every endpoint', () => {
    for (const name of ENDPOINT_NAMES) {
      const entry = ENDPOINTS[name] as (typeof ENDPOINTS)[typeof name] & { ifMatch?: string };
      const statuses = Object.keys(entry.responses).map(Number);
      expect(
        statuses.some((s) => s >= 200 && s < 300),
        name,
      ).toBe(true);
      expect(statuses, name).toEqual(expect.arrayContaining([400, 429, 500]));
      if (entry.auth !== 'public') expect(statuses, name).toContain(401);
      if (entry.auth === 'admin') expect(statuses, name).toContain(403);
      if (entry.method !== 'GET')
        expect(statuses, name).toEqual(expect.arrayContaining([413, 415]));
      if (entry.ifMatch === 'required') expect(statuses, name).toContain(428);
      if (entry.ifMatch) expect(statuses, name).toContain(412);
    }
  });
});

describe('the contract checker', () => {
  const checker = createContractChecker();

  it('accepts an answer of the table and a problem', () => {
    expect(checker.check('getHealth', 200, { status: 'ok', uptimeSeconds: 3 })).toEqual({
      ok: true,
    });
    expect(
      checker.check('listPorts', 401, fakeProblem(401, 'session.required', 'Sign in')),
    ).toEqual({ ok: true });
  });

  it('names the field of a wrong answer', () => {
    const result = checker.check('getHealth', 200, { status: 'ok', uptimeSeconds: 'three' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toMatch(/\/uptimeSeconds/);
  });

  it('refuses a status the endpoint does not answer', () => {
    const result = checker.check('getHealth', 201, {});
    expect(!result.ok && result.errors[0]).toMatch(/status 201 is not one it answers/);
    expect(() => checker.assert('getHealth', 418, {})).toThrow(ContractViolation);
  });
});

/** A transport answering one canned response and remembering what it was asked. */
function cannedTransport(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: { method: string; path: string; body: unknown; headers: Record<string, string> }[] =
    [];
  const transport: ApiTransport = {
    async request(method, path, requestBody, requestHeaders = {}) {
      sent.push({ method, path, body: requestBody, headers: requestHeaders });
      return { status, headers, body };
    },
  };
  return { transport, sent };
}

const settings = {
  ipEnabled: true,
  dhcp: false,
  address: '192.168.20.10',
  subnetMask: '255.255.255.0',
  gateway: null,
  dns: [],
  mtu: 1500,
};
const port = {
  ...settings,
  name: 'Port 3',
  speedGbps: [25, 10],
  mtuConfigurable: true,
  link: { connected: true, speedGbps: 25 },
  compute: true,
};

describe('the typed client', () => {
  it('fills the path, query, If-Match and body, and answers data and etag', async () => {
    const { transport, sent } = cannedTransport(
      200,
      { ...port, issues: [], revision: 8 },
      { etag: '"8"' },
    );
    const api = createApiClient(transport, {
      check: createContractChecker(),
      headers: { 'edgenet-source': 'web' },
    });
    const answer = await api.call('updatePort', {
      params: { name: 'Port 3' },
      body: settings,
      ifMatch: 7,
    });
    expect(answer).toMatchObject({ status: 200, etag: '"8"', data: { revision: 8 } });
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/api/ports/Port%203',
        body: settings,
        headers: { 'edgenet-source': 'web', 'if-match': '"7"' },
      },
    ]);

    const removal = cannedTransport(204, null);
    await createApiClient(removal.transport).call('removeRoute', {
      query: { interfaceAlias: 'Port 3', destinationPrefix: '10.0.0.0/8' },
    });
    expect(removal.sent[0]?.path).toBe(
      '/api/routes?interfaceAlias=Port%203&destinationPrefix=10.0.0.0%2F8',
    );
  });

  it('throws an ApiError carrying the problem on a non-2xx answer', async () => {
    const problem = fakeProblem(412, 'revision.stale', 'The configuration changed.');
    const api = createApiClient(cannedTransport(412, problem).transport, {
      check: createContractChecker(),
    });
    const error = await api
      .call('updatePort', { params: { name: 'Port1' }, body: settings, ifMatch: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 412, code: 'revision.stale', endpoint: 'updatePort' });
    expect((error as ApiError).issues).toEqual([]);
  });

  it('with a checker, catches a wrong answer: a bare job where the table says compute and job', async () => {
    // What hcs-shell's old fake answered to PUT /api/compute (issue 12).
    const bareJob = { id: 'job-1', kind: 'compute.apply', state: 'running', progress: 0 };
    const api = createApiClient(cannedTransport(202, bareJob).transport, {
      check: createContractChecker(),
    });
    const error = await api
      .call('updateCompute', {
        body: {
          computePort: 'Port3',
          nodeIpRange: null,
          serviceIpRange: null,
          podCidr: '172.27.0.0/16',
          serviceCidr: '172.28.0.0/16',
        },
        ifMatch: 3,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as ContractViolation).message).toMatch(/updateCompute answered 202/);
    expect((error as ContractViolation).errors.join('\n')).toMatch(/compute/);
    // Without a checker the same answer passes through (production).
    const unchecked = createApiClient(cannedTransport(202, bareJob).transport);
    await expect(unchecked.call('getCompute')).resolves.toMatchObject({ status: 202 });
  });

  it('with a checker, catches a problem that is not a problem', async () => {
    const api = createApiClient(cannedTransport(404, { error: 'nope' }).transport, {
      check: createContractChecker(),
    });
    await expect(api.call('getJob', { params: { id: 'x' } })).rejects.toThrow(ContractViolation);
  });
});

describe('the fake transport', () => {
  const fake = () =>
    createFakeTransport({
      getHealth: () => ({ status: 200, body: { status: 'ok', uptimeSeconds: 1 } }),
      listRoutes: ({ query }) => ({
        status: 200,
        body: { routes: [], revision: query.interfaceAlias === 'Port 3' ? 3 : 1 },
      }),
      getJob: ({ params }) => ({
        status: 404,
        body: fakeProblem(404, 'job.unknown', `There is no job ${params.id}.`),
      }),
      // Off the contract on purpose: uptimeSeconds must be a whole number.
      getSettings: () => ({
        status: 200,
        body: { kiosk: false, idleTimeoutSeconds: 'soon', driver: 'simulated' } as never,
      }),
    });

  it('routes by method and path, parses the query and records each request', async () => {
    const transport = fake();
    const api = createApiClient(transport);
    const list = await api.call('listRoutes', { query: { interfaceAlias: 'Port 3' } });
    expect(list.data.revision).toBe(3);
    const error = await api.call('getJob', { params: { id: 'j/1' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 404,
      code: 'job.unknown',
      message: 'There is no job j/1.',
    });
    expect(transport.requests.map((r) => [r.method, r.path, r.endpoint])).toEqual([
      ['GET', '/api/routes?interfaceAlias=Port%203', 'listRoutes'],
      ['GET', '/api/jobs/j%2F1', 'getJob'],
    ]);
  });

  it('answers 404 for a path the API does not have, and throws for an endpoint it lacks', async () => {
    const transport = fake();
    const unknown = await transport.request('GET', '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'resource.notFound' });
    expect(createContractChecker().check('getJob', 404, unknown.body)).toEqual({ ok: true });
    await expect(transport.request('GET', '/api/ports')).rejects.toThrow(
      /does not implement listPorts/,
    );
  });

  it('fails the test when the fake answers off the contract', async () => {
    await expect(createApiClient(fake()).call('getSettings')).rejects.toThrow(
      /getSettings answered 200 off the contract.*idleTimeoutSeconds/,
    );
  });
});

describe('a fetch from the fake (for code that calls fetch itself)', () => {
  it('answers real Responses, JSON and text, through fetchTransport and the client', async () => {
    const fake = createFakeTransport({
      exportConfig: ({ query }) => ({ status: 200, body: `# ${query.format}\n` }),
      signOut: () => ({ status: 204, body: null }),
      addRoute: ({ body, headers }) => ({
        status: 201,
        body: {
          ...body,
          routeMetric: body.routeMetric ?? 256,
          status: { active: true, reason: null },
          issues: [],
          revision: Number(headers['if-match']?.replaceAll('"', '')) + 1,
        },
      }),
    });
    const fetchImpl = fetchOf(fake);
    const api = createApiClient(fetchTransport(fetchImpl as never, 'http://localhost:5173'), {
      check: createContractChecker(),
    });
    const route = {
      interfaceAlias: 'Port3',
      destinationPrefix: '10.0.0.0/8',
      nextHop: '192.168.20.1',
    };
    const added = await api.call('addRoute', { body: route, ifMatch: 4 });
    expect(added).toMatchObject({ status: 201, data: { routeMetric: 256, revision: 5 } });
    expect((await api.call('exportConfig', { query: { format: 'ps1' } })).data).toBe('# ps1\n');
    expect((await api.call('signOut')).data).toBeNull();
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/api/routes',
      '/api/export?format=ps1',
      '/api/session',
    ]);
    const missing = (await fetchImpl('/api/nothing')) as {
      status: number;
      json(): Promise<unknown>;
    };
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'resource.notFound' });
  });
});

describe('fetchTransport', () => {
  const response = (status: number, type: string | null, text: string) => ({
    status,
    headers: {
      get: (name: string) => (name === 'content-type' ? type : null),
      forEach: (fn: (value: string, key: string) => void) => {
        if (type) fn(type, 'Content-Type');
        fn('"4"', 'ETag');
      },
    },
    text: async () => text,
  });

  it('sends JSON with the base URL and fixed headers, and parses JSON answers', async () => {
    const calls: unknown[] = [];
    const transport = fetchTransport(
      async (url, init) => {
        calls.push([url, init]);
        return response(200, 'application/json; charset=utf-8', '{"removed":0}');
      },
      'http://device',
      { headers: { 'edgenet-source': 'cli' } },
    );
    const answer = await transport.request(
      'POST',
      '/api/routes/batch',
      { removals: [] },
      {
        'if-match': '"3"',
      },
    );
    expect(answer).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', etag: '"4"' },
      body: { removed: 0 },
    });
    expect(calls).toEqual([
      [
        'http://device/api/routes/batch',
        {
          method: 'POST',
          headers: {
            accept: 'application/json',
            'edgenet-source': 'cli',
            'if-match': '"3"',
            'content-type': 'application/json',
          },
          body: '{"removals":[]}',
        },
      ],
    ]);
  });

  it('reads a text answer as text, a problem as JSON, and 204 as null', async () => {
    const text = fetchTransport(async () => response(200, 'text/plain', 'New-NetRoute …'));
    expect(
      (await text.request('GET', '/api/export?format=ps1', undefined, {}, { responseType: 'text' }))
        .body,
    ).toBe('New-NetRoute …');
    const problem = fetchTransport(async () =>
      response(400, 'application/problem+json', '{"status":400,"title":"Bad request"}'),
    );
    expect(
      (await problem.request('GET', '/api/export', undefined, {}, { responseType: 'text' })).body,
    ).toEqual({ status: 400, title: 'Bad request' });
    const none = fetchTransport(async () => response(204, null, ''));
    expect((await none.request('DELETE', '/api/session')).body).toBeNull();
  });
});

describe('the typed client’s types', () => {
  it('asks for what each endpoint needs (checked by the compiler)', async () => {
    const api = createApiClient(cannedTransport(200, {}).transport);
    const calls = [
      // @ts-expect-error updatePort needs its path param, body and If-Match revision.
      () => api.call('updatePort'),
      // @ts-expect-error the path param of updatePort is `name`.
      () => api.call('updatePort', { params: { id: 'x' }, body: settings, ifMatch: 1 }),
      // @ts-expect-error getDevice takes no body.
      () => api.call('getDevice', { body: {} }),
      // @ts-expect-error removeRoute needs its query.
      () => api.call('removeRoute', {}),
      () => api.call('getDevice'),
      () => api.call('listRevisions', { query: { limit: '10' } }),
    ];
    expect(calls).toHaveLength(6);
    const answer = await api.call('getSettings');
    const kiosk: boolean = answer.data.kiosk;
    expect(kiosk).toBeUndefined();
  });
});
