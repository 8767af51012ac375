/**
 * A simulated Azure Stack Edge device that behaves like the documented one (SPEC §1).
 *
 * Cabling (ours): Port1 (management), Port2 and Port3 have a cable; the others have none. Port2's
 * network runs a DHCP server (10.0.0.0/24, gateway and DNS 10.0.0.1, lease 10.0.0.23), so a DHCP
 * Port2 is configured; Port3's network (the article's 192.168.20.0/24) has no DHCP server, so a
 * DHCP Port3 has a link but no lease until it is given a static configuration. Ports without a
 * cable have neither.
 *
 * Jobs: each step sleeps its share of `applyMs` (0: instant), reporting progress; `failStep`
 * makes the named step fail half-way, for tests and demos.
 */
import {
  CONTAINER_REGISTRY_PORT,
  type DeviceConfig,
  type DhcpLease,
  externalSwitchName,
  type FirmwareGeneration,
  formatIPv4,
  KUBERNETES_API_PORT,
  KUBERNETES_DASHBOARD_PORT,
  kubernetesVms,
  listServices,
  type PortLink,
  parsePrefix,
  reservedServiceAddresses,
  SKUS,
} from '@edgenet/network-config';
import type { Kubernetes } from '@edgenet/network-config/contract';
import { type MessageParams, type ServerTextKey, serverText } from '../messages';
import {
  type DeviceDriver,
  DeviceStepError,
  type JobKind,
  type RunningJobView,
  type StepPlan,
  type StepProgress,
} from './driver';
import { sleep } from './sleep';

type JobStep<T> = T extends `job.${infer K}` ? K : never;
type StepKey = JobStep<ServerTextKey>;

/** One step of a compute job; its label comes from the server's texts (messages.ts). */
function planStep(key: StepKey, params: MessageParams = {}, name: string = key): StepPlan {
  return { name, label: serverText(`job.${key}`, params) };
}

export interface SimulatedDeviceOptions {
  /** Total duration of an apply (and of a disable); 0 = instant. */
  applyMs: number;
  /** The step (by name, e.g. `installMetallb`) that fails; null = none. */
  failStep: string | null;
  /** The firmware generation whose software version the device reports (default 2021). */
  firmware?: FirmwareGeneration;
}

/**
 * The version each firmware generation reports (ours: version numbers of the device's 2021 and
 * 2023 releases in form, marked as simulated).
 */
export const SIMULATED_SOFTWARE_VERSIONS: Record<FirmwareGeneration, string> = {
  '2021': '2.2.1636.3457 (simulated, 2021)',
  '2023': '2.2.2257.1193 (simulated, 2023)',
};

const CABLED = new Set(['Port1', 'Port2', 'Port3']);
const LEASES: Record<string, DhcpLease> = {
  Port2: {
    address: '10.0.0.23',
    subnetMask: '255.255.255.0',
    gateway: '10.0.0.1',
    dns: ['10.0.0.1'],
  },
};

/** Progress is reported this often within a step. */
const TICK_MS = 100;

function workerCount(device: DeviceConfig): number {
  return device.nodeCount;
}

/** A short stable suffix, like the random ones Kubernetes gives pods (FNV-1a, base 36). */
function suffix(seed: string, length = 5): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(length, '0').slice(-length);
}

export class SimulatedDevice implements DeviceDriver {
  readonly kind = 'simulated';
  get softwareVersion(): string {
    return SIMULATED_SOFTWARE_VERSIONS[this.options.firmware ?? '2021'];
  }

  /** When the cluster last came up; a server restart counts as the device's restart (ours). */
  private configuredAt = new Date().toISOString();

  /** Mutable on purpose: tests and demos may make a later apply fail or succeed. */
  constructor(readonly options: SimulatedDeviceOptions) {}

  clusterCreatedAt(): string {
    return this.configuredAt;
  }

  observe(device: DeviceConfig): DeviceConfig {
    return {
      ...device,
      ports: device.ports.map((port) => {
        const link = this.link(port.name, device);
        const lease = port.dhcp && port.ipEnabled ? this.lease(port.name) : null;
        return {
          ...port,
          link,
          ...(port.dhcp
            ? {
                address: lease?.address ?? null,
                subnetMask: lease?.subnetMask ?? null,
                gateway: lease?.gateway ?? null,
                dns: lease ? [...lease.dns] : [],
              }
            : {}),
        };
      }),
    };
  }

