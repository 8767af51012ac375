/**
 * Lookup and validation throughput of the core, each beside a deliberately simple baseline measured
 * in the same run on the same routes and probes. Prints a table, then one JSON line.
 *   npm run bench -w @edgenet/network-config
 * Targets: ≥ 4 M lookups/s at 100k IPv4 routes and ≥ 1,000× the linear scan; 100k routes validated
 * in ≤ 500 ms.
 */

import {
  checkComputeChange,
  checkPortChange,
  createDefaultDevice,
  type DeviceConfig,
  formatIPv4,
  type IpPrefix,
  parsePrefix,
  prefixesOverlap,
  RouteTable,
  type RouteTableEntry,
  validateDevice,
} from '../src/index';
import { ARTICLE_COMPUTE, ARTICLE_PORT3 } from '../src/testing/article-scenario';
import { mulberry32 as rng } from '../src/testing/seeded-random';

interface Entry extends RouteTableEntry {
  id: number;
}

function randomV4Routes(n: number, random: () => number): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const length = 8 + Math.floor(random() * 25);
    const value = Math.floor(random() * 2 ** 32);
    const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
    out.push({
      id: i,
      metric: Math.floor(random() * 1000),
      prefix: { family: 4, network: BigInt((value & mask) >>> 0), length },
    });
  }
  return out;
}

function randomV6Routes(n: number, random: () => number): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const length = 16 + Math.floor(random() * 113);
    let value = 0x2001n << 112n;
    for (let w = 0; w < 4; w++) value |= BigInt(Math.floor(random() * 2 ** 28)) << BigInt(w * 28);
    const mask = ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - length)) - 1n);
    out.push({
      id: i,
      metric: Math.floor(random() * 1000),
      prefix: { family: 6, network: value & mask, length },
    });
  }
  return out;
}

/** Probes: half inside a random route's prefix, half anywhere. */
function v4Probes(routes: Entry[], n: number, random: () => number): Uint32Array {
  const probes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = routes[Math.floor(random() * routes.length)] as Entry;
    const host = Math.floor(random() * 2 ** (32 - r.prefix.length));
    probes[i] = i % 2 === 0 ? Number(r.prefix.network) + host : Math.floor(random() * 2 ** 32);
  }
  return probes;
}

/** The oracle: test every route, keep the longest prefix, then the lowest metric, then the first. */
function linearScanV4(routes: Entry[]) {
  const nets = Uint32Array.from(routes, (r) => Number(r.prefix.network));
  const masks = Uint32Array.from(routes, (r) =>
    r.prefix.length === 0 ? 0 : (0xffffffff << (32 - r.prefix.length)) >>> 0,
  );
  return (address: number): Entry | null => {
    let best = -1;
    for (let i = 0; i < routes.length; i++) {
      if ((address & (masks[i] as number)) >>> 0 !== nets[i]) continue;
      if (best === -1) best = i;
      else {
        const a = routes[i] as Entry;
        const b = routes[best] as Entry;
        if (
          a.prefix.length > b.prefix.length ||
          (a.prefix.length === b.prefix.length && a.metric < b.metric)
        )
          best = i;
      }
    }
    return best === -1 ? null : (routes[best] as Entry);
  };
}

function linearScanV6(routes: Entry[]) {
  return (address: bigint): Entry | null => {
    let best: Entry | null = null;
    for (const r of routes) {
      const mask = ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - r.prefix.length)) - 1n);
      if ((address & mask) !== r.prefix.network) continue;
      if (
        !best ||
        r.prefix.length > best.prefix.length ||
        (r.prefix.length === best.prefix.length && r.metric < best.metric)
      )
        best = r;
    }
    return best;
  };
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Runs `fn` over the probes for at least `minMs`, returning operations per second. */
function rate(
  count: number,
  fn: () => number,
  minMs = 400,
): { perSecond: number; checksum: number } {
  let ops = 0;
  let checksum = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    checksum += fn();
    ops += count;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return { perSecond: (ops / elapsed) * 1000, checksum };
}

const results: Record<string, unknown>[] = [];

/**
 * The baseline half of a lookup case: times the linear scan over the first probes (`few`), checks
 * the table's answer against it on each of them, and records the case beside the table's rate.
 */
function recordLookup<P>(
  family: 'IPv4' | 'IPv6',
  n: number,
  buildMs: number,
  fast: { perSecond: number },
  few: ArrayLike<P>,
  scan: (address: P) => Entry | null,
  lookup: (address: P) => Entry | null,
) {
  const slow = rate(
    few.length,
    () => {
      let hits = 0;
      for (let i = 0; i < few.length; i++) if (scan(few[i] as P)) hits++;
      return hits;
    },
    300,
  );
  let mismatches = 0;
  for (let i = 0; i < few.length; i++) {
    if (lookup(few[i] as P) !== scan(few[i] as P)) mismatches++;
  }
  results.push({
    case: `lookup ${family}, ${n.toLocaleString('en')} routes`,
    buildMs: round(buildMs),
    lookupsPerSecond: Math.round(fast.perSecond),
    linearScanPerSecond: Math.round(slow.perSecond),
    speedup: Math.round(fast.perSecond / slow.perSecond),
    checkedProbes: few.length,
    mismatches,
  });
}

