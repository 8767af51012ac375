/**
 * Import/export benchmark (a script, not a test), against the real server on loopback (a child
 * process with its own SQLite data directory, as `npm start` runs it):
 * - adding routes one by one (POST /api/routes, one revision each) — the baseline of this run;
 * - importing 10,000 routes in one request (POST /api/import): the dry run (preview) and the apply;
 * - exporting at 100,000 routes (GET /api/export: ps1, json, iproute2), beside GET /api/routes.
 * One by one is measured on BENCH_ONE_BY_ONE routes (default 1,000) and extrapolated linearly to
 * 10,000 and 100,000 (said so in the output); the rate limit is raised out of the way for every
 * server, so the figures are the server's own cost, not the limiter's waiting.
 *
 *   npm run bench -w @edgenet/server      (runs api.bench.ts, then this)
 *   npx tsx bench/exchange.bench.ts       (this one alone; BENCH_IMPORT=10000 BENCH_EXPORT=100000)
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceConfig } from '@edgenet/network-config';
import {
  type RunningServer,
  scenarioDevice,
  seedDevice,
  startServer,
} from '../testing/start-server';

const ONE_BY_ONE = Number(process.env.BENCH_ONE_BY_ONE ?? 1000);
const IMPORT = Number(process.env.BENCH_IMPORT ?? 10_000);
const EXPORT = Number(process.env.BENCH_EXPORT ?? 100_000);
const PASSWORD = 'Bench#Pass1';
process.env.EDGENET_RATE_LIMIT = '100000000';

/** Distinct /24 routes on Port3 (10.0.0.0/24, 10.0.1.0/24, …, 11.x once past 65,536). */
function route(i: number) {
  return {
    interfaceAlias: 'Port3',
    destinationPrefix: `${10 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`,
    nextHop: '192.168.20.1',
    routeMetric: 100 + (i % 50),
  };
}

async function server(device: DeviceConfig): Promise<{ s: RunningServer; cookie: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgenet-bench-'));
  await seedDevice(dataDir, device, PASSWORD);
  const s = await startServer({ dataDir, initialPassword: null, applyMs: 0 });
  const res = await fetch(`${s.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: s.url },
    body: JSON.stringify({ password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  return { s, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

async function call(
  target: { s: RunningServer; cookie: string },
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: number,
): Promise<{ status: number; text: string; etag: string | null }> {
  const headers: Record<string, string> = { cookie: target.cookie, origin: target.s.url };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  const res = await fetch(`${target.s.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), etag: res.headers.get('etag') };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

function expectOk(res: { status: number; text: string }, what: string) {
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
  }
}

async function main() {
  const rows: { operation: string; routes: number; ms: number; oneByOneMs: number }[] = [];

  // Baseline: one route per request, one revision each.
  const a = await server(scenarioDevice(0));
  let perRouteMs: number;
  try {
    for (let i = 0; i < 20; i++)
      expectOk(await call(a, 'POST', '/api/routes', route(900_000 + i)), 'warm-up');
    const one = await timed(async () => {
      for (let i = 0; i < ONE_BY_ONE; i++) {
        expectOk(await call(a, 'POST', '/api/routes', route(i)), 'POST /api/routes');
      }
    });
    perRouteMs = one.ms / ONE_BY_ONE;
    rows.push({
      operation: `one by one (measured)`,
      routes: ONE_BY_ONE,
      ms: one.ms,
      oneByOneMs: one.ms,
    });
  } finally {
    await a.s.stop();
  }

  // Import of IMPORT routes in one request: the preview, then the apply.
  const csv = Array.from({ length: IMPORT }, (_, i) => {
    const r = route(i);
    return `${r.interfaceAlias},${r.destinationPrefix},${r.nextHop},${r.routeMetric}`;
  }).join('\n');
  const b = await server(scenarioDevice(0));
  try {
    const body = { format: 'csv', text: csv, mode: 'merge', dryRun: true };
    expectOk(await call(b, 'POST', '/api/import', body), 'warm-up');
    const dry = await median(3, async () =>
      expectOk(await call(b, 'POST', '/api/import', body), 'dry run'),
    );
    rows.push({
      operation: 'import, dry run (preview)',
      routes: IMPORT,
      ms: dry,
      oneByOneMs: perRouteMs * IMPORT,
    });
    const config = await call(b, 'GET', '/api/config');
    const revision = Number(JSON.parse(config.text).revision);
    const applied = await timed(async () =>
      expectOk(await call(b, 'POST', '/api/import', { ...body, dryRun: false }, revision), 'apply'),
    );
    rows.push({
      operation: 'import, apply (one revision)',
      routes: IMPORT,
      ms: applied.ms,
      oneByOneMs: perRouteMs * IMPORT,
    });
  } finally {
    await b.s.stop();
  }

  // Export at EXPORT routes.
  const device = {
    ...scenarioDevice(0),
    routes: Array.from({ length: EXPORT }, (_, i) => route(i)),
  };
  const c = await server(device);
  try {
    for (const path of [
      '/api/routes',
      '/api/export?format=ps1',
      '/api/export?format=json',
      '/api/export?format=iproute2',
    ]) {
      expectOk(await call(c, 'GET', path), `warm-up ${path}`);
      const ms = await median(3, async () => expectOk(await call(c, 'GET', path), path));
      rows.push({
        operation:
          path === '/api/routes'
            ? 'GET /api/routes (read, reference)'
            : `export ${path.split('=')[1]}`,
        routes: EXPORT,
        ms,
        oneByOneMs: perRouteMs * EXPORT,
      });
    }
  } finally {
    await c.s.stop();
  }

  console.log(
    `\nImport/export (one by one: ${ONE_BY_ONE} routes measured, ${perRouteMs.toFixed(2)} ms per route; extrapolated linearly to larger counts)\n`,
  );
  console.table(
    rows.map((r) => ({
      operation: r.operation,
      routes: r.routes,
      'time (ms)': Math.round(r.ms),
      'one by one (ms)': Math.round(r.oneByOneMs),
      'faster ×': Number((r.oneByOneMs / r.ms).toFixed(1)),
    })),
  );
  console.log(JSON.stringify({ perRouteMs, rows }));
}

await main();
