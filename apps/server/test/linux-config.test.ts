/**
 * Choosing the Linux driver: without namespace rights the server refuses it at start-up with one
 * clear line (and stays on the simulated device by default). Runs anywhere, root or not.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../src/config';
import { capableOfNamespaces } from '../src/driver/linux/capability';
import { namespacePrefix } from '../src/driver/linux/linux-device';

const ROOT_STATUS = 'Name:\tnode\nCapEff:\t000001ffffffffff\n';
const USER_STATUS = 'Name:\tnode\nCapEff:\t0000000000000000\n';
// CAP_NET_ADMIN alone (bit 12) is not enough: `ip netns add` mounts (CAP_SYS_ADMIN, bit 21).
const NET_ADMIN_ONLY = 'CapEff:\t0000000000001000\n';

describe('EDGENET_DRIVER', () => {
  it('reads the effective capabilities', () => {
    expect(capableOfNamespaces(ROOT_STATUS)).toBe(true);
    expect(capableOfNamespaces(USER_STATUS)).toBe(false);
    expect(capableOfNamespaces(NET_ADMIN_ONLY)).toBe(false);
    expect(capableOfNamespaces('no such line')).toBe(false);
  });

  it('defaults to the simulated device and refuses linux without the rights', () => {
    expect(optionsFromEnv({}, false, () => false).deviceDriver).toBe('simulated');
    expect(optionsFromEnv({ EDGENET_DRIVER: 'linux' }, false, () => true).deviceDriver).toBe(
      'linux',
    );
    expect(() => optionsFromEnv({ EDGENET_DRIVER: 'linux' }, false, () => false)).toThrow(
      /EDGENET_DRIVER=linux needs root \(CAP_NET_ADMIN/,
    );
    expect(() => optionsFromEnv({ EDGENET_DRIVER: 'kvm' })).toThrow(
      /EDGENET_DRIVER=kvm: expected simulated or linux/,
    );
  });

  it('gives two data directories two namespace prefixes that fit interface-name limits', () => {
    const a = namespacePrefix('/tmp/edgenet-a');
    const b = namespacePrefix('/tmp/edgenet-b');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^en[0-9a-f]{6}$/);
    expect(namespacePrefix('/tmp/edgenet-a')).toBe(a);
  });

  it.skipIf(process.getuid?.() !== 0 || spawnSync('setpriv', ['--help']).status !== 0)(
    'the server started as an unprivileged user says so in one line and exits',
    () => {
      const repo = fileURLToPath(new URL('../../../', import.meta.url));
      const result = spawnSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--import',
          'tsx',
          join(repo, 'apps/server/src/server.ts'),
        ],
        {
          cwd: repo,
          env: { ...process.env, EDGENET_DRIVER: 'linux', EDGENET_DATA_DIR: '/nonexistent' },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^edgenet: EDGENET_DRIVER=linux needs root/),
      ]);
    },
    40_000,
  );
});
