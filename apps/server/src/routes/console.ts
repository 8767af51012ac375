/**
 * POST /api/console: runs one line of the device's PowerShell cmdlets (issue 5's Console page)
 * with `@edgenet/hcs-shell` — the same engine as the `edgenet-ps` command line — against this very
 * API, in-process: each request the cmdlet makes goes through `app.inject` with the caller's
 * session, so it meets the same sign-in, checks, revisions and history as any other client.
 */

import { type ApiClient, type ApiResponse, runLine } from '@edgenet/hcs-shell';
import { API } from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { SESSION_COOKIE, type SessionRecord } from '../auth/auth-service';

export const ConsoleRequestSchema = Type.Object(
  {
    line: Type.String({ maxLength: 8192 }),
    locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ja')])),
    /** Console width in columns (tables are cut, help wrapped to it). */
    width: Type.Optional(Type.Integer({ minimum: 20, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const ConsoleAnswerSchema = Type.Object({
  /** Every chunk's text in order: what the console shows. */
  output: Type.String(),
  chunks: Type.Array(
    Type.Object({
      stream: Type.Union([
        Type.Literal('output'),
        Type.Literal('warning'),
        Type.Literal('info'),
        Type.Literal('error'),
      ]),
      text: Type.String(),
    }),
  ),
  error: Type.Boolean(),
  exitCode: Type.Integer(),
  statementsRun: Type.Integer(),
});

/** An ApiClient that calls this app in-process, as the signed-in caller. */
function inProcessClient(
  app: FastifyInstance,
  session: SessionRecord,
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
          cookie: `${SESSION_COOKIE}=${session.id}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) responseHeaders[name.toLowerCase()] = String(value);
      }
      let parsed: unknown = null;
      if (res.body && /json/.test(responseHeaders['content-type'] ?? ''))
        parsed = JSON.parse(res.body);
      return { status: res.statusCode, headers: responseHeaders, body: parsed };
    },
  };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    API.console,
    {
      schema: {
        tags: ['device'],
        summary:
          'Run one line of the device cmdlets (Add-HcsNetRoute, Get-HcsNetRoute, kubectl get …)',
        description:
          "The line runs in-process against this API with the caller's session. Errors of the line (parsing, refusals) are in the answer (`error: true`), not HTTP errors.",
        body: ConsoleRequestSchema,
        response: { 200: ConsoleAnswerSchema },
      },
    },
    async (request) => {
      const client = inProcessClient(app, request.session as SessionRecord, request.ip);
      const result = await runLine(request.body.line, {
        client,
        locale: request.body.locale ?? 'en',
        width: request.body.width,
      });
      return {
        output: result.output,
        chunks: result.chunks,
        error: result.error,
        exitCode: result.exitCode,
        statementsRun: result.statementsRun,
      };
    },
  );
};

export default routes;
