/**
 * The session cookie, read and written with `cookie` (the parser @fastify/cookie wraps): the
 * server has one cookie, so a plugin hook that parses every cookie of every request and an
 * onSend hook on every answer bought nothing (ADR 0007).
 */
import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/auth-service';

const ATTRIBUTES = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/** The session id the request carries, if any. */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  reply.header(
    'set-cookie',
    serialize(SESSION_COOKIE, id, { ...ATTRIBUTES, secure: request.protocol === 'https' }),
  );
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header(
    'set-cookie',
    serialize(SESSION_COOKIE, '', { ...ATTRIBUTES, expires: new Date(0), maxAge: 0 }),
  );
}
