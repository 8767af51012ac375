/** Revisions over HTTP: the strong ETag of a revision and the If-Match of a write. */
import type { RevisionSource } from '@edgenet/network-config';
import { LIFECYCLE_HEADERS } from '@edgenet/network-config/contract';
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
    source: sourceOf(request),
    clientAddress: (request.socket?.localAddress ?? '').replace(/^::ffff:/, '') || null,
    confirm: String(request.headers[LIFECYCLE_HEADERS.confirm] ?? '').toLowerCase() === 'required',
  };
}

const CLIENT_SOURCES: readonly RevisionSource[] = ['web', 'cli', 'console'];

/** The client named by `Edgenet-Source` (web, cli, console), else `api`. */
export function sourceOf(request: FastifyRequest): RevisionSource {
  const value = String(request.headers[LIFECYCLE_HEADERS.source] ?? '').toLowerCase();
  return (CLIENT_SOURCES as readonly string[]).includes(value) ? (value as RevisionSource) : 'api';
}
