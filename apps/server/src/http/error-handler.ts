/**
 * The one error handler of the app: every failure becomes RFC 9457 problem+json.
 * - `HttpProblem` (rule violations 422, conflicts 409, preconditions 412/428, auth…) as built;
 * - schema (shape) errors → 400 with issues on the offending fields;
 * - Fastify's own 4xx (bad JSON, body too large, unsupported media type, …) → that status;
 * - a `NetConfigError` that escaped a handler → 422 (a core parse error is always input's fault);
 * - anything else → 500, logged with its stack, with nothing internal in the body.
 */
import { localizeIssues, NetConfigError } from '@edgenet/network-config';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, HttpProblem, PROBLEM_CONTENT_TYPE, ruleViolation } from './problems';
import { issuesFromSchemaErrors, type SchemaError } from './shape-issues';

const FASTIFY_4XX: Record<number, { code: string; title: string; ja: string }> = {
  400: { code: 'request.invalid', title: 'Bad request', ja: 'リクエストが正しくありません。' },
  404: { code: 'resource.notFound', title: 'Not found', ja: '見つかりません。' },
  405: {
    code: 'method.notAllowed',
    title: 'Method not allowed',
    ja: 'このメソッドは使用できません。',
  },
  406: { code: 'request.notAcceptable', title: 'Not acceptable', ja: '受け入れられない形式です。' },
  413: {
    code: 'request.tooLarge',
    title: 'Request body too large',
    ja: 'リクエストの本文が大きすぎます。',
  },
  414: { code: 'request.uriTooLong', title: 'URI too long', ja: 'URI が長すぎます。' },
  415: {
    code: 'request.unsupportedMediaType',
    title: 'Unsupported media type',
    ja: 'サポートされていないメディア タイプです。Content-Type: application/json を使用してください。',
  },
};

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
}

export function toProblem(error: FastifyError | Error, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return badRequest(issuesFromSchemaErrors(fastifyError.validation as unknown as SchemaError[]));
  }
  if (error instanceof NetConfigError) {
    return ruleViolation(
      localizeIssues([{ path: '', code: error.code, severity: 'error', params: error.params }]),
    );
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = FASTIFY_4XX[status] ?? {
      code: 'request.invalid',
      title: 'Bad request',
      ja: 'リクエストが正しくありません。',
    };
    return new HttpProblem({
      status,
      code: known.code,
      title: known.title,
      // Fastify's 4xx messages describe the request, never the server's internals.
      message: { en: fastifyError.message, ja: known.ja },
    });
  }
  request.log.error({ err: error }, 'unexpected error');
  return new HttpProblem({
    status: 500,
    code: 'server.error',
    title: 'Internal server error',
    message: {
      // Not "nothing was applied": a failure may come after a commit (issue 10). The history
      // (GET /api/revisions) says what was.
      en: 'Something went wrong on the server. Reload to see whether the change was applied: the history lists every applied change.',
      ja: 'サーバーでエラーが発生しました。変更が適用されたかどうかは、再読み込みして履歴で確認してください (適用された変更はすべて履歴に記録されます)。',
    },
  });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) reply.log.error({ code: problem.code }, 'answered 500');
    return sendProblem(reply, problem);
  });
}
