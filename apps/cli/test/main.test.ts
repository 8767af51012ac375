/** edgenet-ps in-process: modes, exit status and streams, against the stub server. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/main';
import { capture, input } from './io';
import { type Stub, startStub } from './stub-server';

let stub: Stub;
let dir: string;

beforeEach(async () => {
  stub = await startStub();
  dir = mkdtempSync(join(tmpdir(), 'edgenet-cli-'));
});

afterEach(async () => {
  await stub.close();
});

async function cli(argv: string[], stdinText?: string, env: Record<string, string> = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await run(argv, {
    env: {
      EDGENET_URL: stub.url,
      EDGENET_PASSWORD: 'Secret#123',
      EDGENET_SESSION_FILE: join(dir, 'session.json'),
      ...env,
    },
    stdin: input(stdinText),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('edgenet-ps', () => {
  it('runs one cmdlet from its arguments', async () => {
    const result = await cli([
      'Add-HcsNetRoute',
      '-InterfaceAlias',
      'Port3',
      '-DestinationPrefix',
      '192.168.20.0/24',
      '-NextHop',
      '192.168.20.1',
      '-RouteMetric',
      '100',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('RouteMetric       : 100');
    const post = stub.requests.find((r) => r.method === 'POST' && r.url === '/api/routes');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      interfaceAlias: 'Port3',
      destinationPrefix: '192.168.20.0/24',
      nextHop: '192.168.20.1',
      routeMetric: 100,
    });
  });

  it('writes JSON on stdout with --json, errors on stderr, and fails with 1', async () => {
    const ok = await cli(['--json', 'Get-HcsNetRoute']);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    const bad = await cli(['Get-HcsNetRoute', '-Bogus']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain(
      "A parameter cannot be found that matches parameter name 'Bogus'.",
    );
  });

  it('runs one line with -c, quotes and all', async () => {
    const result = await cli([
      '-c',
      'Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0/24" -NextHop "192.168.20.1" -RouteMetric 100',
    ]);
    expect(result.code).toBe(0);
  });

  it('runs a script from stdin, stopping at the first error', async () => {
    const result = await cli(
      [],
      'Get-HcsApplianceInfo\n# a comment\nGet-Nothing\nGet-HcsApplianceInfo\n',
    );
    expect(result.code).toBe(1);
    expect(result.stdout.match(/FriendlyName/g)).toHaveLength(1);
    expect(result.stderr).toContain('At line:3 char:1');
  });

  it('goes on with --continue-on-error, still failing with 1', async () => {
    const result = await cli(['--continue-on-error'], 'Get-Nothing\nGet-HcsApplianceInfo\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FriendlyName');
  });

  it('runs a script file, naming it in error positions', async () => {
    const path = join(dir, 'routes.ps1');
    writeFileSync(path, 'Get-HcsNetRoute\nGet-HcsNetRoute -Nope\n');
    const result = await cli(['--file', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`At ${path}:2 char:17`);
  });

  it('says when a script file cannot be read, with status 2', async () => {
    const result = await cli(['-f', join(dir, 'missing.ps1')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^edgenet-ps: cannot read the script/);
  });

  it('speaks Japanese with --locale ja', async () => {
    const result = await cli(['--locale', 'ja', 'Get-HcsNetRoute', '-Bogus']);
    expect(result.stderr).toContain(
      "パラメーター名 'Bogus' に一致するパラメーターが見つかりません。",
    );
  });

  it('cannot ask for a password without a terminal, and says what to do', async () => {
    const result = await cli(['Get-HcsNetRoute'], undefined, { EDGENET_PASSWORD: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pass --password or set EDGENET_PASSWORD');
  });

  it('signs out', async () => {
    await cli(['Get-HcsNetRoute']);
    expect((await cli(['--sign-out'])).stdout).toBe(`Signed out of ${stub.url}.\n`);
    expect((await cli(['--sign-out'])).stdout).toBe(`No saved session for ${stub.url}.\n`);
  });
});
