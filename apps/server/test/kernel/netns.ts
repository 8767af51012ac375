/**
 * Network namespaces for tests that hold the core against the Linux kernel. Everything lives in
 * namespaces this module creates, named with a prefix unique to the process; nothing is connected
 * to the host's interfaces (veth pairs have both ends inside the namespace). `ip` is iproute2.
 */
import { spawnSync } from 'node:child_process';

/** Every namespace name starts with this; the pid part tells a stale one from a live run's. */
export const NETNS_PREFIX = 'edgenet-kdiff-';

export interface BatchResult {
  /** One entry per input line: the parsed JSON answer, or the kernel's error text. */
  lines: ({ ok: true; json: unknown } | { ok: false; error: string })[];
}

function ip(args: string[], input?: string) {
  return spawnSync('ip', args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** Why the kernel test cannot run here, or null when it can. */
export function kernelSkipReason(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return 'not root: network namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN (run as root, as CI does)';
  const version = ip(['-V']);
  if (version.error || version.status !== 0)
    return 'iproute2 (`ip`) is not installed (apt-get install iproute2)';
  const probe = `${NETNS_PREFIX}probe-${process.pid}`;
  const add = ip(['netns', 'add', probe]);
  if (add.status !== 0) return `\`ip netns add\` failed: ${add.stderr.trim()}`;
  const veth = ip(['-n', probe, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1']);
  ip(['netns', 'del', probe]);
  if (veth.status !== 0) return `veth interfaces are not available: ${veth.stderr.trim()}`;
  return null;
}

/** Removes namespaces left by earlier runs whose process is gone (a run killed mid-way). */
export function removeStaleNamespaces(): void {
  const list = ip(['netns', 'list']);
  for (const line of list.stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
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
    if (!alive) ip(['netns', 'del', name]);
  }
}

export class Netns {
  private constructor(readonly name: string) {}

  static create(suffix: string): Netns {
    const name = `${NETNS_PREFIX}${process.pid}-${suffix}`;
    const add = ip(['netns', 'add', name]);
    if (add.status !== 0) throw new Error(`ip netns add ${name}: ${add.stderr}`);
    const ns = new Netns(name);
    ns.run(['link', 'set', 'lo', 'up']);
    return ns;
  }

  /** Runs one `ip` command in the namespace; throws with the kernel's message on failure. */
  run(args: string[]): string {
    const out = ip(['-n', this.name, ...args]);
    if (out.status !== 0) throw new Error(`ip -n ${this.name} ${args.join(' ')}: ${out.stderr}`);
    return out.stdout;
  }

  /** A veth pair with both ends in this namespace, both up (the peer stands for the wire). */
  addVeth(name: string, address?: string): void {
    this.run(['link', 'add', name, 'type', 'veth', 'peer', 'name', `${name}p`]);
    if (address) this.run(['addr', 'add', address, 'dev', name]);
    this.run(['link', 'set', name, 'up']);
    this.run(['link', 'set', `${name}p`, 'up']);
  }

  /**
   * `ip -j -force -batch -`: every line runs even when some fail. Answers come on stdout in order,
   * failures on stderr as the kernel's message followed by "Command failed -:<line>".
   */
  batch(lines: readonly string[], json = true): BatchResult {
    const out = ip(
      ['-n', this.name, ...(json ? ['-j'] : []), '-force', '-batch', '-'],
      `${lines.join('\n')}\n`,
    );
    const failed = new Map<number, string>();
    let last = '';
    for (const line of out.stderr.split('\n')) {
      const m = /^Command failed .*:(\d+)\s*$/.exec(line);
      if (m) failed.set(Number(m[1]), last);
      else if (line.trim()) last = line.trim();
    }
    const answers = out.stdout.split('\n').filter((l) => l.trim() !== '');
    let next = 0;
    const result: BatchResult['lines'] = [];
    for (let i = 1; i <= lines.length; i++) {
      const error = failed.get(i);
      if (error !== undefined) result.push({ ok: false, error });
      else if (!json) result.push({ ok: true, json: null });
      else {
        const text = answers[next++];
        if (text === undefined)
          throw new Error(`ip -batch: no answer for line ${i}: ${lines[i - 1]}`);
        result.push({ ok: true, json: JSON.parse(text) });
      }
    }
    return { lines: result };
  }

  delete(): void {
    ip(['netns', 'del', this.name]);
  }
}
