/**
 * Crash safety: a process writing revisions is killed with SIGKILL at random moments; after each
 * kill the database passes `integrity_check` and holds every revision that was acknowledged.
 *
 * 1. The store (≥200 kills; `EDGENET_CRASH_KILLS=1000` for more): a child commits revisions in a
 *    loop with the real Store and prints `ack n` after each commit returns. The child is the test's
 *    writer.ts bundled once with esbuild, so each start costs a bare Node start (~0.1 s), not a
 *    TypeScript loader's; kills run in parallel lanes, each on its own database.
 * 2. The whole server (a few kills): the real `src/server.ts` under tsx, POSTing routes over HTTP
 *    from several connections; every route answered 201 must be there after the kill.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store';

const KILLS = Number(process.env.EDGENET_CRASH_KILLS ?? 200);
/** One lane per core: the cost of a kill is a Node start, which is CPU-bound. */
const LANES = 2;
const SERVER_KILLS = Number(process.env.EDGENET_CRASH_SERVER_KILLS ?? 2);

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../..');
let workDir: string;
let writerBundle: string;
let lifecycleBundle: string;
const LIFECYCLE_KILLS = Number(process.env.EDGENET_CRASH_LIFECYCLE_KILLS ?? 40);

/** Bundles `crash/<name>.ts` into one CommonJS file a bare `node` starts. */
async function bundle(name: string): Promise<string> {
  const outfile = join(workDir, `${name}.cjs`);
  await build({
    entryPoints: [join(here, `crash/${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'edgenet-crash-'));
  writerBundle = await bundle('writer');
  lifecycleBundle = await bundle('lifecycle-writer');
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

interface Run {
  acks: number[];
  ready: boolean;
}

/** Starts the writer, kills it at a random moment, resolves with what it acknowledged. */
function runAndKill(dir: string, bundle = writerBundle): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir], {
      env: { PATH: process.env.PATH ?? '', NODE_PATH: join(repoRoot, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { acks: [], ready: false };
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    // One kill in eight lands anywhere from the spawn on (during start-up, migrations, the
    // first commit); the others while it writes.
    if (Math.random() < 1 / 8) timer = setTimeout(kill, Math.random() * 150);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ready')) {
          run.ready = true;
          if (!timer) timer = setTimeout(kill, Math.random() * 40);
        } else if (line.startsWith('ack ')) run.acks.push(Number(line.split(' ').at(-1)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (${code}): ${stderr}`));
      else resolve(run);
    });
  });
}

function verify(dir: string, acked: number, checkFrom: number): number {
  const store = Store.open(dir);
  try {
    expect(store.integrityCheck()).toBe('ok');
    if (store.isEmpty) {
      expect(acked).toBe(0);
      return 0;
    }
    expect(store.revision).toBeGreaterThanOrEqual(acked);
    expect(
      store.current.name === 'edgenet-device' || store.current.name === `rev-${store.revision}`,
    ).toBe(true);
    for (let n = Math.max(2, checkFrom); n <= acked; n++) {
      expect(store.revisionDocument(n)?.name).toBe(`rev-${n}`);
    }
    return store.revision;
  } finally {
    store.close();
  }
}

/** Rollback and restore rows checked (the test fails if the writer never made any). */
const seen = { rollback: 0, restore: 0 };
const routesOf = (store: Store, n: number) =>
  store.revisionDocument(n)?.routes.map((r) => r.destinationPrefix);

/**
 * After a kill of the lifecycle writer: every acknowledged revision is there; each rollback row
 * holds the routes of the revision before the change it reverted, each restore row those of the
 * revision it names; a pending record names the latest revision (a tentative change) and no
 * rollback or restore ever leaves one behind. Returns the next revision to check.
 */
function verifyLifecycle(dir: string, acked: number, from: number): number {
  const store = Store.open(dir);
  try {
    expect(store.integrityCheck()).toBe('ok');
    if (store.isEmpty) return from;
    expect(store.revision).toBeGreaterThanOrEqual(acked);
    const pending = store.pending();
    const latest = store.revisionInfo(store.revision);
    if (pending) {
      expect(pending.revision).toBe(store.revision);
      expect(pending.previous).toBe(store.revision - 1);
      expect(latest?.source).toBe('api');
    }
    for (let n = Math.max(2, from); n <= store.revision; n++) {
      const info = store.revisionInfo(n);
      expect(info).not.toBeNull();
      const restored = /^Restored revision (\d+)$/.exec(info?.summary ?? '');
      if (info?.source === 'rollback') {
        seen.rollback++;
        expect(routesOf(store, n)).toEqual(routesOf(store, n - 2));
      } else if (restored) {
        seen.restore++;
        expect(routesOf(store, n)).toEqual(routesOf(store, Number(restored[1])));
      }
    }
    return store.revision + 1;
  } finally {
    store.close();
  }
}

