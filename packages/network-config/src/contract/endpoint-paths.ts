/**
 * The endpoint table's light layer: the method and path of every endpoint of the HTTP API, by
 * name, with no schema code (no TypeBox, not even indirectly) so that light clients — the web app
 * within its 110 kB budget, the CLI — can use it at run time. The schemas of each endpoint (params,
 * query, body, the answer of every status) are the TypeBox layer, `endpoints.ts`, whose keys are
 * checked equal to these at compile time. ADR 0034.
 *
 * Names are a verb and a noun (`listPorts`, `updatePort`). A path's `:name` segments are filled by
 * `pathOf`, each value URI-encoded.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface EndpointPath {
  readonly method: HttpMethod;
  readonly path: `/api/${string}`;
  /** The 2xx answer is not JSON but text (a file, a page): clients read it as text. */
  readonly text?: true;
}

export const ENDPOINT_PATHS = {
  // Health, public settings, session and password (routes/session.ts).
  getHealth: { method: 'GET', path: '/api/health' },
  getSettings: { method: 'GET', path: '/api/settings' },
  signIn: { method: 'POST', path: '/api/session' },
  getSession: { method: 'GET', path: '/api/session' },
  signOut: { method: 'DELETE', path: '/api/session' },
  changePassword: { method: 'POST', path: '/api/password' },
  // The device and the whole configuration document (routes/device.ts).
  getDevice: { method: 'GET', path: '/api/device' },
  getConfig: { method: 'GET', path: '/api/config' },
  // Ports (routes/ports.ts).
  listPorts: { method: 'GET', path: '/api/ports' },
  updatePort: { method: 'PUT', path: '/api/ports/:name' },
  // Compute and its jobs (routes/compute.ts).
  getCompute: { method: 'GET', path: '/api/compute' },
  updateCompute: { method: 'PUT', path: '/api/compute' },
  getJob: { method: 'GET', path: '/api/jobs/:id' },
  // Custom routes, the effective table, lookup (routes/routes.ts) and bulk changes (exchange.ts).
  listRoutes: { method: 'GET', path: '/api/routes' },
  addRoute: { method: 'POST', path: '/api/routes' },
  removeRoute: { method: 'DELETE', path: '/api/routes' },
  getEffectiveRoutes: { method: 'GET', path: '/api/routes/effective' },
  lookupRoute: { method: 'POST', path: '/api/routes/lookup' },
  changeRoutes: { method: 'POST', path: '/api/routes/batch' },
  // Kubernetes (routes/kubernetes.ts, routes/services.ts).
  getKubernetes: { method: 'GET', path: '/api/kubernetes' },
  listServices: { method: 'GET', path: '/api/kubernetes/services' },
  createService: { method: 'POST', path: '/api/kubernetes/services' },
  deleteService: { method: 'DELETE', path: '/api/kubernetes/services/:namespace/:name' },
  applyManifest: { method: 'POST', path: '/api/kubernetes/manifests' },
  // Dry runs and the console (routes/validate.ts, routes/console.ts).
  validateDocument: { method: 'POST', path: '/api/validate' },
  runConsoleLine: { method: 'POST', path: '/api/console' },
  // The change lifecycle (routes/revisions.ts).
  listRevisions: { method: 'GET', path: '/api/revisions' },
  getRevision: { method: 'GET', path: '/api/revisions/:n' },
  diffRevisions: { method: 'GET', path: '/api/revisions/:a/diff/:b' },
  restoreRevision: { method: 'POST', path: '/api/revisions/:n/restore' },
  getPending: { method: 'GET', path: '/api/pending' },
  confirmPending: { method: 'POST', path: '/api/pending/confirm' },
  revertPending: { method: 'POST', path: '/api/pending/revert' },
  // Export and import (routes/exchange.ts).
  exportConfig: { method: 'GET', path: '/api/export', text: true },
  importConfig: { method: 'POST', path: '/api/import' },
  // Virtual switches and virtual networks (routes/virtual-switches.ts).
  listVirtualSwitches: { method: 'GET', path: '/api/virtual-switches' },
  getVirtualSwitch: { method: 'GET', path: '/api/virtual-switches/:name' },
  addVirtualSwitch: { method: 'POST', path: '/api/virtual-switches' },
  updateVirtualSwitch: { method: 'PUT', path: '/api/virtual-switches/:name' },
  removeVirtualSwitch: { method: 'DELETE', path: '/api/virtual-switches/:name' },
  addVirtualNetwork: { method: 'POST', path: '/api/virtual-switches/:name/virtual-networks' },
  updateVirtualNetwork: {
    method: 'PUT',
    path: '/api/virtual-switches/:name/virtual-networks/:vnet',
  },
  removeVirtualNetwork: {
    method: 'DELETE',
    path: '/api/virtual-switches/:name/virtual-networks/:vnet',
  },
  // A real ping from a Kubernetes VM (routes/probe.ts).
  probeAddress: { method: 'POST', path: '/api/probe' },
  // The API's own description (plugins/docs.ts).
  getOpenApi: { method: 'GET', path: '/api/openapi.json' },
  getDocs: { method: 'GET', path: '/api/docs', text: true },
} as const satisfies Record<string, EndpointPath>;

export type EndpointPaths = typeof ENDPOINT_PATHS;
export type EndpointName = keyof EndpointPaths;

/** The `:name` segments of a path, as a union of names. */
export type ParamNamesOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNamesOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values `pathOf` fills into an endpoint's path. */
export type PathParamsOf<K extends EndpointName> = {
  [N in ParamNamesOf<EndpointPaths[K]['path']>]: string | number;
};

/** `pathOf`'s arguments after the name: the params when the path has any, else nothing. */
export type PathArgs<K extends EndpointName> = [ParamNamesOf<EndpointPaths[K]['path']>] extends [
  never,
]
  ? [params?: Record<string, never>]
  : [params: PathParamsOf<K>];

export const ENDPOINT_NAMES = Object.keys(ENDPOINT_PATHS) as EndpointName[];

/**
 * The path of an endpoint with its `:param` segments filled, each value URI-encoded:
 * `pathOf('updatePort', { name: 'Port 3' })` → `/api/ports/Port%203`. Throws on a missing value.
 */
export function pathOf<K extends EndpointName>(name: K, ...[params]: PathArgs<K>): string {
  const values = (params ?? {}) as Record<string, string | number | undefined>;
  return ENDPOINT_PATHS[name].path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, param: string) => {
    const value = values[param];
    if (value === undefined) {
      throw new Error(`pathOf('${name}'): the path parameter "${param}" has no value`);
    }
    return encodeURIComponent(String(value));
  });
}

/**
 * The endpoint a method and path (without its query string) name, with the decoded values of its
 * `:param` segments; null when none does. Fakes and the conformance test route with it.
 */
export function matchEndpoint(
  method: string,
  path: string,
): { name: EndpointName; params: Record<string, string> } | null {
  const segments = path.split('/');
  for (const name of ENDPOINT_NAMES) {
    const entry = ENDPOINT_PATHS[name];
    if (entry.method !== method.toUpperCase()) continue;
    const pattern = entry.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let i = 0; i < pattern.length && matches; i++) {
      const want = pattern[i] ?? '';
      const got = segments[i] ?? '';
      if (want.startsWith(':')) {
        if (got === '') matches = false;
        else params[want.slice(1)] = safeDecode(got);
      } else if (want !== got) {
        matches = false;
      }
    }
    if (matches) return { name, params };
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
