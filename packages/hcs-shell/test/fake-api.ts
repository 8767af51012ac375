/**
 * An in-memory stand-in for the edgenet API, for formatting and parsing unit tests only. It
 * answers in the contract's shapes with a handful of canned rules; the real round trip against
 * the real server is an end-to-end test (added by the lead), not this.
 */
import { externalSwitchName } from '@edgenet/network-config';
import type {
  ApiIssue,
  Compute,
  Device,
  Kubernetes,
  Port,
  Route,
} from '@edgenet/network-config/contract';
import type { ApiClient, ApiResponse, HttpMethod } from '../src/api-client';

export interface RecordedRequest {
  method: HttpMethod;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

function port(name: string, address: string | null, dhcp: boolean, compute = false): Port {
  return {
    name,
    speedGbps: name === 'Port1' || name === 'Port2' ? [1] : [25, 10],
    ipEnabled: true,
    dhcp,
    address,
    subnetMask: address ? '255.255.255.0' : null,
    gateway: null,
    dns: [],
    mtu: 1500,
    mtuConfigurable: true,
    link: { connected: address !== null, speedGbps: address ? (name === 'Port1' ? 1 : 25) : null },
    compute,
  };
}

function issue(
  path: string,
  code: string,
  severity: 'error' | 'warning',
  en: string,
  ja: string,
): ApiIssue {
  return { path, code: code as ApiIssue['code'], severity, params: {}, message: { en, ja } };
}

function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type: 'about:blank', title, status, ...extra };
}

export class FakeApi implements ApiClient {
  readonly requests: RecordedRequest[] = [];
  revision = 7;
  ports: Port[] = [
    port('Port1', '192.168.100.10', false),
    port('Port2', null, true),
    port('Port3', '192.168.20.10', false, true),
    port('Port4', null, true),
  ];
  compute: Omit<Compute, 'revision'> = {
    computePort: 'Port3',
    nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
    serviceIpRange: { start: '192.168.20.60', end: '192.168.20.69' },
    podCidr: '172.27.0.0/16',
    serviceCidr: '172.28.0.0/16',
    state: 'NotConfigured',
    error: null,
    jobId: null,
  };
  routes: Route[] = [];
  /** Make every request reject, as a client does when the server is down. */
  down = false;

