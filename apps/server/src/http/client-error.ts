/**
 * Answers of Node's HTTP parser (issue 10): a request Node cannot parse (400), headers too
 * large (431) or a request that took too long to arrive (408) never reaches Fastify's routes or
 * error handler, so Node used to answer with a bare text line and no security headers. This
 * handler (Fastify's `clientErrorHandler`) writes the same problem+json every other error gets,
 * with the API's security headers, then closes the connection.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { API_HEADERS } from '../plugins/security';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './problems';

interface ClientError extends Error {
  code?: string;
}

export function clientProblem(error: ClientError): HttpProblem {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new HttpProblem({ status: 431, code: 'request.headersTooLarge' });
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new HttpProblem({ status: 408, code: 'request.timeout' });
  }
  return new HttpProblem({ status: 400, code: 'request.malformed' });
}

/** The raw HTTP/1.1 answer for a parser error: problem+json, security headers, connection close. */
export function rawProblemResponse(problem: HttpProblem): string {
  const body = JSON.stringify(problem.toJSON());
  const headers = {
    ...API_HEADERS,
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

export function clientErrorHandler(
  this: FastifyInstance,
  error: ClientError,
  socket: Socket,
): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientProblem(error);
  this.log.info({ code: error.code, status: problem.status }, 'client error');
  if (socket.writable) socket.end(rawProblemResponse(problem));
  else socket.destroy();
}
