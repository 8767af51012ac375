/**
 * The edgenet server as a Fastify app. `server.ts` starts it on a port; tests build it with a
 * temporary data directory and call it through `app.inject()`.
 *
 * Plugins in tiers: outer (security headers, rate limits, cross-site refusal, API docs)
 * → services (store, device driver, jobs, auth) → API routes → web app and 404s.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import { type AppOptions, resolveOptions } from './config';
import type { DeviceDriver } from './driver/driver';
import { clientErrorHandler } from './http/client-error';
import { installErrorHandler, sendProblem, toProblem } from './http/error-handler';
import { lazySerializers } from './http/lazy-serializers';
import docs from './plugins/docs';
import security from './plugins/security';
import services from './plugins/services';
import web from './plugins/web';
import api from './routes/index';

export interface BuildOptions extends Partial<AppOptions> {
  /** Another device driver than the simulated device. */
  driver?: DeviceDriver;
  /** Compile response serializers on first use (server.ts; tests keep them eager). */
  lazySerializers?: boolean;
  /** Where JSON log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
  /** Called for every route as it is added (the contract conformance test collects them). */
  onRoute?: (route: RouteOptions) => void;
}

function loggerOptions(
  options: AppOptions,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  if (stream) return { level: options.logLevel, stream };
  if (options.logger === false) return false;
  const base = {
    level: options.logLevel,
    // Never log the session cookie or a password-carrying body.
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
  };
  if (options.logger === 'pretty') {
    return {
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    };
  }
  return base;
}

export type App = FastifyInstance;

/** Builds the app (ready to `listen` or `inject`). Throws when the store cannot open. */
export async function buildApp(build: BuildOptions = {}): Promise<App> {
  const { driver, lazySerializers: lazy, logStream, onRoute, ...partial } = build;
  const options = resolveOptions(partial);
  const app = Fastify({
    logger: loggerOptions(options, logStream),
    bodyLimit: options.bodyLimit,
    // Request ids in logs; the server is not behind a proxy by default.
    requestIdHeader: false,
    // Off by default; EDGENET_TRUST_PROXY behind a TLS proxy (X-Forwarded-Proto/-For/-Host).
    trustProxy: options.trustProxy,
    routerOptions: { maxParamLength: 100 },
    // Slow clients (issue 10): the whole request must arrive within requestTimeout, its headers
    // within headersTimeout; Node checks every second. Idle keep-alive connections close after
    // 10 s. Node's own parser errors (400, 431, 408) answer problem+json too.
    requestTimeout: options.requestTimeoutSeconds * 1000,
    keepAliveTimeout: 10_000,
    http: {
      headersTimeout: options.headersTimeoutSeconds * 1000,
      connectionsCheckingInterval: 1000,
    },
    clientErrorHandler,
    // Router errors (a malformed URL, a too long path parameter) answer problems too.
    frameworkErrors: (error, request, reply) => {
      sendProblem(reply, toProblem(error, request));
    },
    ...(lazy
      ? { schemaController: { compilersFactory: { buildSerializer: lazySerializers() } } }
      : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // JSON only: a text/plain body is a 415, not a string that fails the schema.
  app.removeContentTypeParser('text/plain');

  installErrorHandler(app);
  if (onRoute) app.addHook('onRoute', onRoute);
  await app.register(security, { options });
  await app.register(docs);
  await app.register(services, { options, driver });
  await app.register(api);
  await app.register(web, { webDir: options.webDir });
  await app.ready();
  return app;
}
