/**
 * What the command-line tests against a real server share: running `edgenet-ps` as a user would
 * (its own process, a session file of its own, no colours) and a signed-in JSON client of the same
 * server to check the outcome through the API.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/** A JSON answer in tests: its shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the tests' assertions
export type Json = any;

export type ApiCall = (
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: number,
) => Promise<{ status: number; body: Json }>;

/** A signed-in JSON client of `server` (If-Match as a revision number). */
export async function signedInApi(server: RunningServer): Promise<ApiCall> {
  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ password: server.password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async (method, path, body, ifMatch) => {
    const headers: Record<string, string> = { cookie, origin: server.url };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}