  lease(portName: string): DhcpLease | null {
    const lease = LEASES[portName];
    return lease && CABLED.has(portName) ? { ...lease, dns: [...lease.dns] } : null;
  }

  link(portName: string, device: DeviceConfig): PortLink {
    const spec = SKUS[device.sku].ports.find((p) => p.name === portName);
    const connected = CABLED.has(portName) && spec !== undefined;
    return { connected, speedGbps: connected ? (spec?.speedGbps[0] ?? null) : null };
  }

  plan(kind: JobKind, device: DeviceConfig): StepPlan[] {
    const workers = Array.from({ length: workerCount(device) }, (_, i) => i + 1);
    if (kind === 'compute.apply') {
      const vswitch = externalSwitchName(device.compute.computePort ?? '');
      return [
        planStep('createExternalSwitch', { name: vswitch }),
        planStep('createMasterVm'),
        ...workers.map((n) => planStep('createWorkerVm', { n }, `createWorkerVm${n}`)),
        planStep('installCalico'),
        planStep('installMetallb'),
        planStep('installCoreDns'),
      ];
    }
    return [
      planStep('removeComponents'),
      ...workers.reverse().map((n) => planStep('removeWorkerVm', { n }, `removeWorkerVm${n}`)),
      planStep('removeMasterVm'),
      planStep('removeExternalSwitch'),
    ];
  }

  async runStep(
    kind: JobKind,
    step: StepPlan,
    device: DeviceConfig,
    progress: StepProgress,
    signal: AbortSignal,
  ): Promise<void> {
    const duration = this.options.applyMs / Math.max(1, this.plan(kind, device).length);
    const fails = this.options.failStep === step.name;
    const until = fails ? duration / 2 : duration;
    const started = Date.now();
    while (Date.now() - started < until) {
      await sleep(Math.min(TICK_MS, until - (Date.now() - started)), signal);
      progress(Math.min(1, (Date.now() - started) / Math.max(1, duration)));
    }
    if (signal.aborted) throw signal.reason;
    if (kind === 'compute.apply' && step.name === 'createMasterVm') {
      this.configuredAt = new Date().toISOString();
    }
    if (fails) {
      throw new DeviceStepError(
        `${step.label.en} failed (simulated failure: EDGENET_FAIL_STEP=${step.name}).`,
      );
    }
    progress(1);
  }

  updateServiceIpRange(_device: DeviceConfig): void {
    // MetalLB picks the new address pool up at once (doc); nothing else to simulate.
  }

