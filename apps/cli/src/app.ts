/**
 * Everything edgenet-ps does after its options are read: sign-in, the three modes. Loaded
 * only when needed, so `--help` and `--version` answer at once.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  ApiClientError,
  type OutputChunk,
  runLine,
  runScript,
  type ShellContext,
} from '@edgenet/hcs-shell';
import { type ContractChecker, createApiClient } from '@edgenet/network-config/contract/client';
import { type CliOptions, joinCommandLine, localeFrom } from './args';
import { HttpApiClient, parseServerUrl } from './http-client';
import type { CliIo } from './main';
import { runRepl } from './repl';
import { defaultSessionPath, SessionStore } from './session-store';
import { colours, PromptCancelled, promptHidden } from './terminal';

export const DEFAULT_URL = 'http://localhost:8080';

/**
 * The contract checker when answers are to be checked: in tests (`NODE_ENV=test`, which vitest
 * sets, so the round trips against the real server check every answer) or on request
 * (`EDGENET_CHECK_ANSWERS=1`). Loaded only then: it compiles the table's schemas (ADR 0038).
 */
async function answerChecker(env: NodeJS.ProcessEnv): Promise<ContractChecker | undefined> {
  if (env.NODE_ENV !== 'test' && env.EDGENET_CHECK_ANSWERS !== '1') return undefined;
  const { createContractChecker } = await import('@edgenet/network-config/contract/check');
  return createContractChecker();
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export async function runApp(
  options: CliOptions,
  io: CliIo,
  usageError: (message: string) => number,
): Promise<number> {
  const { env, stdin, stdout, stderr } = io;
  const locale = localeFrom(options.locale, env);
  let url: URL;
  try {
    url = parseServerUrl(options.url ?? env.EDGENET_URL ?? DEFAULT_URL);
  } catch (error) {
    return usageError((error as Error).message);
  }
  const sessionPath = defaultSessionPath(env);
  const store = new SessionStore(sessionPath, (m) => stderr.write(`edgenet-ps: warning: ${m}\n`));
  const runsScriptFromStdin =
    options.file === '-' ||
    (options.file === undefined &&
      options.command === undefined &&
      options.rest.length === 0 &&
      !stdin.isTTY);

  let askInRepl: ((query: string) => Promise<string>) | null = null;
  const getPassword = async (): Promise<string> => {
    if (options.password !== undefined) return options.password;
    if (env.EDGENET_PASSWORD) return env.EDGENET_PASSWORD;
    const query = locale === 'ja' ? `${url.origin} のパスワード: ` : `Password for ${url.origin}: `;
    try {
      if (askInRepl) return await askInRepl(query);
      if (stdin.isTTY && !runsScriptFromStdin) return await promptHidden(stdin, stderr, query);
    } catch (error) {
      if (error instanceof PromptCancelled) {
        throw new ApiClientError('Sign-in cancelled.', {
          code: 'session.cancelled',
          kind: 'authentication',
          localized: { en: 'Sign-in cancelled.', ja: 'サインインを取り消しました。' },
        });
      }
      throw error;
    }
    const en = `No password to sign in to ${url.origin}: pass --password or set EDGENET_PASSWORD.`;
    throw new ApiClientError(en, {
      code: 'session.passwordMissing',
      kind: 'authentication',
      localized: {
        en,
        ja: `${url.origin} にサインインするパスワードがありません。--password を指定するか EDGENET_PASSWORD を設定してください。`,
      },
    });
  };

  const newPassword = options.newPassword ?? env.EDGENET_NEW_PASSWORD;
  const check = await answerChecker(env);
  const client = new HttpApiClient({
    url: url.href,
    store,
    getPassword,
    ...(newPassword ? { newPassword } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
    ...(check ? { check } : {}),
  });

  if (options.signOut) {
    const had = await client.signOut();
    stdout.write(had ? `Signed out of ${url.origin}.\n` : `No saved session for ${url.origin}.\n`);
    return 0;
  }

  const paint = colours(stderr, env);
  const write = (chunk: OutputChunk) => {
    if (chunk.stream === 'output') stdout.write(chunk.text);
    else if (chunk.stream === 'error') stderr.write(paint.error(chunk.text));
    else if (chunk.stream === 'warning') stderr.write(paint.warning(chunk.text));
    else stderr.write(chunk.text);
  };
  const ctx: ShellContext = {
    client,
    ...(check ? { check } : {}),
    locale,
    json: options.json,
    ...(stdout.isTTY && stdout.columns ? { width: stdout.columns } : {}),
    // `kubectl apply -f FILE` (relative to where edgenet-ps runs); `-f -` reads standard input
    // when the script itself does not come from there.
    readFile: async (path) => {
      if (path === '-') {
        if (runsScriptFromStdin || stdin.isTTY)
          throw new Error('standard input is not a file here');
        return readAll(stdin);
      }
      return readFile(path, 'utf8');
    },
  };

  if (options.exportFormat !== undefined || options.importFile !== undefined) {
    const { runExport, runImport } = await import('./exchange');
    const exchangeIo = {
      api: createApiClient(client, check ? { check } : {}),
      locale,
      write: (text: string) => stdout.write(text),
      error: (text: string) => stderr.write(paint.error(text)),
    };
    try {
      if (options.exportFormat !== undefined) {
        return await runExport(exchangeIo, options.exportFormat, options.out);
      }
      return await runImport(exchangeIo, options.importFile as string, {
        ...(options.importFormat ? { format: options.importFormat } : {}),
        ...(options.mode ? { mode: options.mode } : {}),
        dryRun: options.dryRun === true,
      });
    } catch (error) {
      const e = error as ApiClientError;
      stderr.write(paint.error(`edgenet-ps: ${e.localized?.[locale] ?? e.message}\n`));
      return 1;
    }
  }

  if (options.command !== undefined || options.rest.length > 0) {
    const line = options.command ?? joinCommandLine(options.rest);
    return (await runLine(line, ctx, { onChunk: write })).exitCode;
  }

  if (options.file !== undefined || runsScriptFromStdin) {
    let text: string;
    try {
      text =
        options.file === undefined || options.file === '-'
          ? await readAll(stdin)
          : readFileSync(options.file, 'utf8');
    } catch (error) {
      return usageError(`cannot read the script ${options.file}: ${(error as Error).message}`);
    }
    const result = await runScript(text, ctx, {
      continueOnError: options.continueOnError,
      ...(options.file && options.file !== '-' ? { scriptName: options.file } : {}),
      onChunk: write,
    });
    return result.exitCode;
  }

  return runRepl({
    ctx,
    url,
    stdin,
    stdout,
    historyPath: join(dirname(sessionPath), 'history'),
    write,
    setPasswordPrompt: (ask) => {
      askInRepl = ask;
    },
    fail: (message) => stderr.write(paint.error(`${message}\n`)),
  });
}
