/**
 * The exported PowerShell script replayed by the real `edgenet-ps -f` against a fresh real server
 * (a child process with its own SQLite data directory) gives the same configuration document;
 * `--export` and `--import` work over the same API as the Routes page.
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@edgenet/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putArticlePort3, type Run, runEdgenetPs, signedInApi } from './harness';

let source: RunningServer;
let target: RunningServer;
let dir: string;

function edgenetPs(server: RunningServer, args: string[]): Promise<Run> {
  return runEdgenetPs(server, join(dir, 'session.json'), args);
}

const apiOf = signedInApi;

async function document(server: RunningServer) {
  const api = await apiOf(server);
  const { revision: _revision, ...doc } = (await api.call('getConfig')).data;
  return doc;
}

beforeAll(async () => {
  [source, target] = await Promise.all([startServer({ applyMs: 0 }), startServer({ applyMs: 0 })]);
  dir = await mkdtemp(join(tmpdir(), 'edgenet-cli-exchange-'));
  for (const server of [source, target]) {
    const api = await apiOf(server);
    await putArticlePort3(api);
  }
  // The source's plan: non-default cluster CIDRs (compute not enabled yet) and three routes.
  const api = await apiOf(source);
  const rev = (await api.call('getConfig')).data.revision;
  const saved = await api.call('updateCompute', {
    body: {
      computePort: null,
      nodeIpRange: null,
      serviceIpRange: null,
      podCidr: '10.96.0.0/16',
      serviceCidr: '10.97.0.0/16',
    },
    ifMatch: rev,
  });
  expect(saved.status).toBe(200);
  for (const [destinationPrefix, routeMetric] of [
    ['192.168.21.0/24', 100],
    ['10.128.0.0/16', 256],
    ['10.0.5.7', 5],
  ] as const) {
    const add = await api.call('addRoute', {
      body: { interfaceAlias: 'Port3', destinationPrefix, nextHop: '192.168.20.1', routeMetric },
    });
    expect(add.status).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('edgenet-ps --export ps1, replayed with edgenet-ps -f on a fresh device', () => {
  it('gives the same configuration document', async () => {
    const file = join(dir, 'plan.ps1');
    const exported = await edgenetPs(source, ['--export', 'ps1', '--out', file]);
    expect(exported.status, exported.stderr).toBe(0);
    const script = await readFile(file, 'utf8');
    expect(script).toMatch(/^Set-HcsKubeClusterNetworkInfo -PodSubnet "10\.96\.0\.0\/16"/m);
    expect(script.match(/^Add-HcsNetRoute /gm)).toHaveLength(3);

    const replay = await edgenetPs(target, ['-f', file]);
    expect(replay.status, replay.stderr).toBe(0);
    expect(await document(target)).toEqual(await document(source));
  }, 60_000);
});

describe('edgenet-ps --import', () => {
  it('--dry-run prints the preview per line and changes nothing', async () => {
    const file = join(dir, 'more.csv');
    await writeFile(file, '# more routes\r\nPort3,10.200.0.0/16,192.168.20.1,7\r\n');
    const before = await document(target);
    const run = await edgenetPs(target, ['--import', file, '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^\s+2 add\s+Port3 10\.200\.0\.0\/16 via 192\.168\.20\.1 metric 7$/m,
    );
    expect(await document(target)).toEqual(before);
  }, 60_000);

  it('a bad line: its number and why, exit status 1, nothing applied', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'Port3,10.201.0.0/16,192.168.20.1\nPort3,10.202.0.5/16,192.168.20.1\n');
    const before = await document(target);
    const run = await edgenetPs(target, ['--import', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+2 add .*\n\s+error: .*Did you mean 10\.202\.0\.0\/16\?/m);
    expect(await document(target)).toEqual(before);
  }, 60_000);

  it('applies a file as one change, and --export json imports back with nothing to change', async () => {
    const file = join(dir, 'more.csv');
    const api = await apiOf(target);
    const rev = (await api.call('getConfig')).data.revision;
    const run = await edgenetPs(target, ['--import', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Applied as revision ${rev + 1}.`);

    const json = join(dir, 'target.json');
    expect((await edgenetPs(target, ['--export', 'json', '--out', json])).status).toBe(0);
    const again = await edgenetPs(target, ['--import', json, '--mode', 'replace']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Nothing to change.');
  }, 60_000);
});
