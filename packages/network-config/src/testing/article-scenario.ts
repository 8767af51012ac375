/**
 * The source article's set-up, once for every test suite (`@edgenet/network-config/testing`):
 * Port3 static on 192.168.20.0/24, compute (Kubernetes) on Port3 with its node and service IP
 * ranges, and the cmdlet lines of SPEC §1.3. The server's API tests, the CLI, hcs-shell, the web's
 * tests and the browser suite start from these values, so a change to the scenario is made here.
 *
 * Test support only: imported by tests, fakes and the demo, never by production code. Types only
 * from the contract (no TypeBox at run time), so the web's tests may import it too.
 */
import type { ComputeSettingsBody, PortSettingsBody, RouteCreateBody } from '../contract/index';
import type { ComputeState, DeviceConfig } from '../model';

// The core compiles without DOM or Node types; every runtime it runs on (Node, jsdom) has this.
declare function setTimeout(callback: () => void, ms: number): unknown;

/** The device's six ports, in the order every listing shows them. */
export const PORT_NAMES = ['Port1', 'Port2', 'Port3', 'Port4', 'Port5', 'Port6'] as const;

/** Port3 static on 192.168.20.10/24, gateway 192.168.20.1 (the body of `PUT /api/ports/Port3`). */
export const ARTICLE_PORT3: PortSettingsBody = {
  ipEnabled: true,
  dhcp: false,
  address: '192.168.20.10',
  subnetMask: '255.255.255.0',
  gateway: '192.168.20.1',
  dns: [],
  mtu: 1500,
};

/** A port on DHCP, MTU 1500 (the body of `PUT /api/ports/:name` that hands a port to the lease). */
export const DHCP_PORT: PortSettingsBody = {
  ipEnabled: true,
  dhcp: true,
  address: null,
  subnetMask: null,
  gateway: null,
  dns: [],
  mtu: 1500,
};

/** Port4 static on 192.168.40.10/24, the port the virtual switch scenarios use (SPEC §8). */
export const PORT4_STATIC: PortSettingsBody = {
  ipEnabled: true,
  dhcp: false,
  address: '192.168.40.10',
  subnetMask: '255.255.255.0',
  gateway: '192.168.40.1',
  dns: [],
  mtu: 1500,
};

/** Compute on Port3 (the body of `PUT /api/compute`): two node IPs, six service IPs. */
export const ARTICLE_COMPUTE: ComputeSettingsBody = {
  computePort: 'Port3',
  nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
  serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
  podCidr: '172.27.0.0/16',
  serviceCidr: '172.28.0.0/16',
};

/** The routes of SPEC §1.3 (the bodies of `POST /api/routes`), in the cmdlets' order. */
export const ARTICLE_ROUTES: [Required<RouteCreateBody>, Required<RouteCreateBody>] = [
  {
    interfaceAlias: 'Port3',
    destinationPrefix: '192.168.20.0/24',
    nextHop: '192.168.20.1',
    routeMetric: 100,
  },
  {
    interfaceAlias: 'Port3',
    destinationPrefix: '192.168.21.0/24',
    nextHop: '192.168.20.1',
    routeMetric: 100,
  },
];

/** The cmdlet lines of SPEC §1.3, word for word (the shell's and the CLI's scenario). */
export const ARTICLE_CMDLETS = {
  /** The documented example: a route to Port3's own subnet (the device warns it is connected). */
  addConnectedRoute:
    'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
  /** The same cmdlet for the second subnet, the one `removeRoute` removes. */
  addRoute:
    'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
  getRoutes: 'Get-HcsNetRoute -InterfaceAlias Port3',
  removeRoute: 'Remove-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.21.0/24"',
} as const;

/**
 * The set-up written straight into a device document (a seeded store, the Linux driver's wanted
 * state): Port3 and the compute ranges as above, compute in `state`; everything else as `device`.
 */
export function withArticleScenario(
  device: DeviceConfig,
  state: ComputeState = 'Configured',
): DeviceConfig {
  return {
    ...device,
    ports: device.ports.map((p) => (p.name === 'Port3' ? { ...p, ...ARTICLE_PORT3 } : p)),
    compute: { ...device.compute, ...ARTICLE_COMPUTE, state },
  };
}

/** An answer as the helpers below need it: any client (inject, fetch, Playwright) fits. */
export interface ScenarioAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the helper reads a few known fields of the answers
  body: any;
}

/**
 * One request with its If-Match revision: the shape of the CLI's and the server tests' clients.
 * The client signs in and sends Origin as its server needs.
 */
export type ScenarioSend = (
  method: 'GET' | 'PUT',
  path: string,
  body?: unknown,
  ifMatch?: number,
) => Promise<ScenarioAnswer>;

export interface ApplyArticleOptions {
  /** The compute settings (default `ARTICLE_COMPUTE`). */
  compute?: ComputeSettingsBody;
  /** How long to wait for the compute job (default 30 s) and how often to ask (default 10 ms). */
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Applies the set-up through the HTTP API: `PUT /api/ports/Port3`, then `PUT /api/compute` and
 * waits until its job succeeds. Returns the configuration's revision then. Throws, naming the
 * request and its answer, when any step answers otherwise (a failed set-up fails the test).
 */
export async function applyArticleScenario(
  send: ScenarioSend,
  options: ApplyArticleOptions = {},
): Promise<number> {
  const { compute = ARTICLE_COMPUTE, timeoutMs = 30_000, pollMs = 10 } = options;
  const expect = (what: string, res: ScenarioAnswer, status: number) => {
    if (res.status !== status) {
      throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  };
  const config = await send('GET', '/api/config');
  expect('GET /api/config', config, 200);
  const port = await send('PUT', '/api/ports/Port3', ARTICLE_PORT3, config.body.revision);
  expect('PUT /api/ports/Port3', port, 200);
  const put = await send('PUT', '/api/compute', compute, port.body.revision);
  expect('PUT /api/compute', put, 202);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await send('GET', `/api/jobs/${put.body.job.id}`);
    expect('GET /api/jobs/:id', job, 200);
    if (job.body.state === 'succeeded') break;
    if (job.body.state !== 'running' || Date.now() > until) {
      throw new Error(`the compute job did not succeed: ${JSON.stringify(job.body)}`);
    }
    await new Promise<void>((r) => setTimeout(r, pollMs));
  }
  const after = await send('GET', '/api/config');
  expect('GET /api/config', after, 200);
  return after.body.revision;
}

/** The documented fields of `Get-HcsExternalVirtualSwitch`, in the documented order (SPEC §8). */
export const VIRTUAL_SWITCH_FIELDS = [
  'Name',
  'InterfaceAlias',
  'EnableIov',
  'MacAddressPools',
  'IPAddressPools',
  'ConfigurationSource',
  'EnabledForCompute',
  'SupportsAcceleratedNetworking',
  'DbeDhcpHostVnicName',
  'Type',
  'VirtualNetworks',
] as const;
