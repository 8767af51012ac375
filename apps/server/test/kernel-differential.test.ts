/**
 * The core against the Linux kernel (issue 11, SPEC §2 routes and §3): each Kubernetes VM's
 * effective table is built in a network namespace of its own — its NICs as veth pairs with both
 * ends inside, its addresses, and every route of the core's table installed with `ip -batch` —,
 * then the core's `lookupRoute` and the kernel's `ip -j route get` answer the same addresses:
 * random ones, every prefix's boundaries, and the special ones (own addresses, loopback,
 * broadcasts, multicast, pod and service networks). Every route the core accepts must install;
 * every answer must agree. Routes the core refuses are tried too, to report which refusals are the
 * kernel's and which are ours (stricter).
 *
 * Needs root and iproute2 (CI runs as root; `.ci/run` installs iproute2); otherwise it skips and
 * says why. Seeded: EDGENET_KERNEL_SEED replays a run; EDGENET_KERNEL_ROUTES and
 * EDGENET_KERNEL_ADDRESSES (per VM) scale it.
 */
import {
  buildEffectiveTable,
  checkRouteAdd,
  type DeviceConfig,
  effectiveRoutes,
  formatIPv4,
  kubernetesVms,
  type LookupAnswer,
  lookupRoute,
  parsePrefix,
  prefixLast,
  type RouteInput,
} from '@edgenet/network-config';
import { mulberry32 as prng } from '@edgenet/network-config/testing/seeded-random';
import { afterAll, describe, expect, it } from 'vitest';
import { type LinkWant, routeArgs } from '../src/driver/linux/topology';
import {
  createLinkLines,
  NIC_DEV,
  nicOfDev,
  vmInnerLinks,
  vmTableRoutes,
} from '../src/driver/linux/vm-table';
import { type BatchLine, kernelSkipReason, Netns, removeStaleNamespaces } from './kernel/netns';

const SKIP = kernelSkipReason();
if (SKIP) console.warn(`kernel differential test skipped: ${SKIP}`);

const SEED = Number(process.env.EDGENET_KERNEL_SEED ?? 20261201);
const ROUTES = Number(process.env.EDGENET_KERNEL_ROUTES ?? 10000);
const ADDRESSES_PER_VM = Number(process.env.EDGENET_KERNEL_ADDRESSES ?? 35000);

const SUBNET_FIRST = 0xc0a81000; // 192.168.16.0/20: room for next hops
const SUBNET_SIZE = 4096;

/** The source article's layout on a /20, two nodes (three VMs), compute Configured. */
function baseDevice(): DeviceConfig {
  return {
    name: 'kernel-diff',
    sku: 'pro-gpu',
    nodeCount: 2,
    ports: ['Port1', 'Port2', 'Port3', 'Port4', 'Port5', 'Port6'].map((name) => ({
      name,
      speedGbps: [25, 10],
      ipEnabled: true,
      dhcp: name !== 'Port1' && name !== 'Port3',
      address: name === 'Port1' ? '192.168.100.10' : name === 'Port3' ? '192.168.16.10' : null,
      subnetMask: name === 'Port1' ? '255.255.255.0' : name === 'Port3' ? '255.255.240.0' : null,
      gateway: name === 'Port3' ? '192.168.16.1' : null,
      dns: [],
      mtu: null,
      link: { connected: true, speedGbps: 25 },
    })),
    compute: {
      computePort: 'Port3',
      nodeIpRange: { start: '192.168.16.50', end: '192.168.16.52' },
      serviceIpRange: { start: '192.168.16.60', end: '192.168.16.69' },
      podCidr: '172.27.0.0/16',
      serviceCidr: '172.28.0.0/16',
      state: 'Configured',
    },
    routes: [],
  };
}

interface Generated {
  device: DeviceConfig;
  refused: { input: RouteInput; codes: string[] }[];
  attempts: number;
}

