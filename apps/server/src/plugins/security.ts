/**
 * The outer tier: security headers (helmet, strict CSP), rate limits, cookies, and the refusal of
 * state-changing requests from other sites.
 *
 * CSP: the web app is a Vite build with no inline script or style elements, so everything is
 * `'self'`; `data:` is allowed for images and fonts (Vite inlines small assets as data URIs).
 * `upgrade-insecure-requests` and HSTS are off: the console is served over plain HTTP on a local
 * network (the device's own UI address), where upgrading would break every request.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppOptions } from '../config';
import { HttpProblem } from '../http/problems';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  workerSrc: ["'self'"],
};

function crossSite(): HttpProblem {
  return new HttpProblem({
    status: 403,
    code: 'request.crossSite',
    title: 'Cross-site request refused',
    message: {
      en: 'This change did not come from the console itself, so it was refused.',
      ja: 'この変更はコンソール自体からの要求ではないため、拒否されました。',
    },
  });
}

/**
 * A browser sends `Sec-Fetch-Site` and, on cross-origin writes, `Origin`; a command-line client
 * sends neither or a matching `Origin`. Anything else that tries to change state is refused.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !ALLOWED_FETCH_SITES.has(site.toLowerCase())) return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const host = request.headers.host;
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true; // `null` (sandboxed frames, file:) or garbage
  }
}

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  hsts: false,
  crossOriginEmbedderPolicy: false,
} as const;

/** Headers of any response, not security headers. */
const NOT_SECURITY = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
]);

/**
 * The security headers helmet sends, computed once. The headers are the same for every response,
 * but @fastify/helmet rebuilds helmet's middleware (and re-parses the CSP) on every request — 10%
 * of a request's CPU in the benchmark — so helmet runs once here, in a throwaway instance, and
 * its headers are replayed as constants.
 */
export async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  probe.get('/', async () => '');
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return Object.fromEntries(
    Object.entries(res.headers)
      .filter(([name]) => !NOT_SECURITY.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

export default fp<{ options: AppOptions }>(
  async (app, { options }) => {
    const headers = await helmetHeaders();
    if (!headers['content-security-policy']) throw new Error('helmet produced no CSP header');
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
    await app.register(cookie);
    await app.register(rateLimit, {
      global: options.rateLimitMax > 0,
      max: Math.max(1, options.rateLimitMax),
      timeWindow: '1 minute',
      // Only a refusal says when to retry; successful answers carry no rate-limit headers.
      addHeadersOnExceeding: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
      },
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new HttpProblem({
          status: 429,
          code: 'request.rateLimited',
          title: 'Too many requests',
          message: {
            en: `Too many requests. Try again in ${seconds} s.`,
            ja: `リクエストが多すぎます。${seconds} 秒後にもう一度お試しください。`,
          },
          retryAfterSeconds: seconds,
          headers: { 'retry-after': String(seconds) },
        });
      },
    });

    app.addHook('onRequest', (request, _reply, done) => {
      done(!SAFE_METHODS.has(request.method) && isCrossSite(request) ? crossSite() : undefined);
    });

    // API answers describe a private configuration: never cache them anywhere.
    app.addHook('onSend', (request, reply, payload, done) => {
      if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
        reply.header('cache-control', 'no-store');
      }
      done(null, payload);
    });
  },
  { name: 'edgenet-security' },
);
