/**
 * The Linux driver (SPEC §10, ADR 0029): the device as network namespaces on this kernel.
 *
 * What the device reports of its ports (cabling, DHCP leases), the job plans and the Kubernetes
 * view are the simulated device's (one cabling for both drivers); what differs is that every step
 * and every change converges the kernel to the stored configuration (topology.ts) with iproute2.
 *
 * - All kernel work runs one at a time (a promise chain), job steps and reconciles alike.
 * - Reconcile: Configured → the whole cluster; NotConfigured and Failed → no cluster (a failed
 *   apply leaves nothing half-built, ours); Configuring → what the running job has built, or, after
 *   a restart, what exists. Port networks, the NAT and the device namespace always exist.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  canonicalPrefix,
  type DeviceConfig,
  type DhcpLease,
  type EffectiveRoute,
  externalSwitchName,
  INTERNAL_SWITCH_GATEWAY,
  kubernetesVms,
  type PortLink,
} from '@edgenet/network-config';
import type {
  KernelLookup,
  Kubernetes,
  LookupAnswerDoc,
  ProbeAnswer,
  ProbeHop,
} from '@edgenet/network-config/contract';
import { serverText } from '../../messages';
import {
  type DeviceDriver,
  DeviceStepError,
  type JobKind,
  type RunningJobView,
  type StepPlan,
  type StepProgress,
} from '../driver';
import { SimulatedDevice } from '../simulated';
import { sleep } from '../sleep';
import {
  inNamespace,
  ip,
  ipBatch,
  ipBatchEach,
  ipBatchHost,
  ipJson,
  KernelError,
  listNamespaces,
  setSysctl,
} from './ip';
import {
  type LinkWant,
  type NamespaceWant,
  NO_CLUSTER,
  prefixOfKernelDst,
  type RouteWant,
  routeArgs,
  routeKey,
  type Stage,
  wantedTopology,
} from './topology';
import {
  BLACKHOLE_NIC,
  effectiveFromKernel,
  foldLoopback,
  type KernelRouteJson,
  nicOfDev,
} from './vm-table';

export const LINUX_SOFTWARE_VERSION = '3.2.2510.1 (Linux namespaces)';

export interface LinuxDeviceOptions {
  dataDir: string;
  /** Pause per job (spread over its steps) after the real work, so progress is visible. */
  applyMs: number;
  /** The step that the kernel is made to refuse (a real failing `ip` command); tests, demos. */
  failStep: string | null;
  /** Remove every namespace when the app closes (tests); a real server keeps its network. */
  cleanOnClose?: boolean;
}

/** `en` + 6 hex of the data directory's path: short, stable, distinct per data directory. */
export function namespacePrefix(dataDir: string): string {
  let path = resolve(dataDir);
  try {
    path = realpathSync(path);
  } catch {
    // Not created yet: the resolved path is as unique.
  }
  return `en${createHash('sha256').update(path).digest('hex').slice(0, 6)}`;
}

interface ActualLink {
  kind: string | null;
  master: string | null;
  addrs: string[];
  up: boolean;
}

interface AddrJson {
  ifname: string;
  master?: string;
  flags?: string[];
  linkinfo?: { info_kind?: string };
  addr_info?: { family: string; local: string; prefixlen: number }[];
}

type RouteJson = KernelRouteJson;

function prefixLength(dst: string): number {
  if (dst === 'default') return 0;
  return dst.includes('/') ? Number(dst.split('/')[1]) : 32;
}

/** The largest TTL the probe's path walk tries (each try waits at most 1 s). */
const MAX_HOPS = 4;

export class LinuxDevice implements DeviceDriver {
  readonly kind = 'linux';
  readonly softwareVersion = LINUX_SOFTWARE_VERSION;
  readonly prefix: string;
  private readonly sim: SimulatedDevice;
  private chain: Promise<unknown> = Promise.resolve();
  /** What the running job has built (null: no job in this process). */
  private jobStage: Stage | null = null;
  /** The latest document reconciled, so a job step builds what is stored now. */
  private latest: DeviceConfig | null = null;
  /** The last background reconcile's failure, for the logs and the effective table. */
  lastError: string | null = null;

  constructor(readonly options: LinuxDeviceOptions) {
    this.prefix = namespacePrefix(options.dataDir);
    this.sim = new SimulatedDevice({ applyMs: 0, failStep: null });
  }

