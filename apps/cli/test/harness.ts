/**
 * What the command-line tests against a real server share: running `edgenet-ps` as a user would
 * (its own process, a session file of its own, no colours) and a signed-in JSON client of the same
 * server to check the outcome through the API.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContractChecker } from '@edgenet/network-config/contract/check';
import {
  createApiClient,
  fetchTransport,
  type TypedApiClient,
} from '@edgenet/network-config/contract/client';
import { ARTICLE_PORT3 } from '@edgenet/network-config/testing';
import { type RunningServer, type ServerOptions, startServer } from '@edgenet/server/testing';
import { expect } from 'vitest';

export const EDGENET_PS = fileURLToPath(new URL('../bin/edgenet-ps.js', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `edgenet-ps` with `args` against `server`, keeping its session in `sessionFile`. */
export function runEdgenetPs(
  server: RunningServer,
  sessionFile: string,
  args: string[],
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [EDGENET_PS, ...args], {
      env: {
        ...process.env,
        NO_COLOR: '1',
        EDGENET_URL: server.url,
        EDGENET_PASSWORD: server.password,
        EDGENET_SESSION_FILE: sessionFile,
        LANG: 'en_US.UTF-8',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A signed-in typed client of `server`: the contract's client over fetch, every answer checked
 * against the endpoint table (answers typed by it, so no answer type is written here).
 */
export async function signedInApi(server: RunningServer): Promise<TypedApiClient> {
  const check = createContractChecker();
  const headers = { origin: server.url };
  const anonymous = createApiClient(fetchTransport(fetch, server.url, { headers }), { check });
  const signIn = await anonymous.call('signIn', { body: { password: server.password } });
  const cookie = (signIn.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  return createApiClient(fetchTransport(fetch, server.url, { headers: { ...headers, cookie } }), {
    check,
  });
}

/** A real server, a session directory of the CLI's own and a signed-in client of the server. */
export interface CliSession {
  server: RunningServer;
  /** Where the session file lives; tests may write their scripts and manifests here too. */
  sessionDir: string;
  api: TypedApiClient;
  /** Runs one line with `-c`, so the quotes reach the parser as written. */
  edgenetPs(line: string, extra?: string[]): Promise<Run>;
  /** Stops the server and removes the session directory. */
  stop(): Promise<void>;
}

/** Starts the server with `options` and prepares a CLI session against it (a suite's set-up). */
export async function startCliSession(options: ServerOptions): Promise<CliSession> {
  const server = await startServer(options);
  const sessionDir = await mkdtemp(join(tmpdir(), 'edgenet-cli-test-'));
  const api = await signedInApi(server);
  return {
    server,
    sessionDir,
    api,
    edgenetPs: (line, extra = []) =>
      runEdgenetPs(server, join(sessionDir, 'session.json'), [
        ...extra,
        ...(line === '' ? [] : ['-c', line]),
      ]),
    async stop() {
      await server.stop();
      await rm(sessionDir, { recursive: true, force: true });
    },
  };
}

/** Sets Port3 static as in the source article (192.168.20.10/24) through `api`; it must be taken. */
export async function putArticlePort3(api: TypedApiClient): Promise<void> {
  const config = await api.call('getConfig');
  const port = await api.call('updatePort', {
    params: { name: 'Port3' },
    body: ARTICLE_PORT3,
    ifMatch: config.data.revision,
  });
  expect(port.status).toBe(200);
}
