/**
 * A stand-in for apps/server at the network boundary: `fetch` is replaced, everything above it
 * (the typed client, queries, forms, the core's validators) is the real code. It is built on the
 * contract's fake transport (`createFakeTransport`), so every answer — the defaults here and each
 * test's `on()` override — is checked against the endpoint table: an answer off the contract is
 * recorded in `contractViolations` and fails the test (test/setup.ts). Documents are built with
 * the core, as the server builds them.
 */
import {
  createDefaultDevice,
  type DeviceConfig,
  effectiveRoutes,
  findPortCaseInsensitive,
  kubernetesVms,
  orderRoutes,
  type RouteConfig,
  type RouteSortColumn,
  type RouteSortDirection,
  routeStatus,
  routeStatusMessage,
  SKUS,
  skuPortSpec,
} from '@edgenet/network-config';
import { ContractViolation } from '@edgenet/network-config/contract/check';
import {
  type AnswerOf,
  type ApiTransport,
  ENDPOINT_NAMES,
  ENDPOINT_PATHS,
  type EndpointName,
  pathOf,
} from '@edgenet/network-config/contract/client';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import {
  createFakeTransport,
  type FakeHandler,
  type FakeHandlers,
  type FakeRequest,
  fakeProblem,
  fetchOf,
} from '@edgenet/network-config/contract/testing';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { vi } from 'vitest';

/**
 * Requests and answers off the contract, from any fake server of the running test (test/setup.ts
 * checks it): a body the server would refuse with 400, an answer the table does not allow.
 */
export const contractViolations: string[] = [];

