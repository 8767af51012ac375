/**
 * CPU profile of the compiled server under load (a tool, not a test; ADR 0043): starts
 * `dist/server.js` with `node --cpu-prof` on a seeded data directory (10,000 routes), signs in,
 * drives one endpoint with autocannon, stops the server and prints the profile's self time summed
 * by function and by package.
 *
 *   npx tsx bench/profile.ts compute|lookup|bare-get|bare-post|start [seconds] [out-dir]
 *   PROFILE=0: no profile, only req/s and the server's CPU time per request (user, kernel);
 *   SERVER_SCRIPT=<path>: another build of the server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookupRoute } from '@edgenet/network-config';
import autocannon from 'autocannon';
import { scenarioDevice, seedDevice } from '../testing/start-server';

const target = process.argv[2] ?? 'compute';
const seconds = Number(process.argv[3] ?? 10);
const outDir = process.argv[4] ?? mkdtempSync(join(tmpdir(), 'edgenet-prof-'));
const here = fileURLToPath(new URL('.', import.meta.url));
const serverDir = join(here, '..');
const PASSWORD = 'Bench#Pass1';
const PORT = 18000 + Math.floor(Math.random() * 1000);
const url = `http://127.0.0.1:${PORT}`;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(file: string, requests: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url: where, lineNumber } = (byId.get(id) as Node).callFrame;
    const file = where.replace(/^file:\/\//, '').replace(/.*node_modules\//, '');
    const key = `${functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg = where.includes('node_modules/')
      ? (where.split('node_modules/').at(-1) as string).split('/').slice(0, 2).join('/')
      : where === ''
        ? functionName
        : where.startsWith('node:')
          ? 'node:internal'
          : (where.split('/').at(-1) as string);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  process.stdout.write(`profile ${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
  process.stdout.write(`\n-- by package / file --\n${top(byPackage, 25)}\n`);
  process.stdout.write(`\n-- by function (self) --\n${top(byFunction, 60)}\n`);
  // Inclusive time (self + callees) of the bundle's functions: what each hook costs in all.
  const children = new Map<number, number[]>();
  for (const n of profile.nodes) children.set(n.id, n.children ?? []);
  const inclusive = new Map<number, number>();
  // The writev samples are mostly time the thread waited off-CPU inside the system call (the
  // process's own kernel time per request is far smaller; see the CPU figures above): left out.
  const walk = (id: number): number => {
    const frame = (byId.get(id) as Node).callFrame;
    let us = frame.functionName === 'writev' && frame.url === '' ? 0 : (self.get(id) ?? 0);
    for (const c of children.get(id) ?? []) us += walk(c);
    inclusive.set(id, us);
    return us;
  };
  const root = profile.nodes[0] as Node;
  walk(root.id);
  const byInclusive = new Map<string, number>();
  const onStack = new Set<string>();
  const sum = (id: number): void => {
    const { functionName, url: where, lineNumber } = (byId.get(id) as Node).callFrame;
    const key = `${functionName || '(anonymous)'} ${where.split('/').at(-1)}:${lineNumber + 1}`;
    const counted = onStack.has(key);
    if (!counted) {
      byInclusive.set(key, (byInclusive.get(key) ?? 0) + (inclusive.get(id) ?? 0));
      onStack.add(key);
    }
    for (const c of children.get(id) ?? []) sum(c);
    if (!counted) onStack.delete(key);
  };
  sum(root.id);
  const lines = [...byInclusive.entries()]
    .filter(([k]) => k.includes('server.js') || k.includes('hello-server') || k.includes('fastify'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 70)
    .map(([k, us]) => `${(us / requests).toFixed(2).padStart(6)} µs  ${k}`)
    .join('\n');
  process.stdout.write(
    `\n-- inclusive µs per request (sampled, writev left out; ${requests} requests incl. warm-up) --\n${lines}\n`,
  );
}

/** utime and stime of a process, in clock ticks (/proc/<pid>/stat fields 14 and 15). */
function cpuTicks(pid: number | undefined): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { user: Number(fields[11]), system: Number(fields[12]) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'edgenet-prof-data-'));
  const device = scenarioDevice(10_000);
  const bare = target.startsWith('bare');
  if (!bare) await seedDevice(dataDir, device, PASSWORD);
  // SERVER_SCRIPT: another build of the server (an older one, to compare).
  const script = bare
    ? join(here, 'hello-server.mjs')
    : (process.env.SERVER_SCRIPT ?? join(serverDir, 'dist/server.js'));
  const child = spawn(
    process.execPath,
    [
      ...(process.env.PROFILE === '0' ? [] : ['--cpu-prof', `--cpu-prof-dir=${outDir}`]),
      // The bare server has no SIGTERM handler; a profile is written only on a normal exit.
      "--import=data:text/javascript,process.once('SIGTERM',()=>process.exit(0))",
      script,
    ],
    {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        EDGENET_DATA_DIR: dataDir,
        EDGENET_WEB_DIR: join(dataDir, 'no-web'),
        EDGENET_RATE_LIMIT: '1000000000',
        BARE_ANSWER: JSON.stringify(lookupRoute(device, '10.3.7.9')),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (;;) {
    try {
      if ((await fetch(`${url}${bare ? '/' : '/api/health'}`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  let cookie = '';
  if (!bare) {
    const res = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ password: PASSWORD }),
    });
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }
  const headers = { cookie, 'content-type': 'application/json' };
  const lookups = Array.from({ length: 64 }, (_, i) => ({
    method: 'POST' as const,
    path: '/api/routes/lookup',
    headers,
    body: JSON.stringify({
      destination: `10.${(i * 37) % 40}.${(i * 101) % 256}.${1 + (i % 250)}`,
    }),
  }));
  const options =
    target === 'compute'
      ? { url: `${url}/api/compute`, headers }
      : target === 'bare-get'
        ? { url: `${url}/` }
        : { url, requests: lookups };
  /** Stops the server (which writes its profile) and summarizes the profile per `requests`. */
  const finish = async (requests: number) => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    const file = readdirSync(outDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .at(-1);
    if (file) summarize(join(outDir, file), requests);
  };
  // Start-up only: the profile runs from process start to the first answer.
  if (target === 'start') return finish(1);
  const warm = await autocannon({ ...options, duration: 2, connections: 10 }); // warm-up (JIT)
  const before = cpuTicks(child.pid);
  const result = await autocannon({ ...options, duration: seconds, connections: 10 });
  const after = cpuTicks(child.pid);
  // /proc ticks are 1/100 s: µs of the server's CPU per request, user and kernel.
  const perRequest = (ticks: number) => ((ticks * 10_000) / result.requests.total).toFixed(1);
  process.stdout.write(
    `${target}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}; ` +
      `server CPU per request: user ${perRequest(after.user - before.user)} µs, kernel ${perRequest(after.system - before.system)} µs\n`,
  );
  await finish(warm.requests.total + result.requests.total);
}

await main();