describe('crash safety', () => {
  it(`the store survives ${KILLS} SIGKILLs with every acknowledged revision`, {
    timeout: 600_000,
  }, async () => {
    let killsWhileWriting = 0;
    const lane = async (kills: number) => {
      const dir = mkdtempSync(join(workDir, 'lane-'));
      let acked = 0;
      for (let k = 0; k < kills; k++) {
        const run = await runAndKill(dir);
        const previous = acked;
        if (run.acks.length > 0) {
          killsWhileWriting++;
          // Acks are in order and continue where the last run stopped.
          expect(run.acks[0]).toBeGreaterThan(previous);
          acked = run.acks.at(-1) as number;
        }
        verify(dir, acked, previous + 1);
      }
      return acked;
    };
    const totals = await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        lane(Math.floor(KILLS / LANES) + (i < KILLS % LANES ? 1 : 0)),
      ),
    );
    expect(killsWhileWriting).toBeGreaterThan(KILLS / 2);
    expect(totals.reduce((a, b) => a + b, 0)).toBeGreaterThan(KILLS);
  });

  it(`restores and rollbacks survive ${LIFECYCLE_KILLS} SIGKILLs whole: the old or the new revision, never a mix`, {
    timeout: 600_000,
  }, async () => {
    const lane = async (kills: number) => {
      const dir = mkdtempSync(join(workDir, 'lifecycle-'));
      let acked = 0;
      let checked = 2;
      for (let k = 0; k < kills; k++) {
        const run = await runAndKill(dir, lifecycleBundle);
        if (run.acks.length > 0) acked = Math.max(acked, ...run.acks);
        checked = verifyLifecycle(dir, acked, checked);
      }
      return acked;
    };
    const totals = await Promise.all(
      Array.from({ length: LANES }, () => lane(Math.ceil(LIFECYCLE_KILLS / LANES))),
    );
    // Under load a run may be killed before it acknowledges much; the lanes still move on.
    expect(totals.reduce((a, b) => a + b, 0)).toBeGreaterThan(LIFECYCLE_KILLS / 4);
    expect(seen.rollback).toBeGreaterThan(0);
    expect(seen.restore).toBeGreaterThan(0);
  });

  it(`the server keeps every route it answered 201 across ${SERVER_KILLS} SIGKILLs`, {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(workDir, 'server-'));
    const password = 'Crash#Test1';
    const confirmed: string[] = [];
    let sequence = 0;
    for (let k = 0; k < SERVER_KILLS; k++) {
      const { child, url } = await startServer(dataDir, password);
      try {
        const cookie = await signIn(url, password);
        let stop = false;
        let firstConfirmed: () => void = () => undefined;
        const confirmedOnce = new Promise<void>((resolve) => {
          firstConfirmed = resolve;
        });
        const writer = async () => {
          while (!stop) {
            const n = sequence++;
            const prefix = `10.${(n >> 8) & 255}.${n & 255}.0/24`;
            try {
              const res = await fetch(`${url}/api/routes`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', cookie, origin: url },
                body: JSON.stringify({
                  interfaceAlias: 'Port1',
                  destinationPrefix: prefix,
                  nextHop: '192.168.100.1',
                }),
              });
              if (res.status === 201) {
                confirmed.push(prefix);
                firstConfirmed();
              } else if (!stop) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
            } catch (error) {
              if (!stop) throw error;
            }
          }
        };
        const writers = Array.from({ length: 4 }, writer);
        // Kill at a random moment once writes flow (the first requests warm the JIT up).
        const settled = Promise.all(writers).then(() => {
          if (!stop) throw new Error('the writers stopped before any route was confirmed');
        });
        settled.catch(() => undefined);
        await Promise.race([confirmedOnce, settled]);
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 300));
        stop = true;
        child.kill('SIGKILL');
        await Promise.allSettled(writers);
      } finally {
        child.kill('SIGKILL');
        await new Promise((r) =>
          child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r),
        );
      }
    }
    expect(confirmed.length).toBeGreaterThan(SERVER_KILLS);
    const store = Store.open(dataDir);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const stored = new Set(store.current.routes.map((r) => r.destinationPrefix));
      for (const prefix of confirmed) expect(stored.has(prefix), prefix).toBe(true);
    } finally {
      store.close();
    }
  });
});

async function startServer(
  dataDir: string,
  password: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '../src/server.ts')], {
    cwd: join(here, '..'),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      EDGENET_DATA_DIR: dataDir,
      EDGENET_INITIAL_PASSWORD: password,
      EDGENET_WEB_DIR: join(dataDir, 'no-web'),
      EDGENET_RATE_LIMIT: '0',
      EDGENET_SIGNIN_RATE_LIMIT: '0',
      EDGENET_SIGNIN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  return { child, url };
}

async function signIn(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] as string;
}