const bodyChecks = new Map<EndpointName, ReturnType<typeof Compile<TSchema>>>();
/** The server refuses a request body off its endpoint's schema (400); the web must not send one. */
function checkRequestBody(name: EndpointName, body: unknown): void {
  const schema = (ENDPOINTS[name] as { body?: TSchema }).body;
  if (!schema || body === undefined) return;
  let check = bodyChecks.get(name);
  if (!check) {
    check = Compile(schema);
    bodyChecks.set(name, check);
  }
  if (!check.Check(body)) {
    const errors = [...check.Errors(body)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
    contractViolations.push(`${name} was sent a body off the contract: ${errors.join('; ')}`);
  }
}

export interface Call {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = { status: number; body?: unknown };
export type Handler = (call: Call) => Reply | Promise<Reply>;

/** The source article's device: Port3 static 192.168.20.10/24, compute not configured yet. */
export function articleDevice(): DeviceConfig {
  const device = createDefaultDevice();
  device.ports = device.ports.map((p) => {
    if (p.name === 'Port2') {
      return {
        ...p,
        address: '10.0.0.23',
        subnetMask: '255.255.255.0',
        gateway: '10.0.0.1',
        dns: ['10.0.0.1'],
        link: { connected: true, speedGbps: 1 },
      };
    }
    if (p.name === 'Port3') {
      return {
        ...p,
        dhcp: false,
        address: '192.168.20.10',
        subnetMask: '255.255.255.0',
        link: { connected: true, speedGbps: 25 },
      };
    }
    return p;
  });
  return device;
}

export function manyRoutes(count: number): RouteConfig[] {
  const routes: RouteConfig[] = [];
  for (let i = 0; i < count; i++) {
    routes.push({
      interfaceAlias: 'Port3',
      destinationPrefix: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
      nextHop: '192.168.20.1',
      routeMetric: 100 + (i % 7),
    });
  }
  return routes;
}

export function createFakeServer(device: DeviceConfig = articleDevice()) {
  const state = { device, revision: 7 };
  const calls: Call[] = [];
  const overrides = new Map<string, Handler>();

  const routeDoc = (r: RouteConfig): AnswerOf<'listRoutes'>['routes'][number] => {
    const status = routeStatus(r, state.device);
    return {
      ...r,
      status: {
        active: status.active,
        reason: status.reason
          ? { ...status.reason, message: routeStatusMessage(status.reason) }
          : null,
      },
    };
  };
  const session = {
    mustChangePassword: false,
    failedAttemptsSinceLastSignIn: 0,
    idleTimeoutSeconds: 900,
  };

  /** What the server answers, typed by the endpoint table. */
  const defaults: FakeHandlers = {
    getSession: () => ({ status: 200, body: session }),
    signIn: () => ({ status: 200, body: session }),
    signOut: () => ({ status: 204, body: null }),
    getSettings: () => ({
      status: 200,
      body: { kiosk: false, idleTimeoutSeconds: 900, driver: 'fake' },
    }),
    getDevice: () => ({
      status: 200,
      body: {
        name: state.device.name,
        sku: state.device.sku,
        skuName: SKUS[state.device.sku].displayName,
        nodeCount: state.device.nodeCount,
        softwareVersion: 'test',
        computeState: state.device.compute.state,
        revision: state.revision,
        kiosk: false,
      },
    }),
    getConfig: () => ({ status: 200, body: { ...state.device, revision: state.revision } }),
    getCompute: () => ({
      status: 200,
      body: { ...state.device.compute, error: null, jobId: null, revision: state.revision },
    }),
    listPorts: () => ({
      status: 200,
      body: {
        ports: state.device.ports.map((p) => ({
          ...p,
          // As the server: from the model's port table, not from whether an MTU is set.
          mtuConfigurable: skuPortSpec(state.device.sku, p.name)?.mtuConfigurable ?? false,
          compute: p.name === state.device.compute.computePort,
        })),
        revision: state.revision,
      },
    }),
    listRoutes: ({ query }) => {
      // As the server: the interface alias matches case-insensitively, as in PowerShell.
      const alias = query.interfaceAlias;
      const name = alias ? (findPortCaseInsensitive(state.device, alias)?.name ?? alias) : null;
      const routes = name
        ? state.device.routes.filter((r) => r.interfaceAlias === name)
        : state.device.routes;
      // A page (ADR 0042): filtered and sorted by the core, as the server does.
      const q = query as Record<string, string | undefined>;
      const ordered = orderRoutes(
        routes,
        { q: q.q, sort: q.sort as RouteSortColumn, dir: q.dir as RouteSortDirection },
        state.device,
      );
      const offset = Number(q.offset ?? 0);
      const page = ordered.slice(offset, offset + Number(q.limit ?? ordered.length));
      return {
        status: 200,
        body: {
          routes: page.map(routeDoc),
          revision: state.revision,
          total: ordered.length,
          offset,
        },
      };
    },
    getEffectiveRoutes: ({ query }) => {
      const name = query.vm || 'master';
      const vm = kubernetesVms(state.device).find((v) => v.name === name);
      if (!vm) return { status: 404, body: fakeProblem(404, 'vm.unknown', `No VM ${name}.`) };
      return {
        status: 200,
        body: { vm, routes: effectiveRoutes(state.device, state.device.routes, vm.name) },
      };
    },
    getPending: () => ({ status: 200, body: { pending: null, revision: state.revision } }),
  };

  /** An override by `METHOD /path` first (a test's), else the default, else "not implemented". */
  const dispatch = async <K extends EndpointName>(name: K, request: FakeRequest<K>) => {
    const method = ENDPOINT_PATHS[name].method;
    const params = request.params as Record<string, string>;
    const path = (pathOf as (n: EndpointName, p: Record<string, string>) => string)(name, params);
    const call: Call = {
      method,
      path,
      search: new URLSearchParams(request.query as Record<string, string>),
      headers: request.headers,
      body: request.body,
    };
    calls.push(call);
    checkRequestBody(name, request.body);
    const override = overrides.get(`${method} ${path}`);
    if (override) {
      const reply = await override(call);
      // A test's answer, checked against the table by the fake transport like the defaults.
      return { status: reply.status, body: reply.body ?? null } as never;
    }
    const handler = defaults[name] as FakeHandler<K> | undefined;
    if (!handler)
      throw new Error(`The fake server does not implement ${name} (${method} ${path}).`);
    return handler(request);
  };
  const transport = createFakeTransport(
    Object.fromEntries(
      ENDPOINT_NAMES.map((name) => [name, (request: never) => dispatch(name, request)]),
    ) as FakeHandlers,
  );

  /** The fake transport, recording answers off the contract and sending the revision's ETag. */
  const recording: ApiTransport = {
    async request(...args) {
      try {
        const answer = await transport.request(...args);
        return { ...answer, headers: { ...answer.headers, etag: `"${state.revision}"` } };
      } catch (error) {
        if (error instanceof ContractViolation) contractViolations.push(error.message);
        throw error;
      }
    },
  };
  const fetchImpl = vi.fn(fetchOf(recording));

  return {
    state,
    calls,
    fetch: fetchImpl,
    on(key: string, handler: Handler) {
      overrides.set(key, handler);
    },
    callsTo(key: string) {
      return calls.filter((c) => `${c.method} ${c.path}` === key);
    },
  };
}

export type FakeServer = ReturnType<typeof createFakeServer>;
