/**
 * POST /api/console: runs one line of the device's PowerShell cmdlets (issue 5's Console page)
 * with `@edgenet/hcs-shell` — the same engine as the `edgenet-ps` command line — against this very
 * API, in-process: each request the cmdlet makes goes through `app.inject` with the caller's
 * session, so it meets the same sign-in, checks, revisions and history as any other client.
 *
 * Bounds (issue 10; figures in `CONSOLE_LIMITS`): a line too long, with too many statements or
 * nested too deep is refused before anything runs; a running line yields the event loop between
 * statements (so health checks and other clients are served meanwhile) and stops after the
 * statement that crossed the output size or the time budget; at most `MAX_RUNNING` lines run at
 * once. Each stop is a 422 problem naming the bound and listing exactly which statements ran.
 */

import {
  type ApiClient,
  type ApiResponse,
  CONSOLE_LIMITS,
  checkLineLimits,
  type LimitExceeded,
  type RunResult,
  runLine,
} from '@edgenet/hcs-shell';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../auth/auth-service';
import { routeSchema } from '../http/endpoint-schema';
import { HttpProblem, type LocalizedText, tooManyRequests } from '../http/problems';
import { sessionIdOf } from '../http/session-cookie';

/** Lines running at once (each holds at most `maxOutputChars` of output and a parsed answer). */
export const MAX_RUNNING_LINES = 2;