/** Random routes on the compute port until `count` are accepted by the core. */
function generateRoutes(count: number, random: () => number): Generated {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const address = () => {
    const r = random();
    if (r < 0.15) return SUBNET_FIRST + int(SUBNET_SIZE); // the compute subnet
    if (r < 0.2) return 0xac100000 + int(256); // 172.16.0.0/24, the internal switch
    if (r < 0.25) return 0xac1b0000 + int(1 << 17); // pod and service CIDRs (refused)
    if (r < 0.28) return pick([0x7f000000, 0xe0000000, 0xffffffff, 0]) + int(1 << 20);
    return int(2 ** 32);
  };
  const lengthOf = () => {
    const r = random();
    if (r < 0.01) return 0;
    if (r < 0.06) return 1 + int(7);
    return 8 + int(25);
  };
  const nextHop = () => {
    const r = random();
    if (r < 0.1) return '0.0.0.0';
    if (r < 0.16)
      return formatIPv4(
        pick([SUBNET_FIRST, SUBNET_FIRST + SUBNET_SIZE - 1, SUBNET_FIRST + 10, SUBNET_FIRST + 50]) +
          (r < 0.13 ? 0 : int(3)),
      );
    return formatIPv4(SUBNET_FIRST + 1 + int(SUBNET_SIZE - 2));
  };
  const metric = () => (random() < 0.7 ? pick([0, 1, 10, 100, 256, 1000]) : int(65536));

  let device = baseDevice();
  const refused: Generated['refused'] = [];
  let attempts = 0;
  while (device.routes.length < count && attempts < count * 20) {
    attempts++;
    const length = lengthOf();
    const network = length === 0 ? 0 : (address() & (0xffffffff << (32 - length))) >>> 0;
    const input: RouteInput = {
      interfaceAlias: 'Port3',
      destinationPrefix: `${formatIPv4(network)}/${length}`,
      nextHop: nextHop(),
      routeMetric: metric(),
    };
    const result = checkRouteAdd(device, input);
    if (result.route) device = result.device;
    else {
      const codes = result.issues.filter((i) => i.severity === 'error').map((i) => i.code);
      // Duplicates are the device's own rule, not the kernel's: leave them out.
      if (!codes.includes('route.duplicate') && refused.length < 400)
        refused.push({ input, codes });
    }
  }
  return { device, refused, attempts };
}

function addressesFor(
  device: DeviceConfig,
  vm: string,
  count: number,
  random: () => number,
): number[] {
  const int = (n: number) => Math.floor(random() * n);
  const out = new Set<number>();
  const add = (value: number) => out.add(Math.min(0xffffffff, Math.max(0, value)) >>> 0);
  const ip = (text: string) => Number(parsePrefix(text).network);
  // The special ones.
  for (const text of [
    '0.0.0.0',
    '127.0.0.1',
    '127.255.255.255',
    '255.255.255.255',
    '224.0.0.1',
    '224.0.0.251',
    '239.255.255.250',
    '172.16.0.0',
    '172.16.0.1',
    '172.16.0.255',
    '192.168.16.0',
    '192.168.16.10',
    '192.168.31.255',
    '172.28.0.1',
    '172.28.0.10',
    '172.27.3.4',
  ])
    add(ip(text));
  for (const v of kubernetesVms(device)) {
    if (v.externalIp) add(ip(v.externalIp));
    add(ip(v.internalIp));
  }
  for (let i = 60; i <= 69; i++) add(SUBNET_FIRST + i);
  for (let i = 0; i < 200; i++) {
    add(0x7f000000 + int(1 << 24)); // loopback
    add(0xe0000000 + int(1 << 28)); // multicast
    add(0xf0000000 + int(1 << 28)); // class E
    add(int(1 << 24)); // 0.0.0.0/8
    add(0xac1b0000 + int(1 << 16)); // pods
    add(0xac1c0000 + int(1 << 16)); // services
  }
  // Every prefix's boundaries, and the addresses just outside them.
  for (const r of effectiveRoutes(device, device.routes, vm)) {
    const prefix = parsePrefix(r.destinationPrefix);
    const first = Number(prefix.network);
    const last = Number(prefixLast(prefix));
    add(first);
    add(last);
    if (first > 0) add(first - 1);
    if (last < 0xffffffff) add(last + 1);
    add(first + int(last - first + 1));
  }
  while (out.size < count) add(int(2 ** 32));
  return [...out];
}

/** What an answer means for a packet, in words both sides can be put into. */
function coreView(answer: LookupAnswer): string {
  if (answer.type === null) return 'none';
  if (answer.type === 'blackhole') return 'blackhole';
  const gateway =
    answer.type === 'unicast' && answer.route && answer.route.nextHop !== '0.0.0.0'
      ? answer.route.nextHop
      : '-';
  return `${answer.type} dev=${answer.nic} gw=${gateway}`;
}

function kernelView(line: BatchLine): string {
  if (!line.ok) {
    if (/Invalid argument/.test(line.error)) return 'blackhole';
    if (/Network is unreachable/.test(line.error)) return 'none';
    return `error: ${line.error}`;
  }
  const r = (line.json as { type?: string; dev: string; gateway?: string }[])[0];
  if (!r) return 'error: empty answer';
  return `${r.type ?? 'unicast'} dev=${nicOfDev(r.dev) ?? r.dev} gw=${r.gateway ?? '-'}`;
}

