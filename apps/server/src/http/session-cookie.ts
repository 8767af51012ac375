/**
 * The session cookie, read and written with `cookie` (the parser @fastify/cookie wraps). The
 * server has one cookie: it is read where the session is checked, with no hook on every request
 * and every answer (ADR 0007).
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
