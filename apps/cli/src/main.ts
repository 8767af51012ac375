/**
 * edgenet-ps: signs in to an edgenet server and runs the device's cmdlets — one from the
 * arguments, a script from a file or standard input, or an interactive console.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError } from './args';
import { USAGE } from './usage';

export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  fetch?: typeof fetch;
}

function version(): string {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/** Runs the CLI; resolves to the exit status. Never throws for a user's or server's error. */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const env = io.env ?? process.env;
  const stdin = io.stdin ?? process.stdin;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const usageError = (message: string) => {
    stderr.write(`edgenet-ps: ${message}\nRun "edgenet-ps --help" for usage.\n`);
    return 2;
  };

  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (options.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    stdout.write(`edgenet-ps ${version()}\n`);
    return 0;
  }

  const { runApp } = await import('./app');
  return runApp(
    options,
    { env, stdin, stdout, stderr, ...(io.fetch ? { fetch: io.fetch } : {}) },
    usageError,
  );
}

/**
 * When the reader of standard output goes away (`edgenet-ps … | head`), stop quietly with status 0,
 * as other command-line tools do: the reader has what it wanted. Any other write error is a bug.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** The process entry: exit status set, no stack trace for what is not a bug. */
export async function main(): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`edgenet-ps: internal error: ${(error as Error).message}\n`);
    if (process.env.EDGENET_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
