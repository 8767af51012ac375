/**
 * The console's worst line, measured (issue 10): the real server with 10,000 routes stored,
 * signed in, `POST /api/console` with `Get-HcsNetRoute;` repeated to the longest line allowed,
 * while a second client asks `GET /api/health` every 10 ms. Prints the console answer's status and
 * time, the slowest and median health answer during it, and the server's peak RSS — then the same
 * with 8,000 nested parentheses, and with three worst lines at once.
 *
 *   npm run bench:console -w @edgenet/server      (BENCH_ROUTES=10000)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_LIMITS } from '@edgenet/hcs-shell';
import { scenarioDevice, seedDevice, startServer } from '../testing/start-server';

const ROUTES = Number(process.env.BENCH_ROUTES ?? 10_000);
const PASSWORD = 'Edge#Net2024';

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgenet-bench-console-'));
  await seedDevice(dataDir, scenarioDevice(ROUTES), PASSWORD);
  const server = await startServer({ dataDir, initialPassword: PASSWORD });
  try {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: PASSWORD }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // Issue 10's line: 8,192 characters of `Get-HcsNetRoute;`.
    const attack = 'Get-HcsNetRoute;'.repeat(Math.floor(8192 / 16));
    // The costliest lines within today's bounds: as many statements as allowed, each reading the
    // whole 10,000-route table; one printing it all, one printing nothing.
    const printing = 'Get-HcsNetRoute;'.repeat(CONSOLE_LIMITS.maxStatements);
    const reading = 'Get-HcsNetRoute -InterfaceAlias Port1;'.repeat(CONSOLE_LIMITS.maxStatements);
    const nested = `Get-HcsNetRoute ${'('.repeat(8000)}`;
    const cases: [string, string[]][] = [
      ['issue line (Get-HcsNetRoute; × 512)', [attack]],
      [`Get-HcsNetRoute; × ${CONSOLE_LIMITS.maxStatements}`, [printing]],
      [`filtered Get-HcsNetRoute × ${CONSOLE_LIMITS.maxStatements}`, [reading]],
      ['8,000 nested parentheses', [nested]],
      ['three issue lines at once', [attack, attack, attack]],
      ['three bounded worst lines at once', [printing, reading, reading]],
    ];
    await fetch(`${server.url}/api/health`); // warm the connection pool
    const results: Record<string, unknown>[] = [];
    // BENCH_CASES=0,1 runs only those (the third can kill an unbounded server).
    const only = process.env.BENCH_CASES?.split(',').map(Number);
    for (const [index, [name, lines]] of cases.entries()) {
      if (only && !only.includes(index)) continue;
      const rssBefore = rssMb(server.pid);
      let peak = rssBefore;
      const health: number[] = [];
      let running = true;
      const poll = (async () => {
        while (running) {
          const t0 = performance.now();
          try {
            await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
          } catch {
            break; // the server is gone
          }
          health.push(performance.now() - t0);
          peak = Math.max(peak, rssMb(server.pid));
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const t0 = performance.now();
      const answers = await Promise.all(
        lines.map(async (line) => {
          try {
            const res = await fetch(`${server.url}/api/console`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({ line }),
            });
            const body = (await res.json()) as { code?: string; statementsRun?: number };
            return `${res.status}${body.code ? ` ${body.code}` : ''}${body.statementsRun !== undefined ? ` ran ${body.statementsRun}` : ''}`;
          } catch (error) {
            return `no answer (${(error as Error & { cause?: Error }).cause?.message ?? error})`;
          }
        }),
      );
      const ms = performance.now() - t0;
      running = false;
      await poll;
      health.sort((a, b) => a - b);
      console.log(name, answers.join(', '), Math.round(ms), 'ms');
      results.push({
        case: name,
        answers: answers.join(', '),
        consoleMs: Math.round(ms),
        healthMaxMs: Math.round(health[health.length - 1] ?? 0),
        healthP50Ms: Math.round(health[Math.floor(health.length / 2)] ?? 0),
        healthSamples: health.length,
        rssBeforeMb: rssBefore,
        rssPeakMb: peak,
      });
    }
    console.table(results);
    console.log(JSON.stringify({ routes: ROUTES, results }));
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