/** A macrotask: what is waiting on the event loop (health checks, other clients) runs first. */
const pauseLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An ApiClient that calls this app in-process, as the signed-in caller. */
function inProcessClient(
  app: FastifyInstance,
  /** The caller's own session cookie value. */
  token: string,
  remoteAddress: string,
): ApiClient {
  return {
    async request(method, path, body, headers = {}): Promise<ApiResponse> {
      const res = await app.inject({
        method,
        url: path,
        remoteAddress,
        headers: {
          ...headers,
          // The revision history names the Console page as the source of its changes.
          'edgenet-source': 'console',
          cookie: `${SESSION_COOKIE}=${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      // Yield the event loop after the request and after parsing its answer: a 10,000-route
      // list costs ≈ 85 ms to answer and 60 ms to print, and nothing else may wait for both.
      await pauseLoop();
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) responseHeaders[name.toLowerCase()] = String(value);
      }
      let parsed: unknown = null;
      if (res.body && /json/.test(responseHeaders['content-type'] ?? ''))
        parsed = JSON.parse(res.body);
      await pauseLoop();
      return { status: res.statusCode, headers: responseHeaders, body: parsed };
    },
  };
}

const LIMIT_TEXT: Record<LimitExceeded['limit'], (max: number) => LocalizedText> = {
  lineLength: (max) => ({
    en: `The line is longer than ${max} characters.`,
    ja: `行が ${max} 文字を超えています。`,
  }),
  statements: (max) => ({
    en: `The line has more than ${max} statements.`,
    ja: `行に ${max} 個を超えるステートメントがあります。`,
  }),
  nesting: (max) => ({
    en: `The line nests brackets deeper than ${max} levels.`,
    ja: `行の括弧の入れ子が ${max} 段を超えています。`,
  }),
  outputSize: (max) => ({
    en: `The output passed ${max} characters.`,
    ja: `出力が ${max} 文字を超えました。`,
  }),
  timeBudget: (max) => ({
    en: `The line ran longer than ${max / 1000} s.`,
    ja: `行の実行が ${max / 1000} 秒を超えました。`,
  }),
};

const LIMIT_CODE: Record<LimitExceeded['limit'], string> = {
  lineLength: 'console.lineTooLong',
  statements: 'console.tooManyStatements',
  nesting: 'console.nestedTooDeep',
  outputSize: 'console.outputTooLarge',
  timeBudget: 'console.timeBudgetExceeded',
};

/** "Statements 1, 2 ran; the rest did not." — exactly what was applied, never a guess. */
function ranText(result: RunResult | null): LocalizedText {
  const ran = (result?.statements ?? [])
    .map((s, i) => (s.outcome === 'notRun' ? null : i + 1))
    .filter((n): n is number => n !== null);
  if (ran.length === 0) {
    return { en: 'Nothing ran.', ja: '何も実行されていません。' };
  }
  const total = result?.statements.length ?? 0;
  return {
    en: `Statement(s) ${ran.join(', ')} of ${total} ran (see statements); the rest did not run.`,
    ja: `${total} 個中 ${ran.join(', ')} 番目のステートメントが実行されました (statements を参照)。残りは実行されていません。`,
  };
}

export function consoleLimitProblem(
  exceeded: LimitExceeded,
  result: RunResult | null,
): HttpProblem {
  const bound = LIMIT_TEXT[exceeded.limit](exceeded.max);
  const ran = ranText(result);
  return new HttpProblem({
    status: 422,
    code: LIMIT_CODE[exceeded.limit],
    title: 'The console line is past a bound',
    message: { en: `${bound.en} ${ran.en}`, ja: `${bound.ja}${ran.ja}` },
    extensions: {
      limit: exceeded.limit,
      max: exceeded.max,
      statementsRun: result?.statementsRun ?? 0,
      statements: result?.statements ?? [],
      ...(result ? { output: result.output, chunks: result.chunks } : {}),
    },
  });
}

function busy(): HttpProblem {
  return tooManyRequests(
    'console.busy',
    'Too many console lines at once',
    {
      en: `${MAX_RUNNING_LINES} console lines are already running. Try again in a moment.`,
      ja: `すでに ${MAX_RUNNING_LINES} 行のコンソール コマンドが実行中です。しばらくしてからもう一度お試しください。`,
    },
    1,
  );
}

const DESCRIPTION = `The line runs in-process against this API with the caller's session. Errors of the line (parsing, refusals) are in the answer (\`error: true\`), not HTTP errors; \`statements\` lists each statement and whether it ran.

**Bounds** (a 422 problem whose \`code\` and \`limit\` name the bound):
- line length: ${CONSOLE_LIMITS.maxLineLength} characters (\`console.lineTooLong\`), checked before anything runs;
- statements: ${CONSOLE_LIMITS.maxStatements} per line (\`console.tooManyStatements\`), checked before anything runs;
- bracket nesting: ${CONSOLE_LIMITS.maxNesting} levels (\`console.nestedTooDeep\`), checked before anything runs;
- output: ${CONSOLE_LIMITS.maxOutputChars} characters (\`console.outputTooLarge\`): the output is cut there and no later statement runs;
- time: ${CONSOLE_LIMITS.timeBudgetMs / 1000} s (\`console.timeBudgetExceeded\`), checked between statements: no later statement runs.

For the last two, \`statements\` says exactly which statements ran (their changes are applied) and \`output\` holds what they printed. At most ${MAX_RUNNING_LINES} lines run at once (429 \`console.busy\`). Statements yield to other requests between them.`;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  let running = 0;
  app.post(
    ENDPOINTS.runConsoleLine.path,
    {
      schema: { ...routeSchema('runConsoleLine'), description: DESCRIPTION },
    },
    async (request) => {
      const { line } = request.body;
      const refused = checkLineLimits(line);
      if (refused) throw consoleLimitProblem(refused, null);
      if (running >= MAX_RUNNING_LINES) throw busy();
      running++;
      try {
        const client = inProcessClient(app, sessionIdOf(request) ?? '', request.ip);
        const result = await runLine(
          line,
          { client, locale: request.body.locale ?? 'en', width: request.body.width },
          {
            limits: {
              maxOutputChars: CONSOLE_LIMITS.maxOutputChars,
              timeBudgetMs: CONSOLE_LIMITS.timeBudgetMs,
            },
            pause: pauseLoop,
          },
        );
        if (result.stoppedBy) throw consoleLimitProblem(result.stoppedBy, result);
        return {
          output: result.output,
          chunks: result.chunks,
          error: result.error,
          exitCode: result.exitCode,
          statementsRun: result.statementsRun,
          statements: result.statements,
        };
      } finally {
        running--;
      }
    },
  );
};

export default routes;
