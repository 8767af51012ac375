/**
 * A stand-in for apps/server at the network boundary: `fetch` is replaced, everything above it
 * (api client, queries, forms, the core's validators) is the real code. Documents are built with
 * the core, as the server builds them. Tests override single routes with `on()`.
 */
import {
  createDefaultDevice,
  type DeviceConfig,
  effectiveRoutes,
  findPortCaseInsensitive,
  kubernetesVms,
  type RouteConfig,
  routeStatus,
  routeStatusMessage,
  SKUS,
  skuPortSpec,
} from '@edgenet/network-config';
import { vi } from 'vitest';

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

  const routeDoc = (r: RouteConfig) => {
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

  const defaults: Record<string, Handler> = {
    'GET /api/session': () => ({
      status: 200,
      body: {
        mustChangePassword: false,
        failedAttemptsSinceLastSignIn: 0,
        idleTimeoutSeconds: 900,
      },
    }),
    'POST /api/session': () => ({
      status: 200,
      body: {
        mustChangePassword: false,
        failedAttemptsSinceLastSignIn: 0,
        idleTimeoutSeconds: 900,
      },
    }),
    'DELETE /api/session': () => ({ status: 204 }),
    'GET /api/settings': () => ({
      status: 200,
      body: { kiosk: false, idleTimeoutSeconds: 900, driver: 'fake' },
    }),
    'GET /api/device': () => ({
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
    'GET /api/config': () => ({ status: 200, body: { ...state.device, revision: state.revision } }),
    'GET /api/compute': () => ({
      status: 200,
      body: { ...state.device.compute, error: null, jobId: null, revision: state.revision },
    }),
    'GET /api/ports': () => ({
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
    'GET /api/routes': (call) => {
      // As the server: the interface alias matches case-insensitively, as in PowerShell.
      const alias = call.search.get('interfaceAlias');
      const name = alias ? (findPortCaseInsensitive(state.device, alias)?.name ?? alias) : null;
      const routes = name
        ? state.device.routes.filter((r) => r.interfaceAlias === name)
        : state.device.routes;
      return { status: 200, body: { routes: routes.map(routeDoc), revision: state.revision } };
    },
    'GET /api/routes/effective': (call) => {
      const vm = kubernetesVms(state.device).find(
        (v) => v.name === (call.search.get('vm') ?? 'master'),
      );
      return {
        status: 200,
        body: { vm, routes: effectiveRoutes(state.device, state.device.routes, vm?.name) },
      };
    },
  };

  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const call: Call = {
      method,
      path: url.pathname,
      search: url.searchParams,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const key = `${method} ${url.pathname}`;
    const handler = overrides.get(key) ?? defaults[key];
    const reply = handler
      ? await handler(call)
      : { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } };
    const problem = reply.status >= 400;
    return new Response(
      reply.status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body),
      {
        status: reply.status,
        headers: {
          'content-type': problem ? 'application/problem+json' : 'application/json',
          etag: `"${state.revision}"`,
        },
      },
    );
  });

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
