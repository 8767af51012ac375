/**
 * Server options: defaults, and their reading from environment variables (documented in
 * apps/server/README.md). `buildApp` takes `AppOptions`; `server.ts` builds them from the
 * environment with `optionsFromEnv`, tests pass them directly.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FIRMWARE_GENERATIONS,
  type FirmwareGeneration,
  type NodeCount,
  SKU_IDS,
  type SkuId,
} from '@edgenet/network-config';
import { processCanBuildNamespaces } from './driver/linux/capability';
import { parseAllowedHosts } from './http/host-check';

export interface AppOptions {
  /** Directory of the SQLite database (created when missing). */
  dataDir: string;
  /** The built web app to serve; null or a missing directory serves a "run the build" page. */
  webDir: string | null;
  /** Device identity, used only when the store is created (the stored device wins afterwards). */
  sku: SkuId;
  nodeCount: NodeCount;
  deviceName: string;
  /** Total duration of a simulated compute apply; 0 = instant. */
  applyMs: number;
  /** Makes the simulated apply fail at this step (tests, demos). */
  failStep: string | null;
  /** Password set at first start with no forced change; null = `Password1`, forced change. */
  initialPassword: string | null;
  kiosk: boolean;
  sessionIdleSeconds: number;
  /** Absolute lifetime of a session, whatever its activity. */
  sessionMaxSeconds: number;
  /** Sessions kept at most (the oldest is evicted). */
  sessionMaxCount: number;
  /** Consecutive failed sign-ins before a lockout, and its length. */
  lockoutThreshold: number;
  lockoutSeconds: number;
  /** Base delay of the reply to a failed sign-in, doubled per consecutive failure (capped). */
  signInDelayMs: number;
  /** Failed sign-ins per minute from all sources before every sign-in is slowed; 0 disables. */
  signInGlobalCeiling: number;
  /** How long every sign-in waits past that ceiling. */
  signInGlobalDelayMs: number;
  /** Requests per minute per client address; 0 disables the limit. */
  rateLimitMax: number;
  /** Sign-in attempts (POST /api/session) per minute per client address; 0 disables. */
  signInRateLimitMax: number;
  bodyLimit: number;
  /** The whole request (headers and body) must arrive within this; its headers within the other. */
  requestTimeoutSeconds: number;
  headersTimeoutSeconds: number;
  /** Host names the console answers to besides localhost and its own addresses. */
  allowedHosts: string[];
  /** Fastify's `trustProxy`: false, true, or the proxies' addresses (comma-separated). */
  trustProxy: boolean | string;
  /** scrypt cost N for new password hashes (OWASP: 2^17). Lower only in tests. */
  scryptN: number;
  logLevel: string;
  /** Pretty logs (a terminal) or JSON lines; false disables logging (tests). */
  logger: 'pretty' | 'json' | false;
  /** Seconds to confirm a tentative change before it rolls back (SPEC §7.2). */
  confirmSeconds: number;
  /** The simulated firmware generation (SPEC §8): `2021` Compute page, `2023` split pages. */
  firmware: FirmwareGeneration;
  /** The device driver: the in-memory simulation (default) or Linux namespaces (root). */
  deviceDriver: 'simulated' | 'linux';
  /** Linux driver: remove its namespaces when the app closes (tests). */
  cleanNetworkOnClose: boolean;
}

