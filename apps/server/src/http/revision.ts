/** Revisions over HTTP: the strong ETag of a revision and the If-Match of a write. */
import type { RevisionSource } from '@edgenet/network-config';
import { LIFECYCLE_HEADERS } from '@edgenet/network-config/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WriteContext } from '../services/write-context';

export function etag(revision: number): string {
  return `"${revision}"`;
}

export function withRevision(reply: FastifyReply, revision: number): FastifyReply {
  return reply.header('etag', etag(revision));
}

/** An answer that names its revision, sent with that revision's ETag. */
export function revisioned<T extends { revision: number }>(reply: FastifyReply, answer: T): T {
  withRevision(reply, answer.revision);
  return answer;
}

/** 201: what a write created, at `location`, with the ETag of its revision. */
export function created<T extends { revision: number }>(
  reply: FastifyReply,
  answer: T,
  location: string,
): T {
  withRevision(reply, answer.revision).header('location', location).status(201);
  return answer;
}

/** 204 after a deletion, with the ETag of the revision it made. */
export function deleted(reply: FastifyReply, { revision }: { revision: number }): FastifyReply {
  return withRevision(reply, revision).status(204).send(null);
}

/** A revision no configuration has: what a weak or malformed If-Match expects. */
const NEVER = -1;

/**
 * The revision an If-Match header expects, given the current one: `"12"` → 12; `"12", "13"` →
 * the current one when listed; `*` → the current one; weak or malformed tags never match
 * (RFC 9110 §13.1.1); no header → undefined.
 */
function expectedRevisionOf(header: string | undefined, current: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (text === '*') return current;
  let first = NEVER;
  for (const part of text.split(',')) {
    const match = /^"(\d{1,15})"$/.exec(part.trim());
    if (!match) continue;
    const revision = Number(match[1]);
    if (revision === current) return current;
    if (first === NEVER) first = revision;
  }
  return first;
}

/** Who writes (for the revision history) and what revision they based the write on. */
export function writeContext(request: FastifyRequest): WriteContext {
  const header = request.headers['if-match'];
  return {
    author: `admin@${request.ip}`,
    expectedRevision: expectedRevisionOf(
      Array.isArray(header) ? header.join(',') : header,
      request.server.config.revision,
    ),
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
