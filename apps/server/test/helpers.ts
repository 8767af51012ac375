/**
 * Test helpers: a real app (real SQLite in a temporary directory, the simulated device, the whole
 * plugin stack) driven through `app.inject()`, and a signed-in client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ApplyArticleOptions,
  applyArticleScenario,
  type ScenarioSend,
} from '@edgenet/network-config/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type App, type BuildOptions, buildApp } from '../src/app';

/** A JSON answer in tests: its shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions themselves
export type Json = any;

export const ADMIN_PASSWORD = 'Edge#Net2024';

export interface TestApp {
  app: App;
  dataDir: string;
  close: () => Promise<void>;
}

export function tempDir(prefix = 'edgenet-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Fast test settings: instant jobs, cheap scrypt, no delays or rate limits, no logs. */
export const TEST_OPTIONS: BuildOptions = {
  webDir: null,
  logger: false,
  applyMs: 0,
  initialPassword: ADMIN_PASSWORD,
  scryptN: 2 ** 12,
  signInDelayMs: 0,
  rateLimitMax: 0,
  signInRateLimitMax: 0,
  // EDGENET_TEST_DRIVER=linux runs the same suites on network namespaces (root; see linux-env.ts).
  deviceDriver: process.env.EDGENET_TEST_DRIVER === 'linux' ? 'linux' : 'simulated',
  cleanNetworkOnClose: true,
};

export async function startApp(options: BuildOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDir();
  const app = await buildApp({ ...TEST_OPTIONS, ...options, dataDir });
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Send If-Match with this revision (number) or this raw header (string). */
  ifMatch?: number | string;
}

export interface Answer<T = Json> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  etag: string | undefined;
  revision: number | undefined;
}

export function answer<T>(res: LightMyRequestResponse): Answer<T> {
  const text = res.body;
  let body: unknown = text;
  if (text && /json/.test(String(res.headers['content-type']))) body = JSON.parse(text);
  const etag = res.headers.etag as string | undefined;
  return {
    status: res.statusCode,
    body: body as T,
    headers: res.headers,
    etag,
    revision: etag ? Number(etag.replaceAll('"', '')) : undefined,
  };
}

/** A client of one app, with a session cookie once signed in. */
export class Client {
  cookie: string | undefined;
  /** The app it calls: given to the constructor, or set by `appPerSuite` before the tests run. */
  app!: App;

  constructor(app?: App) {
    if (app) this.app = app;
  }

  async call<T = Json>(method: Method, url: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.ifMatch !== undefined) {
      headers['if-match'] =
        typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
    }
    const res = await this.app.inject({
      method,
      url,
      query: options.query,
      headers,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'edgenet_session');
    if (setCookie) this.cookie = setCookie.value ? `edgenet_session=${setCookie.value}` : undefined;
    return answer<T>(res);
  }

  get<T = Json>(url: string, options?: CallOptions) {
    return this.call<T>('GET', url, options);
  }
  post<T = Json>(url: string, body?: unknown, options: CallOptions = {}) {
    return this.call<T>('POST', url, { ...options, body });
  }
  put<T = Json>(url: string, body?: unknown, options: CallOptions = {}) {
    return this.call<T>('PUT', url, { ...options, body });
  }
  delete<T = Json>(url: string, options?: CallOptions) {
    return this.call<T>('DELETE', url, options);
  }

  async signIn(password = ADMIN_PASSWORD): Promise<Answer> {
    return this.post('/api/session', { password });
  }

  /** The current revision (ETag of GET /api/config). */
  async revision(): Promise<number> {
    const res = await this.get('/api/config');
    return res.revision as number;
  }
}

export async function signedIn(app: App, password = ADMIN_PASSWORD): Promise<Client> {
  const client = new Client(app);
  await signInOrThrow(client, password);
  return client;
}

async function signInOrThrow(client: Client, password = ADMIN_PASSWORD): Promise<void> {
  const res = await client.signIn(password);
  if (res.status !== 200)
    throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * One app for the enclosing `describe` (or file) and a client signed in to it: built before its
 * tests (vitest runs `beforeAll` hooks in order, so a later `beforeAll` may set up on it), closed
 * after them. `t` and `c` are usable in tests and hooks, not at collection time.
 */
export function appPerSuite(options: BuildOptions = {}): { t: TestApp; c: Client } {
  let app: TestApp | undefined;
  const started = (): TestApp => {
    if (!app) throw new Error('appPerSuite: the app is built in beforeAll; use it in tests');
    return app;
  };
  const c = new Client();
  const t: TestApp = {
    get app() {
      return started().app;
    },
    get dataDir() {
      return started().dataDir;
    },
    close: () => started().close(),
  };
  beforeAll(async () => {
    app = await startApp(options);
    c.app = app.app;
    await signInOrThrow(c);
  });
  afterAll(async () => {
    await app?.close();
  });
  return { t, c };
}

/** Polls a job until it leaves `running`. */
export async function waitForJob(client: Client, id: string, timeoutMs = 10_000): Promise<Json> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/jobs/${id}`);
    if (res.status !== 200) throw new Error(`job ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.state !== 'running') return res.body;
    if (Date.now() > until) throw new Error(`job ${id} still running`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The client as `@edgenet/network-config/testing`'s scenario helpers call it. */
export function scenarioSend(client: Client): ScenarioSend {
  return (method, url, body, ifMatch) => client.call(method, url, { body, ifMatch });
}

/** The source article's set-up through the API: Port3 static, compute applied on it. */
export function configureArticle(client: Client, options?: ApplyArticleOptions): Promise<number> {
  return applyArticleScenario(scenarioSend(client), options);
}