/** The repository's root, from this file's place (apps/server/src). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const DEFAULT_OPTIONS: AppOptions = {
  dataDir: resolve(process.cwd(), 'data'),
  webDir: resolve(REPO_ROOT, 'apps/web/dist'),
  sku: 'pro-gpu',
  nodeCount: 1,
  deviceName: 'edgenet-device',
  applyMs: 6000,
  failStep: null,
  initialPassword: null,
  kiosk: false,
  sessionIdleSeconds: 15 * 60,
  sessionMaxSeconds: 12 * 3600,
  sessionMaxCount: 32,
  lockoutThreshold: 5,
  lockoutSeconds: 5 * 60,
  signInDelayMs: 250,
  signInGlobalCeiling: 60,
  signInGlobalDelayMs: 1000,
  rateLimitMax: 2000,
  signInRateLimitMax: 30,
  bodyLimit: 64 * 1024,
  requestTimeoutSeconds: 30,
  headersTimeoutSeconds: 10,
  allowedHosts: [],
  trustProxy: false,
  scryptN: 2 ** 17,
  logLevel: 'info',
  logger: 'json',
  confirmSeconds: 120,
  firmware: '2021',
  deviceDriver: 'simulated',
  cleanNetworkOnClose: false,
};

export function resolveOptions(partial: Partial<AppOptions> = {}): AppOptions {
  const options = { ...DEFAULT_OPTIONS, ...partial };
  // Node refuses a headers timeout longer than the request timeout.
  options.headersTimeoutSeconds = Math.min(
    options.headersTimeoutSeconds,
    options.requestTimeoutSeconds,
  );
  return options;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number) {
  const text = env[key];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key}=${text}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, key: string): boolean {
  const text = (env[key] ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  throw new ConfigError(`${key}=${env[key]}: expected true or false`);
}

/** `EDGENET_TRUST_PROXY`: unset/false, true, or the proxies' addresses (e.g. `127.0.0.1`). */
function trustProxy(env: NodeJS.ProcessEnv): boolean | string {
  const text = (env.EDGENET_TRUST_PROXY ?? '').trim();
  if (['', '0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(text.toLowerCase())) return true;
  return text;
}

/**
 * Reads the options from the environment. Relative paths resolve against the directory the user
 * ran npm from (`INIT_CWD`), not the workspace npm switches to, so `./data` is the repo's.
 */
export function optionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  isTty = false,
  canBuildNamespaces: () => boolean = processCanBuildNamespaces,
): AppOptions {
  const base = env.INIT_CWD || process.cwd();
  const path = (value: string) => (isAbsolute(value) ? value : resolve(base, value));
  const sku = (env.EDGENET_SKU || DEFAULT_OPTIONS.sku) as SkuId;
  if (!SKU_IDS.includes(sku)) {
    throw new ConfigError(`EDGENET_SKU=${env.EDGENET_SKU}: expected one of ${SKU_IDS.join(', ')}`);
  }
  const firmware = (env.EDGENET_FIRMWARE || DEFAULT_OPTIONS.firmware) as FirmwareGeneration;
  if (!FIRMWARE_GENERATIONS.includes(firmware)) {
    throw new ConfigError(
      `EDGENET_FIRMWARE=${env.EDGENET_FIRMWARE}: expected one of ${FIRMWARE_GENERATIONS.join(', ')}`,
    );
  }
  return resolveOptions({
    firmware,
    dataDir: path(env.EDGENET_DATA_DIR || 'data'),
    webDir: env.EDGENET_WEB_DIR ? path(env.EDGENET_WEB_DIR) : DEFAULT_OPTIONS.webDir,
    sku,
    nodeCount: int(env, 'EDGENET_NODE_COUNT', 1, 1, 2) as NodeCount,
    deviceName: env.EDGENET_DEVICE_NAME || DEFAULT_OPTIONS.deviceName,
    applyMs: int(env, 'EDGENET_APPLY_MS', DEFAULT_OPTIONS.applyMs, 0, 10 * 60_000),
    failStep: env.EDGENET_FAIL_STEP || null,
    initialPassword: env.EDGENET_INITIAL_PASSWORD || null,
    kiosk: bool(env, 'EDGENET_KIOSK'),
    sessionIdleSeconds: int(env, 'EDGENET_SESSION_IDLE_SECONDS', 15 * 60, 10, 7 * 24 * 3600),
    sessionMaxSeconds: int(env, 'EDGENET_SESSION_MAX_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    sessionMaxCount: int(env, 'EDGENET_SESSION_MAX_COUNT', 32, 1, 10_000),
    lockoutThreshold: int(env, 'EDGENET_LOCKOUT_THRESHOLD', 5, 1, 1000),
    lockoutSeconds: int(env, 'EDGENET_LOCKOUT_SECONDS', 300, 1, 24 * 3600),
    signInDelayMs: int(env, 'EDGENET_SIGNIN_DELAY_MS', 250, 0, 10_000),
    signInGlobalCeiling: int(env, 'EDGENET_SIGNIN_GLOBAL_CEILING', 60, 0, 1e6),
    signInGlobalDelayMs: int(env, 'EDGENET_SIGNIN_GLOBAL_DELAY_MS', 1000, 0, 10_000),
    rateLimitMax: int(env, 'EDGENET_RATE_LIMIT', DEFAULT_OPTIONS.rateLimitMax, 0, 1e9),
    signInRateLimitMax: int(env, 'EDGENET_SIGNIN_RATE_LIMIT', 30, 0, 1e9),
    confirmSeconds: int(env, 'EDGENET_CONFIRM_SECONDS', 120, 1, 24 * 3600),
    requestTimeoutSeconds: int(env, 'EDGENET_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600),
    headersTimeoutSeconds: int(env, 'EDGENET_HEADERS_TIMEOUT_SECONDS', 10, 1, 3600),
    allowedHosts: parseAllowedHosts(env.EDGENET_ALLOWED_HOSTS),
    trustProxy: trustProxy(env),
    logLevel: env.LOG_LEVEL || 'info',
    logger: isTty ? 'pretty' : 'json',
    deviceDriver: driverFromEnv(env, canBuildNamespaces),
    cleanNetworkOnClose: bool(env, 'EDGENET_NET_CLEAN_ON_EXIT'),
    // Test harnesses only (ours): each hash at OWASP's 2^17 costs ~0.3-1 s of CPU, paid at every
    // start and sign-in of the hundred servers the browser and CLI suites start.
    scryptN: 2 ** int(env, 'EDGENET_SCRYPT_LOG2N', Math.log2(DEFAULT_OPTIONS.scryptN), 12, 20),
  });
}

function driverFromEnv(env: NodeJS.ProcessEnv, canBuildNamespaces: () => boolean) {
  const driver = (env.EDGENET_DRIVER || 'simulated').trim().toLowerCase();
  if (driver !== 'simulated' && driver !== 'linux') {
    throw new ConfigError(`EDGENET_DRIVER=${env.EDGENET_DRIVER}: expected simulated or linux`);
  }
  if (driver === 'linux' && !canBuildNamespaces()) {
    throw new ConfigError(
      'EDGENET_DRIVER=linux needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) to build network namespaces; run as root, or leave EDGENET_DRIVER unset for the simulated device',
    );
  }
  return driver;
}