  kubernetes(device: DeviceConfig, running?: RunningJobView | null): Kubernetes {
    const { compute } = device;
    const reserved = reservedServiceAddresses(compute.serviceCidr);
    const view: Kubernetes = {
      state: compute.state,
      podCidr: compute.podCidr,
      serviceCidr: compute.serviceCidr,
      nodes: [],
      components: [],
      services: [],
      endpoints: [],
      reserved: reserved
        ? [
            { address: reserved.kubernetes, use: 'kubernetes' },
            { address: reserved.kubeDns, use: 'kube-dns' },
          ]
        : [],
    };
    let built: ReadonlySet<string>;
    if (compute.state === 'Configured') {
      built = new Set(this.plan('compute.apply', device).map((s) => s.name));
    } else if (compute.state === 'Configuring' && running?.kind === 'compute.apply') {
      built = running.completed;
    } else {
      return view;
    }

    const vms = kubernetesVms(device).filter((vm) =>
      built.has(vm.role === 'master' ? 'createMasterVm' : `createWorkerVm${vm.name.slice(6)}`),
    );
    const master = vms.find((vm) => vm.role === 'master');
    if (!master?.externalIp) return view;
    const networkReady = built.has('installCalico');
    view.nodes = vms.map((vm) => ({
      name: vm.name,
      role: vm.role,
      ip: vm.externalIp ?? '',
      internalIp: vm.internalIp,
      status: networkReady ? 'Ready' : 'NotReady',
    }));
    view.endpoints = [
      { name: 'kubernetes-api', url: `https://${master.externalIp}:${KUBERNETES_API_PORT}` },
      {
        name: 'kubernetes-dashboard',
        url: `https://${master.externalIp}:${KUBERNETES_DASHBOARD_PORT}`,
      },
      {
        name: 'container-registry',
        url: `https://${master.externalIp}:${CONTAINER_REGISTRY_PORT}`,
      },
    ];
    if (reserved) {
      view.services.push({
        name: 'kubernetes',
        namespace: 'default',
        type: 'ClusterIP',
        clusterIp: reserved.kubernetes,
        externalIp: null,
        ports: '443/TCP',
      });
    }

    // Pods on the pod network take addresses from a /26 block per node, as Calico's IPAM does.
    const podBase = Number(parsePrefix(compute.podCidr, { allowBareAddress: false }).network);
    const used = new Map<string, number>();
    const podIp = (node: string) => {
      const index = Math.max(
        0,
        vms.findIndex((vm) => vm.name === node),
      );
      const n = (used.get(node) ?? 0) + 1;
      used.set(node, n);
      return formatIPv4(podBase + index * 64 + n);
    };
    const workers = vms.filter((vm) => vm.role === 'worker');
    const workerAt = (i: number) => (workers[i % Math.max(1, workers.length)] ?? master).name;
    const nodeIp = (name: string) => vms.find((vm) => vm.name === name)?.externalIp ?? '';
    const pod = (name: string, node: string, hostNetwork: boolean) => ({
      name,
      node,
      status: 'Running',
      ready: '1/1',
      ip: hostNetwork ? nodeIp(node) : podIp(node),
      restarts: 0,
      createdAt: this.configuredAt,
    });
    const seed = (text: string) => suffix(`${device.name}/${text}`);
    // A ReplicaSet's pods share a 10-character template hash, as Deployments name them.
    const replicaSet = (name: string) =>
      `${name}-${suffix(`${device.name}/${name}/rs`)}${suffix(`${device.name}/${name}/rs2`)}`;

    if (networkReady) {
      view.components.push(
        {
          name: 'calico-node',
          namespace: 'kube-system',
          pods: vms.map((vm) =>
            pod(`calico-node-${seed(`calico-node/${vm.name}`)}`, vm.name, true),
          ),
        },
        {
          name: 'calico-kube-controllers',
          namespace: 'kube-system',
          pods: [
            pod(
              `${replicaSet('calico-kube-controllers')}-${seed('calico-kube-controllers')}`,
              workerAt(0),
              false,
            ),
          ],
        },
      );
    }
    if (built.has('installMetallb')) {
      view.components.push(
        {
          name: 'controller',
          namespace: 'metallb-system',
          pods: [pod(`${replicaSet('controller')}-${seed('controller')}`, workerAt(0), false)],
        },
        {
          name: 'speaker',
          namespace: 'metallb-system',
          pods: vms.map((vm) => pod(`speaker-${seed(`speaker/${vm.name}`)}`, vm.name, true)),
        },
      );
    }
    if (built.has('installCoreDns')) {
      view.components.push({
        name: 'coredns',
        namespace: 'kube-system',
        pods: [0, 1].map((i) =>
          pod(`${replicaSet('coredns')}-${seed(`coredns/${i}`)}`, workerAt(i), false),
        ),
      });
      if (reserved) {
        view.services.push({
          name: 'kube-dns',
          namespace: 'kube-system',
          type: 'ClusterIP',
          clusterIp: reserved.kubeDns,
          externalIp: null,
          ports: '53/UDP,53/TCP,9153/TCP',
        });
      }
    }
    if (compute.state === 'Configured') {
      // The services of SPEC §9 (edgehub and the admins'), after the cluster's own two.
      for (const svc of listServices(device, this.configuredAt)) {
        if (view.services.some((v) => v.name === svc.name && v.namespace === svc.namespace)) {
          continue;
        }
        view.services.push({
          name: svc.name,
          namespace: svc.namespace,
          type: svc.type,
          clusterIp: svc.clusterIP,
          externalIp: svc.externalIP,
          ports: svc.portsText,
          createdAt: svc.createdAt,
          pending: svc.pending,
          selector: Object.entries(svc.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
        });
      }
      for (const v of view.services) v.createdAt ??= this.configuredAt;
    }
    return view;
  }
}
