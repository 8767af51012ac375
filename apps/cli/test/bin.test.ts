/** The installed entry point: the launcher must work from any directory, with no server. */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/edgenet-ps.js', import.meta.url));

function edgenetPs(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
}

describe('bin/edgenet-ps.js', () => {
  it('prints the usage with --help, from another directory', () => {
    const result = edgenetPs(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^edgenet-ps — /);
    for (const text of [
      '--url <url>',
      '--password',
      '--file',
      '--continue-on-error',
      '--locale',
      '--json',
      'Add-HcsNetRoute',
      'kubectl get',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  it('refuses an unknown option with status 2', () => {
    const result = edgenetPs(['--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'edgenet-ps: unknown option --frobnicate.\nRun "edgenet-ps --help" for usage.\n',
    );
  });

  it('reports an unreachable server as an error record, without a stack trace', () => {
    const result = edgenetPs(['Get-HcsNetRoute'], {
      EDGENET_URL: 'http://127.0.0.1:9',
      EDGENET_PASSWORD: 'x',
      EDGENET_SESSION_FILE: `${tmpdir()}/edgenet-bin-test-session.json`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Get-HcsNetRoute : Cannot connect to the edgenet server at http:\/\/127\.0\.0\.1:9/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