  private ns(label: string): string {
    return `${this.prefix}-${label}`;
  }

  /** Runs kernel work after everything queued before it. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  // ---- what the simulation already answers (one cabling for both drivers) ------------------

  observe(device: DeviceConfig): DeviceConfig {
    return this.sim.observe(device);
  }

  lease(portName: string): DhcpLease | null {
    return this.sim.lease(portName);
  }

  link(portName: string, device: DeviceConfig): PortLink {
    return this.sim.link(portName, device);
  }

  plan(kind: JobKind, device: DeviceConfig): StepPlan[] {
    return this.sim.plan(kind, device);
  }

  kubernetes(device: DeviceConfig, running?: RunningJobView | null): Kubernetes {
    return this.sim.kubernetes(device, running);
  }

  updateServiceIpRange(device: DeviceConfig): void {
    void this.reconcile(device).catch(() => undefined);
  }

  // ---- convergence ---------------------------------------------------------------------------

  private cabled = (device: DeviceConfig) => (port: string) =>
    this.sim.link(port, device).connected;

  private fullStage(device: DeviceConfig): Stage {
    return {
      externalSwitch: device.compute.computePort !== null,
      vms: kubernetesVms(device).map((vm) => vm.name),
    };
  }

  /** What stands now: the external switch bridge and the VM namespaces. */
  private async actualStage(device: DeviceConfig): Promise<Stage> {
    const names = new Set(await this.myNamespaces());
    const vms = kubernetesVms(device)
      .map((vm) => vm.name)
      .filter((name) => names.has(this.ns(name)));
    let externalSwitch = false;
    if (device.compute.computePort && names.has(this.ns('dev'))) {
      const links = await ipJson<AddrJson>(this.ns('dev'), 'link', 'show');
      const bridge = externalSwitchName(device.compute.computePort);
      externalSwitch = links.some((l) => l.ifname === bridge);
    }
    return { externalSwitch, vms };
  }

  private async stageFor(device: DeviceConfig): Promise<Stage> {
    if (device.compute.state === 'Configuring') {
      return this.jobStage ?? (await this.actualStage(device));
    }
    this.jobStage = null;
    return device.compute.state === 'Configured' ? this.fullStage(device) : NO_CLUSTER;
  }

  /**
   * Deletes a namespace's links first, then the namespace. The kernel tears a deleted namespace
   * down later (a work queue), so its veth peers in the device namespace would linger for a while
   * and the next convergence would trip over them; deleting a link takes its peer at once. A link
   * already gone (the peer of one deleted before it) is no error.
   */
  private async deleteNamespace(name: string): Promise<void> {
    const links = await ipJson<AddrJson>(name, 'link', 'show');
    const lines = links.filter((l) => l.ifname !== 'lo').map((l) => `link del ${l.ifname}`);
    const results = await ipBatchEach(name, lines, { json: false });
    const refused = results.find((r) => !r.ok && !/Cannot find device/.test(r.error));
    if (refused && !refused.ok) throw new KernelError(`ip -n ${name} link del`, refused.error);
    await ip(null, 'netns', 'del', name);
  }

  async myNamespaces(): Promise<string[]> {
    return (await listNamespaces()).filter((n) => n.startsWith(`${this.prefix}-`));
  }

  /** Brings the kernel to the stored configuration. Rejects with the kernel's words. */
  reconcile(device: DeviceConfig): Promise<void> {
    return this.exclusive(async () => {
      this.latest = device;
      await this.converge(device, await this.stageFor(device));
    });
  }

  /** Start-up: the first reconcile (a crash mid-apply left a stage the store no longer wants). */
  start(device: DeviceConfig): Promise<void> {
    return this.reconcile(device);
  }