describe.skipIf(SKIP !== null)('the core agrees with the Linux kernel', () => {
  const namespaces: Netns[] = [];
  afterAll(async () => {
    for (const ns of namespaces) await ns.delete();
  });

  it(`${ROUTES} random routes, ${ADDRESSES_PER_VM} addresses per VM: same answers as ip route get`, async () => {
    const started = performance.now();
    await removeStaleNamespaces();
    const random = prng(SEED);
    const { device, refused, attempts } = generateRoutes(ROUTES, random);
    expect(device.routes.length).toBe(ROUTES);
    const vms = kubernetesVms(device);

    const notInstalled: string[] = [];
    const disagreements: string[] = [];
    const byKind = new Map<string, number>();
    let compared = 0;
    let kernelMs = 0;
    let coreMs = 0;
    for (const vm of vms) {
      // The VM as the Linux driver builds it (src/driver/linux/vm-table.ts), its two NICs' peers
      // kept inside the namespace, and the core's table installed as the driver installs it.
      const ns = await Netns.create(vm.name);
      namespaces.push(ns);
      const nic = (name: string, addr: string): LinkWant[] => [
        {
          name,
          kind: 'veth',
          master: null,
          addrs: [addr],
          peer: { ns: ns.name, name: `${name}p` },
        },
        { name: `${name}p`, kind: 'veth', master: null, addrs: [] },
      ];
      await ns.run(
        createLinkLines([
          ...nic(NIC_DEV.external, `${vm.externalIp}/20`),
          ...nic(NIC_DEV.internal, `${vm.internalIp}/24`),
          ...vmInnerLinks(ns.name),
        ]),
      );
      const lines = vmTableRoutes(device, vm.name).map(
        (r) => `route add ${routeArgs(r).join(' ')}`,
      );
      const installed = await ns.batch(lines, false);
      installed.forEach((result, i) => {
        if (!result.ok) notInstalled.push(`${vm.name}: ${lines[i]} → ${result.error}`);
      });

      const addresses = addressesFor(device, vm.name, ADDRESSES_PER_VM, random);
      const texts = addresses.map(formatIPv4);
      let t = performance.now();
      const kernel = await ns.batch(texts.map((a) => `route get ${a}`));
      kernelMs += performance.now() - t;
      t = performance.now();
      const table = buildEffectiveTable(device, vm.name);
      const core = texts.map((a) => coreView(lookupRoute(device, a, vm.name, table)));
      coreMs += performance.now() - t;
      texts.forEach((a, i) => {
        const k = kernelView(kernel[i] as BatchLine);
        const c = core[i] as string;
        compared++;
        const kind = c.split(' ')[0] as string;
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        if (k !== c) disagreements.push(`${vm.name} ${a}: core ${c}, kernel ${k}`);
      });
    }

    // Routes the core refuses: which would the kernel have taken (our stricter rules)?
    const master = namespaces[0] as Netns;
    const refusedLines = refused.map(({ input }) => {
      const via = input.nextHop === '0.0.0.0' ? '' : `via ${input.nextHop} `;
      return `route add ${input.destinationPrefix} ${via}dev ${NIC_DEV.external} metric ${input.routeMetric}`;
    });
    const tried = await master.batch(refusedLines, false);
    const kernelTook = new Map<string, number>();
    const kernelRefused = new Map<string, number>();
    tried.forEach((result, i) => {
      const key = [...new Set(refused[i]?.codes)].sort().join('+');
      const map = result.ok ? kernelTook : kernelRefused;
      map.set(key, (map.get(key) ?? 0) + 1);
    });

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `kernel differential (seed ${SEED}): ${device.routes.length} routes accepted of ${attempts} tried, ` +
          `${compared} lookups on ${vms.length} VMs in ${seconds} s ` +
          `(kernel ${Math.round(kernelMs)} ms, core ${Math.round(coreMs)} ms)`,
        `  answers by type: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`,
        `  core-accepted routes the kernel refused: ${notInstalled.length}`,
        `  disagreements: ${disagreements.length}`,
        ...disagreements.slice(0, 20).map((d) => `    ${d}`),
        `  core-refused routes the kernel also refused, by rule: ${[...kernelRefused].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
        `  core-refused routes the kernel would take (our stricter rules): ${[...kernelTook].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
      ].join('\n'),
    );
    expect(notInstalled.slice(0, 20)).toEqual([]);
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(100_000);
  }, 120_000);
});
