/**
 * Network namespaces for tests that hold the core against the Linux kernel. Everything lives in
 * namespaces this module creates, named with a prefix unique to the process; nothing is connected
 * to the host's interfaces (veth pairs have both ends inside the namespace). Every `ip` call goes
 * through the Linux driver's own iproute2 module (src/driver/linux/ip.ts).
 */
import { spawnSync } from 'node:child_process';
import {
  type BatchLine,
  ip,
  ipBatch,
  ipBatchEach,
  listNamespaces,
} from '../../src/driver/linux/ip';

/** Every namespace name starts with this; the pid part tells a stale one from a live run's. */
export const NETNS_PREFIX = 'edgenet-kdiff-';

export type { BatchLine };

function ipSync(args: string[]) {
  return spawnSync('ip', args, { encoding: 'utf8' });
}

/** Why the kernel test cannot run here, or null when it can (decided before the suite, so sync). */
export function kernelSkipReason(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return 'not root: network namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN (run as root, as CI does)';
  const version = ipSync(['-V']);
  if (version.error || version.status !== 0)
    return 'iproute2 (`ip`) is not installed (apt-get install iproute2)';
  const probe = `${NETNS_PREFIX}probe-${process.pid}`;
  const add = ipSync(['netns', 'add', probe]);
  if (add.status !== 0) return `\`ip netns add\` failed: ${add.stderr.trim()}`;
  const veth = ipSync(['-n', probe, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1']);
  ipSync(['netns', 'del', probe]);
  if (veth.status !== 0) return `veth interfaces are not available: ${veth.stderr.trim()}`;
  return null;
}

/** Removes namespaces left by earlier runs whose process is gone (a run killed mid-way). */
export async function removeStaleNamespaces(): Promise<void> {
  for (const name of await listNamespaces()) {
    if (!name.startsWith(NETNS_PREFIX)) continue;
    const pid = Number(name.slice(NETNS_PREFIX.length).split('-')[0]);
    let alive = false;
    try {
      if (Number.isInteger(pid) && pid > 0) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (!alive) await ip(null, 'netns', 'del', name);
  }
}

export class Netns {
  private constructor(readonly name: string) {}

  static async create(suffix: string): Promise<Netns> {
    const name = `${NETNS_PREFIX}${process.pid}-${suffix}`;
    await ip(null, 'netns', 'add', name);
    await ip(name, 'link', 'set', 'lo', 'up');
    return new Netns(name);
  }

  /** `ip -batch` lines that must all succeed (the first refusal rejects with its message). */
  run(lines: readonly string[]): Promise<void> {
    return ipBatch(this.name, lines);
  }

  /** Every line runs; one answer (or refusal) per line. */
  batch(lines: readonly string[], json = true): Promise<BatchLine[]> {
    return ipBatchEach(this.name, lines, { json, timeoutMs: 120_000 });
  }

  async delete(): Promise<void> {
    await ip(null, 'netns', 'del', this.name);
  }
}
