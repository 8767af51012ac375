/**
 * iproute2 from Node: every kernel change of the Linux driver goes through `ip` (ADR 0029).
 *
 * Commands run with execFile (no shell), a timeout, and the kernel's own message (stderr) in the
 * error, so a job step that the kernel refuses fails with words an admin can search for.
 */
import { execFile } from 'node:child_process';

/** Where iproute2 lives on Debian; PATH is searched too. */
export const IP_BINARY = process.env.EDGENET_IP_BINARY || 'ip';

/** No single `ip` call may hang a job: they take milliseconds, 10 s is a broken kernel. */
const TIMEOUT_MS = 10_000;

export class KernelError extends Error {
  override name = 'KernelError';
  constructor(
    readonly command: string,
    readonly kernelMessage: string,
  ) {
    super(`${command}: ${kernelMessage}`);
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a program; rejects with KernelError carrying stderr (or the exit reason). */
export function run(
  file: string,
  args: readonly string[],
  options: { input?: string; timeoutMs?: number; allowFailure?: boolean } = {},
): Promise<RunResult & { code: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args as string[],
      { timeout: options.timeoutMs ?? TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as NodeJS.ErrnoException).code === 'number'
            ? Number((error as NodeJS.ErrnoException).code)
            : error
              ? 1
              : 0;
        if (error && !options.allowFailure) {
          const message =
            stderr.trim() ||
            (error as NodeJS.ErrnoException).code?.toString() ||
            error.message ||
            'failed';
          reject(new KernelError(`${file} ${args.join(' ')}`, oneLine(message)));
          return;
        }
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new KernelError(`${file} ${args.join(' ')}`, `${file}: not found`));
          return;
        }
        resolve({ stdout, stderr, code });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('; ');
}

/** `ip ARGS` in the namespace `ns` (null: the namespace the server runs in, read-only uses only). */
export async function ip(ns: string | null, ...args: string[]): Promise<string> {
  const full = ns ? ['-n', ns, ...args] : args;
  return (await run(IP_BINARY, full)).stdout;
}

/** `ip -j ARGS` parsed; an empty answer is an empty list. */
export async function ipJson<T>(ns: string | null, ...args: string[]): Promise<T[]> {
  const text = await ip(ns, '-j', ...args);
  if (text.trim() === '') return [];
  return JSON.parse(text) as T[];
}

/**
 * `ip -batch -` with one command a line: one process for many routes. `-force` is not used, so the
 * first refused line stops the batch and its message names the line.
 */
export async function ipBatch(ns: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  await run(IP_BINARY, ['-n', ns, '-batch', '-'], { input: `${lines.join('\n')}\n` });
}

/** `ip -batch -` outside any namespace: only for `netns add` (files under /run/netns). */
export async function ipBatchHost(lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  await run(IP_BINARY, ['-batch', '-'], { input: `${lines.join('\n')}\n` });
}

/** Runs a program inside a namespace (`ip netns exec`). */
export function inNamespace(
  ns: string,
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; allowFailure?: boolean; input?: string } = {},
) {
  return run(IP_BINARY, ['netns', 'exec', ns, file, ...args], options);
}

/** Writes a sysctl inside a namespace (never the host's: the path is read inside `ns`). */
export async function setSysctl(ns: string, key: string, value: string): Promise<void> {
  const path = `/proc/sys/${key.replaceAll('.', '/')}`;
  await inNamespace(ns, 'sh', ['-c', `echo ${value} > ${path}`]);
}

/** The names of the network namespaces (`ip netns list`). */
export async function listNamespaces(): Promise<string[]> {
  const list = await ipJson<{ name: string }>(null, 'netns', 'list');
  return list.map((n) => n.name);
}

/** One answer per line of `ipBatchEach`: the parsed JSON (null without `json`), or the refusal. */
export type BatchLine = { ok: true; json: unknown } | { ok: false; error: string };

/**
 * `ip [-j] -force -batch -` in `ns`: every line runs even when some fail (lookups, trial routes).
 * Answers come on stdout in order; a failure is the kernel's message on stderr followed by
 * "Command failed -:<line>".
 */
export async function ipBatchEach(
  ns: string,
  lines: readonly string[],
  options: { json?: boolean; timeoutMs?: number } = {},
): Promise<BatchLine[]> {
  const json = options.json ?? true;
  if (lines.length === 0) return [];
  const out = await run(IP_BINARY, ['-n', ns, ...(json ? ['-j'] : []), '-force', '-batch', '-'], {
    input: `${lines.join('\n')}\n`,
    allowFailure: true,
    timeoutMs: options.timeoutMs,
  });
  const failed = new Map<number, string>();
  let last = '';
  for (const line of out.stderr.split('\n')) {
    const m = /^Command failed .*:(\d+)\s*$/.exec(line);
    if (m) failed.set(Number(m[1]), last);
    else if (line.trim()) last = line.trim();
  }
  const answers = out.stdout.split('\n').filter((l) => l.trim() !== '');
  let next = 0;
  const result: BatchLine[] = [];
  for (let i = 1; i <= lines.length; i++) {
    const error = failed.get(i);
    if (error !== undefined) result.push({ ok: false, error });
    else if (!json) result.push({ ok: true, json: null });
    else {
      const text = answers[next++];
      if (text === undefined)
        throw new KernelError(`ip -n ${ns} -batch`, `no answer for line ${i}: ${lines[i - 1]}`);
      result.push({ ok: true, json: JSON.parse(text) });
    }
  }
  return result;
}
