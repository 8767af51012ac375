/**
 * The outer tier: security headers (helmet's strict set for pages, OWASP's REST set for API
 * answers), per-client rate limits, and the refusal of state-changing requests from other
 * sites. ADR 0007 explains why the headers, the limit and the cross-site check are one hook.
 *
 * CSP: the web app is a Vite build with no inline script or style elements, so everything is
 * `'self'`; `data:` is allowed for images and fonts (Vite inlines small assets as data URIs).
 * `upgrade-insecure-requests` and HSTS are off: the console is served over plain HTTP on a local
 * network (the device's own UI address), where upgrading would break every request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API } from '@edgenet/network-config';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { AppOptions } from '../config';
import { Busy, Forbidden } from '../domain-errors';
import { HostAllowList } from '../http/host-check';
import { HttpProblem } from '../http/problems';
import { RateLimiter } from '../http/rate-limit';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own limit bucket instead of the one every request shares (sign-in). */
    rateLimit?: 'signIn';
  }
}

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

/**
 * The headers of every API answer: JSON, never a page to render, so OWASP's REST set (a CSP that
 * allows nothing, no framing, no sniffing, no caching). Pages, the web app's files and the API
 * docs get helmet's whole set.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

export function isApiAnswer(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith(API.docs);
}

function crossSite(): Forbidden {
  return new Forbidden('request.crossSite');
}

/** Answers of `isCrossSite` by Origin and this request's own origin; then it starts over. */
const MAX_REMEMBERED_ORIGINS = 256;
const rememberedOrigins = new Map<string, boolean>();

/** Whether `origin` (an Origin header) names another origin than `own` (scheme://host). */
function otherOrigin(origin: string, own: string): boolean {
  const key = `${origin} ${own}`;
  let other = rememberedOrigins.get(key);
  if (other === undefined) {
    try {
      // Scheme, host and port (issue 10): `https://device` is not `http://device`. `URL` drops
      // default ports, so `http://device:80` is `http://device`.
      other = new URL(origin).origin !== new URL(own).origin;
    } catch {
      other = true; // `null` (sandboxed frames, file:) or garbage
    }
    if (rememberedOrigins.size >= MAX_REMEMBERED_ORIGINS) rememberedOrigins.clear();
    rememberedOrigins.set(key, other);
  }
  return other;
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
  const host = request.host;
  if (!host) return true;
  // Behind a trusted proxy (EDGENET_TRUST_PROXY) the scheme and host are the proxy's
  // X-Forwarded-* ones. The same pair of texts always gets the same answer, so it is kept.
  return otherOrigin(origin, `${request.protocol}://${host}`);
}

/** 421 is HTTP's own word (the request reached the wrong server), not a domain's. */
function hostNotAllowed(): HttpProblem {
  return new HttpProblem({ status: 421, code: 'request.hostNotAllowed' });
}

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  hsts: false,
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * The security headers helmet sends, computed once. The headers are the same for every response,
 * but @fastify/helmet rebuilds helmet's middleware (and re-parses the CSP) on every request — 10%
 * of a request's CPU in the benchmark — so helmet's middleware runs once here, on a stand-in
 * response that records what it sets, and its headers are replayed as constants. (Running it in
 * a throwaway Fastify instance through `inject`, as before, cost ≈ 15 ms of start-up; ADR 0044.)
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    failed = error;
  });
  if (failed) throw failed;
  return headers;
}

/** One limiter per bucket; null when that limit is off (0). */
function limiter(max: number): RateLimiter | null {
  return max > 0 ? new RateLimiter(max) : null;
}

function rateLimited(seconds: number): Busy {
  return new Busy('request.rateLimited', { seconds }, undefined, seconds);
}

export default fp<{ options: AppOptions }>(
  async (app, { options }) => {
    const documentHeaders = helmetHeaders();
    if (!documentHeaders['content-security-policy']) {
      throw new Error('helmet produced no CSP header');
    }
    const hosts = new HostAllowList(options.allowedHosts, function* () {
      // The services tier decorates `store` after this plugin; requests come after both.
      if (!app.hasDecorator('store')) return;
      for (const port of app.store.current.ports) yield port.address;
    });
    const everyone = limiter(options.rateLimitMax);
    const signIn = limiter(options.signInRateLimitMax);

    // One hook for what every request goes through first: its security headers, the rate limit
    // of its bucket, and the refusal of state-changing requests from another site.
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(isApiAnswer(request.url) ? API_HEADERS : documentHeaders);
      if (!hosts.allows(request.host)) return done(hostNotAllowed());
      const bucket = request.routeOptions.config.rateLimit === 'signIn' ? signIn : everyone;
      const wait = bucket === null ? 0 : bucket.hit(request.ip);
      if (wait > 0) return done(rateLimited(wait));
      done(!SAFE_METHODS.has(request.method) && isCrossSite(request) ? crossSite() : undefined);
    });
  },
  { name: 'edgenet-security' },
);
