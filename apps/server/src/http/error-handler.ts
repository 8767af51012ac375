/**
 * The one error handler of the app: every failure becomes RFC 9457 problem+json.
 * - a `DomainError` (services, auth) → the status of its kind, the texts of its code (messages.ts);
 * - `HttpProblem` (the HTTP layer's own: console bounds, host checks, …) as built;
 * - schema (shape) errors → 400 with issues on the offending fields;
 * - Fastify's own 4xx (bad JSON, body too large, unsupported media type, …) → that status;
 * - a `NetConfigError` that escaped a handler → 422 (a core parse error is always input's fault);
 * - anything else → 500, logged with its stack, with nothing internal in the body.
 */
import { localizeIssues, NetConfigError } from '@edgenet/network-config';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, InvalidRequest, RuleViolation } from '../domain-errors';
import type { ServerCode } from '../messages';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemOf } from './problems';
import { issuesFromSchemaErrors, type SchemaError } from './shape-issues';

/** The code of each of Fastify's own 4xx answers (its English message, our Japanese one). */
const FASTIFY_4XX: Record<number, ServerCode> = {
  400: 'request.invalid',
  404: 'resource.notFound',
  405: 'method.notAllowed',
  406: 'request.notAcceptable',
  413: 'request.tooLarge',
  414: 'request.uriTooLong',
  415: 'request.unsupportedMediaType',
};

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
}

export function toProblem(error: FastifyError | Error, request: FastifyRequest): HttpProblem {
  if (error instanceof DomainError) return problemOf(error);
  if (error instanceof HttpProblem) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return problemOf(
      new InvalidRequest(
        issuesFromSchemaErrors(fastifyError.validation as unknown as SchemaError[]),
      ),
    );
  }
  if (error instanceof NetConfigError) {
    return problemOf(
      new RuleViolation(
        localizeIssues([{ path: '', code: error.code, severity: 'error', params: error.params }]),
      ),
    );
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's 4xx messages describe the request, never the server's internals.
    return new HttpProblem({
      status,
      code: FASTIFY_4XX[status] ?? 'request.invalid',
      params: { message: fastifyError.message },
    });
  }
  request.log.error({ err: error }, 'unexpected error');
  return new HttpProblem({ status: 500, code: 'server.error' });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) reply.log.error({ code: problem.code }, 'answered 500');
    return sendProblem(reply, problem);
  });
}
