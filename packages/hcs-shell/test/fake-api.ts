/**
 * An in-memory stand-in for the edgenet API, for formatting and parsing unit tests only, built on
 * the contract's fake transport: each endpoint it serves is a typed handler of the endpoint table,
 * and every answer is checked against the table's schema (an answer off the contract fails the
 * test). The real round trip against the real server is `apps/cli/test/roundtrip.test.ts`.
 */
import { externalSwitchName } from '@edgenet/network-config';
import type { AnswerOf, ApiIssue } from '@edgenet/network-config/contract';
import { createContractChecker } from '@edgenet/network-config/contract/check';
import { ContractViolation } from '@edgenet/network-config/contract/client';
import {
  createFakeTransport,
  type FakeTransport,
  fakeProblem,
  type RecordedRequest,
} from '@edgenet/network-config/contract/testing';
import { afterEach } from 'vitest';
import type { ApiClient, ApiResponse, HttpMethod } from '../src/api-client';

type Port = AnswerOf<'listPorts'>['ports'][number];
type Compute = AnswerOf<'getCompute'>;
type Route = AnswerOf<'listRoutes'>['routes'][number];

/** The shell's answer checker in tests (`ShellContext.check`): every answer against the table. */
export const check = createContractChecker();

/**
 * The fakes of the running test. The shell turns a rejected request into an error record, so an
 * answer the fake gives off the contract would only show as a failed line: it fails the test here.
 */
const fakes: FakeApi[] = [];
afterEach(() => {
  const [violation] = fakes.splice(0).flatMap((api) => api.violations);
  if (violation) throw violation;
});

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
  code: ApiIssue['code'],
  severity: ApiIssue['severity'],
  en: string,
  ja: string,
): ApiIssue {
  return { path, code, severity, params: {}, message: { en, ja } };
}

/** A 422 (or 409) refusal carrying issues, as the server words one. */
function refusal<S extends 409 | 422>(status: S, title: string, issues: ApiIssue[]) {
  return { status, body: { type: 'about:blank', title, status, issues } };
}

export class FakeApi implements ApiClient {
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
  /** Answers of this fake the endpoint table refused (each fails the test). */
  readonly violations: ContractViolation[] = [];

  constructor() {
    fakes.push(this);
  }

  private readonly fake: FakeTransport = createFakeTransport({
    listPorts: () => ({ status: 200, body: { ports: this.ports, revision: this.revision } }),
    getDevice: () => ({
      status: 200,
      body: {
        name: 'edgenet-device',
        sku: 'pro-gpu',
        skuName: 'Azure Stack Edge Pro GPU',
        nodeCount: 1,
        softwareVersion: '3.2.2642.2453',
        computeState: this.compute.state,
        revision: this.revision,
        kiosk: false,
      },
    }),
    listVirtualSwitches: () => {
      // The compute port's switch, as the server derives it.
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
      return { status: 200, body: { virtualSwitches, firmware: '2021', revision: this.revision } };
    },
    getCompute: () => ({
      status: 200,
      body: { ...this.compute, revision: this.revision },
      headers: { etag: `"${this.revision}"` },
    }),
    updateCompute: ({ body, headers }) => {
      if (headers['if-match'] !== `"${this.revision}"`) {
        return {
          status: 412,
          body: fakeProblem(412, 'revision.stale', 'The configuration changed meanwhile.'),
        };
      }
      if (this.compute.state === 'Configured') {
        const issues: ApiIssue[] = [];
        for (const field of ['podCidr', 'serviceCidr'] as const) {
          if (body[field] !== this.compute[field]) {
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
        if (issues.length > 0) return refusal(422, 'Invalid configuration', issues);
      }
      const { computeSwitch: _switch, ...settings } = body;
      this.compute = { ...this.compute, ...settings, jobId: 'job-1' };
      this.revision++;
      return {
        status: 202,
        body: {
          compute: { ...this.compute, revision: this.revision },
          job: {
            id: 'job-1',
            kind: 'compute',
            state: 'running',
            progress: 0,
            steps: [],
            error: null,
            startedAt: '2025-01-01T00:00:00Z',
            finishedAt: null,
          },
          issues: [],
        },
      };
    },
    listRoutes: ({ query }) => {
      const alias = query.interfaceAlias;
      const routes = this.routes.filter((r) => alias === undefined || r.interfaceAlias === alias);
      return { status: 200, body: { routes, revision: this.revision } };
    },
    addRoute: ({ body }) => this.addRoute(body),
    removeRoute: ({ query }) => {
      const i = this.routes.findIndex(
        (r) =>
          r.interfaceAlias === query.interfaceAlias &&
          r.destinationPrefix === query.destinationPrefix,
      );
      if (i < 0) {
        return { status: 404, body: fakeProblem(404, 'route.notFound', 'No such route.') };
      }
      this.routes.splice(i, 1);
      this.revision++;
      return { status: 204, body: null };
    },
    getKubernetes: () => ({ status: 200, body: this.kubernetes() }),
  });

  /** Every request, in order: method, path (with its query), endpoint, body, headers (lower case). */
  get requests(): RecordedRequest[] {
    return this.fake.requests;
  }

  async request(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    if (this.down) throw new Error('connection refused (http://localhost:8080).');
    try {
      return await this.fake.request(method, path, body, headers);
    } catch (error) {
      if (error instanceof ContractViolation) this.violations.push(error);
      throw error;
    }
  }

  private addRoute(b: {
    interfaceAlias: string;
    destinationPrefix: string;
    nextHop: string;
    routeMetric?: number;
  }) {
    const { destinationPrefix, interfaceAlias, nextHop } = b;
    if (!this.ports.some((p) => p.name === interfaceAlias)) {
      return refusal(422, 'Invalid route', [
        issue(
          'interfaceAlias',
          'route.interfaceUnknown',
          'error',
          `This device has no interface named ${interfaceAlias}.`,
          `このデバイスには ${interfaceAlias} というインターフェイスはありません。`,
        ),
      ]);
    }
    if (destinationPrefix === '192.168.20.5/24') {
      return refusal(422, 'Invalid route', [
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
          `Next hop ${nextHop} is outside Port3's subnet 192.168.20.0/24.`,
          `次ホップ ${nextHop} は Port3 のサブネット 192.168.20.0/24 の外にあります。`,
        ),
      ]);
    }
    if (
      this.routes.some(
        (r) => r.interfaceAlias === interfaceAlias && r.destinationPrefix === destinationPrefix,
      )
    ) {
      return refusal(409, 'Conflict', [
        issue(
          'destinationPrefix',
          'route.duplicate',
          'error',
          `A route to ${destinationPrefix} on ${interfaceAlias} already exists; remove it first to change it.`,
          `${interfaceAlias} の宛先 ${destinationPrefix} へのルートは既に存在します。`,
        ),
      ]);
    }
    const active = interfaceAlias === this.compute.computePort;
    const route: Route = {
      interfaceAlias,
      destinationPrefix,
      nextHop,
      routeMetric: b.routeMetric ?? 256,
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
    const issues = destinationPrefix.startsWith('192.168.20.')
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
    return { status: 201 as const, body: { ...route, issues, revision: this.revision } };
  }

  private kubernetes(): AnswerOf<'getKubernetes'> {
    const configured = this.compute.state === 'Configured';
    return {
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
  }
}