  private async converge(stored: DeviceConfig, stage: Stage): Promise<void> {
    const device = this.observe(stored);
    const wanted = wantedTopology(this.prefix, device, stage, this.cabled(device));
    const wantedNames = new Set(wanted.map((w) => w.name));
    const existing = new Set(await this.myNamespaces());
    const created = new Set<string>();
    for (const name of existing) {
      if (!wantedNames.has(name)) await this.deleteNamespace(name);
    }
    // New namespaces in one batch (`netns add` changes nothing of the host's network).
    const missing = wanted.filter((w) => !existing.has(w.name));
    if (missing.length > 0) {
      await ipBatchHost(missing.map((w) => `netns add ${w.name}`));
      for (const want of missing) {
        created.add(want.name);
        for (const [key, value] of want.sysctls) await setSysctl(want.name, key, value);
      }
    }

    // A new namespace holds only a down `lo`: no need to ask the kernel.
    const readLinks = async (names: NamespaceWant[]) => {
      const out = new Map<string, Map<string, ActualLink>>();
      for (const want of names) {
        out.set(
          want.name,
          created.has(want.name)
            ? new Map([['lo', { kind: null, master: null, addrs: [], up: false }]])
            : await this.readLinks(want.name),
        );
      }
      return out;
    };
    let actual = await readLinks(wanted);
    // 1. Remove links nobody wants (or of the wrong kind); a veth takes its peer with it.
    let removed = false;
    for (const want of wanted) {
      const have = actual.get(want.name) ?? new Map<string, ActualLink>();
      const wantedLinks = new Map(want.links.map((l) => [l.name, l]));
      const lines: string[] = [];
      for (const [name, link] of have) {
        if (name === 'lo') continue;
        const w = wantedLinks.get(name);
        if (!w || w.kind !== link.kind) lines.push(`link del ${name}`);
      }
      if (lines.length > 0) {
        await ipBatch(want.name, lines);
        removed = true;
      }
    }
    if (removed) actual = await readLinks(wanted);
    // 2. Create bridges and veth pairs (both ends must exist, else the pair is made anew).
    const fresh: { ns: string; name: string }[] = [];
    for (const want of wanted) {
      const have = actual.get(want.name) ?? new Map<string, ActualLink>();
      const lines: string[] = [];
      for (const link of want.links) {
        if (link.kind === 'bridge' && !have.has(link.name)) {
          lines.push(`link add ${link.name} type bridge`);
          fresh.push({ ns: want.name, name: link.name });
        }
        if (link.kind === 'veth' && link.peer) {
          const peerHave = actual.get(link.peer.ns);
          const mine = have.has(link.name);
          const theirs = peerHave?.has(link.peer.name) ?? false;
          if (mine && theirs) continue;
          if (mine) lines.push(`link del ${link.name}`);
          if (theirs) await ip(link.peer.ns, 'link', 'del', link.peer.name);
          lines.push(
            `link add ${link.name} type veth peer name ${link.peer.name} netns ${link.peer.ns}`,
          );
          fresh.push({ ns: want.name, name: link.name }, link.peer);
        }
      }
      await ipBatch(want.name, lines);
    }
    for (const link of fresh) {
      actual.get(link.ns)?.set(link.name, { kind: null, master: null, addrs: [], up: false });
    }
    // 3. Masters, addresses, up: one `ip -batch` per namespace.
    for (const want of wanted) {
      const have = actual.get(want.name) ?? new Map<string, ActualLink>();
      const lines: string[] = [];
      if (!have.get('lo')?.up) lines.push('link set lo up');
      for (const link of want.links) lines.push(...this.linkFixes(link, have.get(link.name)));
      await ipBatch(want.name, lines);
    }
    // 4. Routes, after the addresses their gateways need.
    for (const want of wanted) {
      await this.convergeRoutes(want.name, want.routes, created.has(want.name));
    }
  }

  private linkFixes(want: LinkWant, have: ActualLink | undefined): string[] {
    const lines: string[] = [];
    if ((have?.master ?? null) !== want.master) {
      lines.push(
        want.master
          ? `link set ${want.name} master ${want.master}`
          : `link set ${want.name} nomaster`,
      );
    }
    const haveAddrs = new Set(have?.addrs ?? []);
    for (const addr of have?.addrs ?? []) {
      if (!want.addrs.includes(addr)) lines.push(`addr del ${addr} dev ${want.name}`);
    }
    for (const addr of want.addrs) {
      if (!haveAddrs.has(addr)) lines.push(`addr add ${addr} dev ${want.name}`);
    }
    if (!have?.up) lines.push(`link set ${want.name} up`);
    return lines;
  }