  async request(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    this.requests.push({ method, path, body, headers });
    if (this.down) throw new Error('connection refused (http://localhost:8080).');
    // No URL class here: the package compiles without DOM or Node types.
    const [pathname = '', search = ''] = path.split('?');
    const query = new Map(
      search
        .split('&')
        .filter(Boolean)
        .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
    );
    const q = { get: (name: string) => query.get(name) ?? null };
    const json = (status: number, value: unknown, extra: Record<string, string> = {}) => ({
      status,
      headers: { 'content-type': 'application/json', ...extra },
      body: value,
    });
    const key = `${method} ${pathname}`;
    switch (key) {
      case 'GET /api/ports':
        return json(200, { ports: this.ports, revision: this.revision });
      case 'GET /api/device': {
        const device: Device = {
          name: 'edgenet-device',
          // The contract's SkuId union is typed too narrowly for a literal (reported to the lead).
          sku: 'pro-gpu' as Device['sku'],
          skuName: 'Azure Stack Edge Pro GPU',
          nodeCount: 1,
          softwareVersion: '3.2.2642.2453',
          computeState: this.compute.state,
          revision: this.revision,
        };
        return json(200, device);
      }
      case 'GET /api/virtual-switches': {
        // The compute port's switch, as the server derives it (vswitch-<port>).
        const port = this.compute.computePort;
        const virtualSwitches = port
          ? [
              {
                name: externalSwitchName(port),
                interfaceAlias: port,
                mtu: 1500,
                mtuConfigurable: true,
                supportsAcceleratedNetworking: false,
                enabledForCompute: true,
                virtualNetworks: [],
              },
            ]
          : [];
        return json(200, { virtualSwitches, firmware: '2021', revision: this.revision });
      }
      case 'GET /api/compute':
        return json(
          200,
          { ...this.compute, revision: this.revision },
          { etag: `"${this.revision}"` },
        );
      case 'PUT /api/compute': {
        if (headers['If-Match'] !== `"${this.revision}"`) {
          return json(412, problem(412, 'Precondition Failed', { code: 'revision.stale' }));
        }
        const doc = body as Compute;
        if (this.compute.state === 'Configured') {
          const issues: ApiIssue[] = [];
          for (const field of ['podCidr', 'serviceCidr'] as const) {
            if (doc[field] !== this.compute[field]) {
              issues.push(
                issue(
                  field,
                  'compute.locked',
                  'error',
                  `${field} cannot change while compute is Configured; disable compute first.`,
                  `コンピューティングが Configured の間は ${field} を変更できません。`,
                ),
              );
            }
          }
          if (issues.length > 0)
            return json(422, problem(422, 'Invalid configuration', { issues }));
        }
        this.compute = { ...this.compute, ...doc };
        this.revision++;
        return json(202, {
          id: 'job-1',
          kind: 'compute',
          state: 'running',
          progress: 0,
          steps: [],
          error: null,
          startedAt: '2025-01-01T00:00:00Z',
          finishedAt: null,
        });
      }
      case 'GET /api/routes': {
        const alias = q.get('interfaceAlias');
        const routes = this.routes.filter((r) => alias === null || r.interfaceAlias === alias);
        return json(200, { routes, revision: this.revision });
      }
      case 'POST /api/routes': {
        const b = body as Record<string, unknown>;
        const destinationPrefix = String(b.destinationPrefix);
        const interfaceAlias = String(b.interfaceAlias);
        if (!this.ports.some((p) => p.name === interfaceAlias)) {
          return json(
            422,
            problem(422, 'Invalid route', {
              issues: [
                issue(
                  'interfaceAlias',
                  'route.interfaceUnknown',
                  'error',
                  `This device has no interface named ${interfaceAlias}.`,
                  `このデバイスには ${interfaceAlias} というインターフェイスはありません。`,
                ),
              ],
            }),
          );
        }
        if (destinationPrefix === '192.168.20.5/24') {
          return json(
            422,
            problem(422, 'Invalid route', {
              issues: [
                issue(
                  'destinationPrefix',
                  'prefix.hostBits',
                  'error',
                  '192.168.20.5/24 has host bits set. Did you mean 192.168.20.0/24?',
                  '192.168.20.5/24 にはホスト部のビットが含まれています。192.168.20.0/24 のことですか?',
                ),
                issue(
                  'nextHop',
                  'route.nextHopOutsideSubnet',
                  'error',
                  `Next hop ${String(b.nextHop)} is outside Port3's subnet 192.168.20.0/24.`,
                  `次ホップ ${String(b.nextHop)} は Port3 のサブネット 192.168.20.0/24 の外にあります。`,
                ),
              ],
            }),
          );
        }
        if (
          this.routes.some(
            (r) => r.interfaceAlias === interfaceAlias && r.destinationPrefix === destinationPrefix,
          )
        ) {
          return json(
            409,
            problem(409, 'Conflict', {
              code: 'route.duplicate',
              issues: [
                issue(
                  'destinationPrefix',
                  'route.duplicate',
                  'error',
                  `A route to ${destinationPrefix} on ${interfaceAlias} already exists; remove it first to change it.`,
                  `${interfaceAlias} の宛先 ${destinationPrefix} へのルートは既に存在します。`,
                ),
              ],
            }),
          );
        }
        const active = interfaceAlias === this.compute.computePort;
        const route: Route = {
          interfaceAlias,
          destinationPrefix,
          nextHop: String(b.nextHop),
          routeMetric: typeof b.routeMetric === 'number' ? b.routeMetric : 256,
          status: active
            ? { active: true, reason: null }
            : {
                active: false,
                reason: {
                  code: 'route.notComputePort',
                  params: {},
                  message: {
                    en: `${interfaceAlias} is not the compute port (Port3).`,
                    ja: `${interfaceAlias} はコンピューティング ポート (Port3) ではありません。`,
                  },
                },
              },
        };
        this.routes.push(route);
        this.revision++;
        const warnings = destinationPrefix.startsWith('192.168.20.')
          ? [
              issue(
                'destinationPrefix',
                'route.destinationConnected',
                'warning',
                `Destination ${destinationPrefix} is inside Port3's own subnet 192.168.20.0/24; the route is redundant.`,
                `宛先 ${destinationPrefix} は Port3 のサブネット内にあります。`,
              ),
            ]
          : [];
        return json(201, warnings.length > 0 ? { ...route, issues: warnings } : route);
      }
      case 'DELETE /api/routes': {
        const i = this.routes.findIndex(
          (r) =>
            r.interfaceAlias === q.get('interfaceAlias') &&
            r.destinationPrefix === q.get('destinationPrefix'),
        );
        if (i < 0) return json(404, problem(404, 'Not Found', { code: 'route.notFound' }));
        this.routes.splice(i, 1);
        this.revision++;
        return { status: 204, headers: {}, body: null };
      }
      case 'GET /api/kubernetes': {
        const configured = this.compute.state === 'Configured';
        const k8s: Kubernetes = {
          state: this.compute.state,
          podCidr: this.compute.podCidr,
          serviceCidr: this.compute.serviceCidr,
          nodes: configured
            ? [
                {
                  name: 'k8s-master',
                  role: 'master',
                  ip: '192.168.20.50',
                  internalIp: '172.16.0.2',
                  status: 'Ready',
                },
                {
                  name: 'k8s-worker-1',
                  role: 'worker',
                  ip: '192.168.20.51',
                  internalIp: '172.16.0.3',
                  status: 'Ready',
                },
              ]
            : [],
          components: configured
            ? [
                {
                  name: 'coredns',
                  namespace: 'kube-system',
                  pods: [
                    {
                      name: 'coredns-5d78c9869d-abcde',
                      node: 'k8s-worker-1',
                      status: 'Running',
                      ready: '1/1',
                      ip: '172.27.1.2',
                      restarts: 0,
                      createdAt: '2026-12-01T09:00:00Z',
                    },
                    {
                      name: 'coredns-5d78c9869d-fghij',
                      node: 'k8s-worker-1',
                      status: 'Running',
                      ready: '1/1',
                      ip: '172.27.1.3',
                      restarts: 2,
                      createdAt: '2026-11-28T10:00:00Z',
                    },
                  ],
                },
                {
                  name: 'speaker',
                  namespace: 'metallb-system',
                  pods: [
                    {
                      name: 'speaker-x7k2p',
                      node: 'k8s-master',
                      status: 'Running',
                      ready: '1/1',
                      ip: '192.168.20.50',
                    },
                  ],
                },
              ]
            : [],
          services: configured
            ? [
                {
                  name: 'kubernetes',
                  namespace: 'default',
                  type: 'ClusterIP',
                  clusterIp: '172.28.0.1',
                  externalIp: null,
                  ports: '443/TCP',
                  createdAt: '2026-11-28T10:00:00Z',
                },
                {
                  name: 'kube-dns',
                  namespace: 'kube-system',
                  type: 'ClusterIP',
                  clusterIp: '172.28.0.10',
                  externalIp: null,
                  ports: '53/UDP,53/TCP',
                  createdAt: '2026-11-28T10:00:00Z',
                },
                {
                  name: 'web',
                  namespace: 'default',
                  type: 'LoadBalancer',
                  clusterIp: '172.28.14.3',
                  externalIp: '192.168.20.60',
                  ports: '80:31080/TCP',
                  createdAt: '2026-12-01T09:55:30Z',
                  selector: 'app=web',
                },
                {
                  name: 'queue',
                  namespace: 'default',
                  type: 'LoadBalancer',
                  clusterIp: '172.28.14.4',
                  externalIp: null,
                  pending: true,
                  ports: '5672:30001/TCP',
                  createdAt: '2026-12-01T09:59:00Z',
                },
              ]
            : [],
          endpoints: [],
          reserved: [],
        };
        return json(200, k8s);
      }
      default:
        return json(404, problem(404, 'Not Found'));
    }
  }
}
