/** Revisions over HTTP: the strong ETag of a revision and the If-Match of a write. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseIfMatch, type WriteContext } from '../services/configuration';

export function etag(revision: number): string {
  return `"${revision}"`;
}

export function withRevision(reply: FastifyReply, revision: number): FastifyReply {
  return reply.header('etag', etag(revision));
}

/** Who writes (for the revision history) and what revision they based the write on. */
export function writeContext(request: FastifyRequest): WriteContext {
  const header = request.headers['if-match'];
  return {
    author: `admin@${request.ip}`,
    precondition: parseIfMatch(Array.isArray(header) ? header.join(',') : header),
  };
}