  private async readLinks(ns: string): Promise<Map<string, ActualLink>> {
    const links = await ipJson<AddrJson>(ns, '-d', 'addr', 'show');
    const map = new Map<string, ActualLink>();
    for (const l of links) {
      map.set(l.ifname, {
        kind: l.linkinfo?.info_kind ?? null,
        master: l.master ?? null,
        addrs: (l.addr_info ?? [])
          .filter((a) => a.family === 'inet')
          .map((a) => `${a.local}/${a.prefixlen}`),
        up: (l.flags ?? []).includes('UP'),
      });
    }
    return map;
  }

  private async kernelRoutes(ns: string): Promise<RouteJson[]> {
    return ipJson<RouteJson>(ns, 'route', 'show', 'table', 'main');
  }

  /** Removes the routes nobody wants and adds the missing ones, in one `ip -batch`. */
  private async convergeRoutes(ns: string, wanted: RouteWant[], fresh: boolean): Promise<void> {
    const have = fresh ? [] : (await this.kernelRoutes(ns)).filter((r) => r.protocol !== 'kernel');
    const wantedKeys = new Set(wanted.map((r) => routeKey(r)));
    const haveKeys = new Set(have.map((r) => routeKey(r)));
    const lines: string[] = [];
    for (const r of have) {
      if (wantedKeys.has(routeKey(r))) continue;
      const args: string[] = [];
      if (r.type && r.type !== 'unicast') args.push(r.type);
      args.push(r.dst);
      if (r.gateway) args.push('via', r.gateway);
      if (r.dev) args.push('dev', r.dev);
      if (r.metric) args.push('metric', String(r.metric));
      args.push('table', 'main');
      lines.push(`route del ${args.join(' ')}`);
    }
    for (const r of wanted) {
      if (haveKeys.has(routeKey(r))) continue;
      lines.push(`route add ${routeArgs(r).join(' ')} proto ${r.protocol}`);
    }
    await ipBatch(ns, lines);
  }

  // ---- jobs ----------------------------------------------------------------------------------

