/**
 * What the command-line tests against a real server share: running `edgenet-ps` as a user would
 * (its own process, a session file of its own, no colours) and a signed-in JSON client of the same
 * server to check the outcome through the API.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createContractChecker } from '@edgenet/network-config/contract/check';
import {
  createApiClient,
  fetchTransport,
  type TypedApiClient,
} from '@edgenet/network-config/contract/client';
import type { RunningServer } from '@edgenet/server/testing';

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