function benchV4(n: number) {
  const random = rng(n);
  const routes = randomV4Routes(n, random);
  const build = time(() => new RouteTable(routes));
  const table = build.value;
  const probes = v4Probes(routes, 100_000, random);
  const fast = rate(probes.length, () => {
    let hits = 0;
    for (let i = 0; i < probes.length; i++) if (table.lookupIPv4(probes[i] as number)) hits++;
    return hits;
  });
  const few = probes.subarray(0, Math.max(200, Math.floor(20_000_000 / n)));
  recordLookup('IPv4', n, build.ms, fast, few, linearScanV4(routes), (p) => table.lookupIPv4(p));
}

function benchV6(n: number) {
  const random = rng(n + 6);
  const routes = randomV6Routes(n, random);
  const build = time(() => new RouteTable(routes));
  const table = build.value;
  const probes: bigint[] = [];
  for (let i = 0; i < 20_000; i++) {
    const r = routes[Math.floor(random() * routes.length)] as Entry;
    probes.push(
      i % 2 === 0
        ? r.prefix.network + BigInt(Math.floor(random() * 1000))
        : (0x2001n << 112n) | BigInt(Math.floor(random() * 2 ** 40)),
    );
  }
  const fast = rate(probes.length, () => {
    let hits = 0;
    for (const p of probes) if (table.lookupIPv6(p)) hits++;
    return hits;
  });
  const few = probes.slice(0, 300);
  recordLookup('IPv6', n, build.ms, fast, few, linearScanV6(routes), (p) => table.lookupIPv6(p));
}

/** The source article's device (Port3 192.168.20.10/24, compute on Port3) with n custom routes. */
function deviceWithRoutes(n: number): DeviceConfig {
  let device = createDefaultDevice();
  device = checkPortChange(device, 'Port3', ARTICLE_PORT3).device;
  device = checkComputeChange(device, ARTICLE_COMPUTE).device;
  const routes = [];
  for (let i = 0; i < n; i++) {
    // Distinct /30s under 10.0.0.0/8.
    routes.push({
      interfaceAlias: 'Port3',
      destinationPrefix: `${formatIPv4((10 << 24) + i * 4)}/30`,
      nextHop: '192.168.20.1',
      routeMetric: 100 + (i % 50),
    });
  }
  return { ...device, compute: { ...device.compute, state: 'Configured' }, routes };
}

function benchValidate(n: number) {
  const device = deviceWithRoutes(n);
  validateDevice(deviceWithRoutes(100)); // warm-up
  const runs = n >= 100_000 ? 3 : 5;
  let best = Number.POSITIVE_INFINITY;
  let issues = 0;
  for (let i = 0; i < runs; i++) {
    const t = time(() => validateDevice(device));
    best = Math.min(best, t.ms);
    issues = t.value.filter((x) => x.severity === 'error').length;
  }
  const row: Record<string, unknown> = {
    case: `validate device, ${n.toLocaleString('en')} routes`,
    validateMs: round(best),
    errors: issues,
  };
  if (n <= 10_000) {
    // The naive alternative: compare every pair of destinations for overlap.
    const prefixes: IpPrefix[] = device.routes.map((r) => parsePrefix(r.destinationPrefix));
    const naive = time(() => {
      let overlaps = 0;
      for (let i = 0; i < prefixes.length; i++) {
        for (let j = i + 1; j < prefixes.length; j++)
          if (prefixesOverlap(prefixes[i] as IpPrefix, prefixes[j] as IpPrefix)) overlaps++;
      }
      return overlaps;
    });
    row.naivePairwiseMs = round(naive.ms);
    row.speedup = Math.round(naive.ms / best);
  }
  results.push(row);
}

function round(x: number) {
  return Math.round(x * 10) / 10;
}

benchV4(10_000);
benchV4(100_000);
benchV6(10_000);
benchValidate(10_000);
benchValidate(100_000);

const v4big = results[1] as { lookupsPerSecond: number; speedup: number };
const validateBig = results[4] as { validateMs: number };
const targets = {
  lookupsPerSecondAt100k: {
    target: 4_000_000,
    measured: v4big.lookupsPerSecond,
    met: v4big.lookupsPerSecond >= 4_000_000,
  },
  speedupAt100k: { target: 1000, measured: v4big.speedup, met: v4big.speedup >= 1000 },
  validate100kMs: {
    target: 500,
    measured: validateBig.validateMs,
    met: validateBig.validateMs <= 500,
  },
  mismatches: { target: 0, measured: results.reduce((n, r) => n + Number(r.mismatches ?? 0), 0) },
};
console.table(results);
console.table(Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, v])));
console.log(JSON.stringify({ node: process.version, results, targets }));
