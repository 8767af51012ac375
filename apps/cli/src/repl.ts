/**
 * The interactive console: the device's prompt (`[192.168.100.10]: PS> `), history kept
 * between sessions, and tab completion of command and parameter names (and port names).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import {
  ApiClientError,
  type CompletionHints,
  complete,
  lastWord,
  type OutputChunk,
  runLine,
  SESSION_BANNER,
  type ShellContext,
} from '@edgenet/hcs-shell';
import { API } from '@edgenet/network-config';
import type { Device, PortList } from '@edgenet/network-config/contract';
import { askHidden, MutableOutput } from './terminal';

export interface ReplOptions {
  ctx: ShellContext;
  url: URL;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  historyPath: string;
  /** Writes one chunk of command output where it belongs (stdout / stderr, coloured). */
  write: (chunk: OutputChunk) => void;
  /** Lets the REPL answer later password questions through its own readline. */
  setPasswordPrompt: (ask: (query: string) => Promise<string>) => void;
  /** Prints a message on stderr. */
  fail: (message: string) => void;
}

const HISTORY_SIZE = 1000;

function loadHistory(path: string): string[] {
  try {
    // readline wants the newest entry first; the file keeps the oldest first.
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

function saveHistory(path: string, history: readonly string[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${[...history].reverse().join('\n')}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
  } catch {
    // History is a convenience; a read-only home must not break the console.
  }
}

function problemMessage(body: unknown, locale: 'en' | 'ja', status: number): string {
  const b = body as { message?: Record<string, string>; detail?: string; title?: string } | null;
  return b?.message?.[locale] ?? b?.detail ?? b?.title ?? `HTTP ${status}`;
}

export async function runRepl(options: ReplOptions): Promise<number> {
  const { ctx, url, stdin, stdout, fail } = options;
  const locale = ctx.locale;

  // Sign in (asking for the password if needed) before the first prompt, so a wrong URL or
  // password is said at once rather than after the first command.
  let device: Device;
  try {
    const res = await ctx.client.request('GET', API.device);
    if (res.status !== 200) {
      fail(problemMessage(res.body, locale, res.status));
      return 1;
    }
    device = res.body as Device;
  } catch (error) {
    fail(
      error instanceof ApiClientError && error.localized
        ? error.localized[locale]
        : (error as Error).message,
    );
    return 1;
  }
  const hints: CompletionHints = {};
  try {
    const res = await ctx.client.request('GET', API.ports);
    if (res.status === 200) {
      hints.interfaceAliases = (res.body as PortList).ports.map((p) => p.name);
    }
  } catch {
    // Completion of port names is a nicety.
  }

  // The device's session starts with its WARNING banner (SPEC §8).
  stdout.write(`${SESSION_BANNER[locale]}\n\n`);
  stdout.write(
    locale === 'ja'
      ? `${device.name} (${device.skuName}, ${url.origin}) の PowerShell インターフェイスです。\nGet-Help でコマンドの一覧を、exit で終了します。\n\n`
      : `PowerShell interface of ${device.name} (${device.skuName}, ${url.origin}).\nType Get-Help for the commands, exit to leave.\n\n`,
  );

  const output = new MutableOutput(stdout);
  const rl = createInterface({
    input: stdin,
    output,
    terminal: true,
    prompt: `[${url.hostname}]: PS> `,
    history: loadHistory(options.historyPath),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string): [string[], string] => [complete(line, hints), lastWord(line)],
  });
  rl.on('history', (history: string[]) => saveHistory(options.historyPath, history));

  let asking = false;
  options.setPasswordPrompt(async (query) => {
    asking = true;
    try {
      return await askHidden(rl, output, query);
    } finally {
      asking = false;
    }
  });
  rl.on('SIGINT', () => {
    if (asking) return;
    // Ctrl+C drops the line being typed, as PowerShell does; Ctrl+D or exit leaves.
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    output.write('^C\n');
    rl.prompt();
  });

  let exitCode = 0;
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    const exit = /^(exit|quit|exit-pssession)(\s+(\d+))?$/i.exec(trimmed);
    if (exit) {
      exitCode = exit[3] ? Number(exit[3]) : 0;
      break;
    }
    if (/^(cls|clear|clear-host)$/i.test(trimmed)) {
      output.write('\x1b[2J\x1b[H');
    } else if (trimmed !== '') {
      await runLine(line, { ...ctx, width: stdout.columns }, { onChunk: options.write });
    }
    rl.prompt();
  }
  rl.close();
  return exitCode;
}
