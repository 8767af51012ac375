/**
 * Starts the real edgenet server — the same entry point `npm start` runs — in a child process, with a fresh data
 * directory on a free loopback port, and stops it afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDefaultDevice,
  type DeviceConfig,
  hasErrors,
  validateDevice,
} from '@edgenet/network-config';
import { withArticleScenario } from '@edgenet/network-config/testing';
import { createInitialAccount } from '../src/auth/auth-service';
import { Store } from '../src/store/store';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER_ENTRY = join(REPO, 'apps/server/src/server.ts');
const COMPILED_ENTRY = join(REPO, 'apps/server/dist/server.js');

export interface ServerOptions {
  /** A data directory prepared with `seedDevice` (removed on stop); default: a fresh one. */
  dataDir?: string;
  /** Set a password at first start (no forced change); null keeps the factory `Password1`. */
  initialPassword?: string | null;
  /** Simulated compute apply duration. */
  applyMs?: number;
  kiosk?: boolean;
  nodeCount?: 1 | 2;
  sessionIdleSeconds?: number;
  /** EDGENET_FIRMWARE (SPEC §8); the server's default (2021) when absent. */
  firmware?: '2021' | '2023';
  /** The device driver; `linux` needs root and removes its namespaces when the server stops. */
  driver?: 'simulated' | 'linux';
  /** Seconds to confirm a tentative change (EDGENET_CONFIRM_SECONDS); default the server's. */
  confirmSeconds?: number;
}

export interface RunningServer {
  url: string;
  dataDir: string;
  password: string;
  /** The server process's id (for memory figures in benchmarks). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export const TEST_PASSWORD = 'Edge-net2026';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`edgenet server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`edgenet server did not answer /api/health within 30 s:\n${log()}`);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'edgenet-test-')));
  const port = await freePort();
  const initialPassword =
    options.initialPassword === undefined ? TEST_PASSWORD : options.initialPassword;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EDGENET_DATA_DIR: dataDir,
    EDGENET_WEB_DIR: join(REPO, 'apps/web/dist'),
    EDGENET_APPLY_MS: String(options.applyMs ?? 1500),
    EDGENET_NODE_COUNT: String(options.nodeCount ?? 1),
    EDGENET_KIOSK: options.kiosk ? 'true' : 'false',
    EDGENET_SIGNIN_DELAY_MS: '0',
    LOG_LEVEL: 'warn',
    // A cheap password hash (scrypt N = 2^12, as the in-process tests use): the suites start a
    // server per test and sign in several times each; OWASP's 2^17 cost ~1 s each on CI.
    EDGENET_SCRYPT_LOG2N: process.env.EDGENET_SCRYPT_LOG2N ?? '12',
  };
  if (options.firmware) env.EDGENET_FIRMWARE = options.firmware;
  else delete env.EDGENET_FIRMWARE;
  if (initialPassword) env.EDGENET_INITIAL_PASSWORD = initialPassword;
  else delete env.EDGENET_INITIAL_PASSWORD;
  if (options.driver === 'linux') {
    env.EDGENET_DRIVER = 'linux';
    env.EDGENET_NET_CLEAN_ON_EXIT = 'true';
  }
  if (options.sessionIdleSeconds)
    env.EDGENET_SESSION_IDLE_SECONDS = String(options.sessionIdleSeconds);
  if (options.confirmSeconds) env.EDGENET_CONFIRM_SECONDS = String(options.confirmSeconds);
  // The browser suite runs the compiled server that `npm start` runs (`npm run build` comes
  // first there); other suites run the TypeScript source, so they never test a stale build.
  const entry =
    process.env.EDGENET_TEST_SERVER === 'compiled'
      ? [COMPILED_ENTRY]
      : ['--import', 'tsx', SERVER_ENTRY];
  const child = spawn(process.execPath, entry, {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    dataDir,
    password: initialPassword ?? 'Password1',
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The source article's device — Port3 static on 192.168.20.0/24, compute Configured on it — with
 * `routeCount` distinct custom routes on Port3 (benchmarks need thousands without adding them one
 * revision at a time).
 */
export function scenarioDevice(routeCount: number): DeviceConfig {
  const base = withArticleScenario(createDefaultDevice());
  return {
    ...base,
    // Port3 cabled, as on the article's device.
    ports: base.ports.map((p) =>
      p.name === 'Port3' ? { ...p, link: { connected: true, speedGbps: 25 } } : p,
    ),
    // The first 65,536 routes are the /24s of 10.0.0.0/8; the next ones their upper /25 halves.
    routes: Array.from({ length: routeCount }, (_, i) => ({
      interfaceAlias: 'Port3',
      destinationPrefix:
        i < 65_536
          ? `10.${(i >> 8) & 255}.${i & 255}.0/24`
          : `10.${(i >> 8) & 255}.${i & 255}.128/25`,
      nextHop: '192.168.20.1',
      routeMetric: 100 + (i % 50),
    })),
  };
}

/** Stores `device` as the first revision of a new data directory, with `password` set. */
export async function seedDevice(
  dataDir: string,
  device: DeviceConfig,
  password: string,
): Promise<void> {
  const issues = validateDevice(device);
  if (hasErrors(issues)) {
    throw new Error(`the seeded device is invalid: ${JSON.stringify(issues.slice(0, 3))}`);
  }
  const store = Store.open(dataDir);
  store.initialize({ document: device, account: await createInitialAccount(password, 2 ** 17) });
  store.close();
}