  async runStep(
    kind: JobKind,
    step: StepPlan,
    device: DeviceConfig,
    progress: StepProgress,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      await this.exclusive(() => this.stepWork(kind, step, device));
    } catch (error) {
      if (error instanceof KernelError) {
        throw new DeviceStepError(
          `${step.label.en} failed: the kernel refused "${error.command}": ${error.kernelMessage}`,
        );
      }
      throw error;
    }
    progress(0.5);
    const share = this.options.applyMs / Math.max(1, this.plan(kind, device).length);
    if (share > 0) await sleep(share, signal);
    if (signal.aborted) throw signal.reason;
    progress(1);
  }

  private async stepWork(kind: JobKind, step: StepPlan, jobDevice: DeviceConfig): Promise<void> {
    if (this.options.failStep === step.name) {
      // A real refusal: the kernel has no such device.
      await ip(this.ns('dev'), 'link', 'set', 'dev', 'edgenet-absent', 'up');
    }
    // Build what is stored now (routes added while the job runs), on the job's cluster.
    const same = this.latest && this.latest.compute.computePort === jobDevice.compute.computePort;
    const device = same && this.latest ? this.latest : jobDevice;
    const vmNames = kubernetesVms(jobDevice).map((vm) => vm.name);
    if (kind === 'compute.apply') {
      const stage = this.jobStage ?? { externalSwitch: false, vms: [] };
      if (step.name === 'createExternalSwitch') {
        this.jobStage = { externalSwitch: true, vms: [] };
        return this.converge(device, this.jobStage);
      }
      if (step.name === 'createMasterVm' || step.name.startsWith('createWorkerVm')) {
        const vm = step.name === 'createMasterVm' ? 'master' : `worker${step.name.slice(14)}`;
        this.jobStage = { externalSwitch: true, vms: [...stage.vms.filter((v) => v !== vm), vm] };
        return this.converge(device, this.jobStage);
      }
      if (step.name === 'installCalico') {
        // Calico routes pod traffic through the node: the VMs forward.
        for (const vm of stage.vms) await setSysctl(this.ns(vm), 'net.ipv4.ip_forward', '1');
        return;
      }
      // MetalLB and CoreDNS need the VMs to reach each other and the NAT: prove it with a ping.
      const targets =
        step.name === 'installMetallb'
          ? kubernetesVms(device)
              .filter((vm) => stage.vms.includes(vm.name))
              .map((vm) => vm.externalIp)
          : [INTERNAL_SWITCH_GATEWAY];
      for (const target of targets) {
        if (!target) continue;
        const result = await inNamespace(
          this.ns('master'),
          'ping',
          ['-n', '-q', '-c', '1', '-W', '1', target],
          { allowFailure: true },
        );
        if (result.code !== 0) {
          throw new KernelError(`ping ${target}`, `no answer from ${target} on the master VM`);
        }
      }
      return;
    }
    // compute.disable
    const stage =
      this.jobStage ??
      (await this.actualStage({
        ...jobDevice,
        compute: { ...jobDevice.compute, computePort: this.latestComputePort(jobDevice) },
      }));
    this.jobStage = stage;
    if (step.name === 'removeComponents') {
      for (const vm of stage.vms) await setSysctl(this.ns(vm), 'net.ipv4.ip_forward', '0');
      return;
    }
    if (step.name === 'removeMasterVm' || step.name.startsWith('removeWorkerVm')) {
      const vm = step.name === 'removeMasterVm' ? 'master' : `worker${step.name.slice(14)}`;
      if ((await this.myNamespaces()).includes(this.ns(vm))) {
        await this.deleteNamespace(this.ns(vm));
      }
      this.jobStage = { ...stage, vms: stage.vms.filter((v) => v !== vm && vmNames.includes(v)) };
      return;
    }
    if (step.name === 'removeExternalSwitch') {
      this.jobStage = NO_CLUSTER;
      return this.converge(device, NO_CLUSTER);
    }
  }

  /** The compute port the cluster was built on (a disable job's document has none any more). */
  private latestComputePort(jobDevice: DeviceConfig): string | null {
    return jobDevice.compute.computePort;
  }

  // ---- reading the kernel --------------------------------------------------------------------

  private async vmRunning(vm: string): Promise<boolean> {
    return (await this.myNamespaces()).includes(this.ns(vm));
  }

  /** The VM's table as the kernel has it (main and local), in the core's terms; null: not running. */
  async effectiveRoutes(device: DeviceConfig, vm: string): Promise<EffectiveRoute[] | null> {
    if (!(await this.vmRunning(vm))) return null;
    const ns = this.ns(vm);
    const main = await this.kernelRoutes(ns);
    const local = await ipJson<RouteJson>(ns, 'route', 'show', 'table', 'local');
    // The observed document (DHCP leases), as the namespaces were built from it.
    return effectiveFromKernel(this.observe(device), vm, main, local);
  }

  /**
   * The kernel's own lookup from the VM, compared with the core's. `ip route get` says how the
   * packet goes (type, interface, gateway); `ip route get fibmatch` which entry matched (a blackhole
   * refuses both: its entry is the longest blackhole of `ip route show match`). Null: VM not running.
   */
  async kernelLookup(vm: string, core: LookupAnswerDoc): Promise<KernelLookup | null> {
    if (!(await this.vmRunning(vm))) return null;
    const ns = this.ns(vm);
    const destination = core.destination;
    const command = `ip -n ${ns} -j route get ${destination}`;
    const ask = async (...args: string[]) => {
      try {
        return { found: (await ipJson<RouteJson>(ns, 'route', ...args))[0], error: null };
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        return { found: undefined, error: e.kernelMessage };
      }
    };
    const delivery = await ask('get', destination);
    let type: string | null = delivery.found ? (delivery.found.type ?? 'unicast') : null;
    let matched: RouteJson | undefined;
    if (delivery.found) matched = (await ask('get', 'fibmatch', destination)).found;
    else if (/Invalid argument/.test(delivery.error ?? '')) {
      const covering = await ipJson<RouteJson>(
        ns,
        'route',
        'show',
        'table',
        'main',
        'type',
        'blackhole',
        'match',
        destination,
      );
      matched = covering
        .map((r) => ({ ...r, type: 'blackhole' }))
        .sort((x, y) => prefixLength(y.dst) - prefixLength(x.dst))[0];
      if (matched) type = 'blackhole';
    }
    if (!type || !matched) {
      return {
        route: null,
        nextHop: null,
        nic: null,
        error: delivery.error ?? 'no route',
        agrees: core.route === null,
        command,
      };
    }
    const found = delivery.found;
    const nic = type === 'blackhole' ? BLACKHOLE_NIC : nicOfDev(found?.dev);
    const nextHop = type === 'blackhole' ? null : (found?.gateway ?? destination);
    const destinationPrefix = foldLoopback(prefixOfKernelDst(matched.dst));
    const agrees =
      core.route !== null &&
      canonicalPrefix(core.route.destinationPrefix) === destinationPrefix &&
      core.type === type &&
      core.nextHop === nextHop &&
      core.nic === nic;
    return {
      route: {
        type,
        destinationPrefix,
        gateway: found?.gateway ?? null,
        dev: found?.dev ?? null,
        nic,
        metric: matched.metric ?? 0,
        table: matched.table ?? found?.table ?? 'main',
      },
      nextHop,
      nic,
      error: type === 'blackhole' ? delivery.error : null,
      agrees,
      command,
    };
  }

  /** A real ping from the VM (3 echoes, 1 s each at most) and a TTL walk of at most MAX_HOPS. */
  async probe(vm: string, core: LookupAnswerDoc): Promise<ProbeAnswer | null> {
    const route = await this.kernelLookup(vm, core);
    if (!route) return null;
    const ns = this.ns(vm);
    const destination = core.destination;
    const ping = await inNamespace(
      ns,
      'ping',
      ['-n', '-c', '3', '-i', '0.2', '-W', '1', destination],
      { allowFailure: true, timeoutMs: 6000 },
    );
    const output = `${ping.stdout}${ping.stderr}`.trim();
    const stats = /(\d+) packets transmitted, (\d+) received/.exec(output);
    const sent = Number(stats?.[1] ?? 0);
    const received = Number(stats?.[2] ?? 0);
    const rtt = /= [\d.]+\/([\d.]+)\//.exec(output);
    const icmpError =
      /From (\S+) icmp_seq=\d+ (.+)$/m.exec(output) ??
      /^ping: (.+)$/m.exec(output) ??
      /^connect: (.+)$/m.exec(output);
    const error =
      received > 0
        ? null
        : icmpError
          ? icmpError.length === 3
            ? `${icmpError[2]} (from ${icmpError[1]})`
            : (icmpError[1] ?? null)
          : route.error
            ? route.error
            : 'no answer';
    const hops: ProbeHop[] = [];
    if (!route.error) {
      for (let ttl = 1; ttl <= MAX_HOPS; ttl++) {
        const hop = await inNamespace(
          ns,
          'ping',
          ['-n', '-c', '1', '-W', '1', '-t', String(ttl), destination],
          { allowFailure: true, timeoutMs: 3000 },
        );
        const text = `${hop.stdout}${hop.stderr}`;
        const reply = /bytes from ([\d.]+)/.exec(text);
        const from = /From ([\d.]+)(?: icmp_seq=\d+)? (.+)$/m.exec(text);
        if (reply?.[1]) {
          hops.push({ ttl, address: reply[1], outcome: 'reply' });
          break;
        }
        if (from?.[1] && /Time to live exceeded/i.test(from[2] ?? '')) {
          hops.push({ ttl, address: from[1], outcome: 'ttlExceeded' });
          continue;
        }
        if (from?.[1]) {
          hops.push({ ttl, address: from[1], outcome: 'unreachable' });
          break;
        }
        hops.push({ ttl, address: null, outcome: 'timeout' });
        break;
      }
    }
    const reachable = received > 0;
    const via = route.nextHop ?? '—';
    return {
      vm,
      destination,
      reachable,
      sent,
      received,
      rttMs: reachable && rtt?.[1] ? Number(rtt[1]) : null,
      route,
      hops,
      error,
      output,
      summary: reachable
        ? serverText('probe.answered', { destination, received, sent, vm, via })
        : serverText('probe.noAnswer', { destination, vm, error: String(error) }),
    };
  }

  // ---- teardown ------------------------------------------------------------------------------

  /** Removes every namespace this data directory's device made (`--clean`). */
  clean(): Promise<string[]> {
    return this.exclusive(async () => {
      const names = await this.myNamespaces();
      // VMs and port networks first, the device (and its bridges) last.
      const order = names.sort((a, b) => Number(a.endsWith('-dev')) - Number(b.endsWith('-dev')));
      for (const name of order) await this.deleteNamespace(name);
      return order;
    });
  }

  async close(): Promise<void> {
    await this.chain;
    if (this.options.cleanOnClose) await this.clean();
  }
}
