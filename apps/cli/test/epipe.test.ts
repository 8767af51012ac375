/**
 * `edgenet-ps … Get-HcsNetRoute | head` (issue 11 item 8): when the reader closes the pipe early
 * the CLI stops quietly with status 0, as other command-line tools do — no Node stack trace (EPIPE).
 * A real pipe, closed by the reader after the first chunk, against the real server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type RunningServer,
  scenarioDevice,
  seedDevice,
  startServer,
  TEST_PASSWORD,
} from '@edgenet/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/edgenet-ps.js', import.meta.url));
let server: RunningServer;
let sessionDir: string;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgenet-epipe-data-'));
  // Thousands of routes: the table is far larger than a pipe's buffer (64 KiB on Linux).
  await seedDevice(dataDir, scenarioDevice(1500), TEST_PASSWORD);
  server = await startServer({ dataDir, applyMs: 0 });
  sessionDir = await mkdtemp(join(tmpdir(), 'edgenet-epipe-'));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (sessionDir) await rm(sessionDir, { recursive: true, force: true });
});

describe('a pipe closed early', () => {
  it('Get-HcsNetRoute | head -2: exits 0 without a stack trace', () => {
    // A shell pipeline, as a user types it: `head` exits after one line and closes the pipe.
    const result = spawnSync(
      'bash',
      ['-c', `"$NODE" "$BIN" Get-HcsNetRoute | head -2; echo "status=\${PIPESTATUS[0]}" >&2`],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          NODE: process.execPath,
          BIN: bin,
          NO_COLOR: '1',
          EDGENET_URL: server.url,
          EDGENET_PASSWORD: TEST_PASSWORD,
          EDGENET_SESSION_FILE: join(sessionDir, 'session.json'),
        },
      },
    );
    expect(result.stdout).toMatch(/InterfaceAlias\s+DestinationPrefix/);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at |Error/);
    expect(result.stderr.trim()).toBe('status=0');
  }, 60_000);
});
