/**
 * The OpenAPI document, generated from the same TypeBox schemas the routes validate and serialize
 * with, at /api/openapi.json, and Swagger UI at /api/docs. Both are public: the API's shape is no
 * secret, and every call it makes still needs a session.
 * Registered before the routes (it collects them as they are added).
 *
 * Swagger UI loads on the first visit of /api/docs, not at start-up (ADR 0044): loading
 * `@fastify/swagger-ui` and what it requires from node_modules was the largest single part of
 * the time to listen. It then runs in a Fastify instance of its own, answering the main app's
 * /api/docs requests through `inject`, with its answers' headers and body passed on as they are.
 */

import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { problemResponsesOf, routeSchema } from '../http/endpoint-schema';

/** Swagger UI styles some elements inline, so its own pages allow inline styles (only they do). */
const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/** Headers of the inner answer that belong to its own connection, not to the outer answer. */
const HOP_HEADERS = new Set([
  'connection',
  'content-length',
  'date',
  'keep-alive',
  'transfer-encoding',
]);

/** Swagger UI in an instance of its own, showing the main app's OpenAPI document. */
async function swaggerUiApp(app: FastifyInstance): Promise<FastifyInstance> {
  const { default: swaggerUi } = await import('@fastify/swagger-ui');
  const ui = Fastify({ logger: false });
  // What Swagger UI needs of @fastify/swagger: the document, here the main app's.
  await ui.register(
    fp(
      async (inner) => {
        inner.decorate('swagger', ((options?: { yaml?: boolean }) =>
          app.swagger(options as { yaml: true })) as FastifyInstance['swagger']);
      },
      { name: '@fastify/swagger' },
    ),
  );
  await ui.register(swaggerUi, {
    routePrefix: API.docs,
    staticCSP: DOCS_CSP,
    uiConfig: { url: API.openapi, validatorUrl: null } as never,
  });
  await ui.ready();
  return ui;
}

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'edgenet API',
          description:
            'The Compute network of a (simulated) Azure Stack Edge Pro GPU device. Errors are RFC 9457 problem+json; writes take the revision in If-Match; sign in with POST /api/session (cookie `edgenet_session`).',
          version: '0.1.0',
        },
        tags: [
          { name: 'session', description: 'Sign-in and password' },
          { name: 'device', description: 'Device, configuration document, revisions' },
          { name: 'ports', description: 'Network interfaces' },
          { name: 'compute', description: 'Compute network and its jobs' },
          { name: 'routes', description: 'Custom routes on the Kubernetes VMs' },
          { name: 'kubernetes', description: 'The Kubernetes cluster' },
        ],
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'edgenet_session' },
          },
        },
        security: [{ session: [] }],
      },
      transform: ({ schema, url, route }) => {
        if (!url.startsWith('/api/') || !schema || (schema as { hide?: boolean }).hide) {
          return { schema, url };
        }
        // The problems each route can answer, as the endpoint table lists them.
        const method = Array.isArray(route.method) ? route.method[0] : route.method;
        const problems = Object.fromEntries(
          Object.entries(problemResponsesOf(String(method), url)).map(([status, problem]) => [
            status,
            {
              description: 'RFC 9457 problem details',
              content: { 'application/problem+json': { schema: problem } },
            },
          ]),
        );
        const response = { ...problems, ...((schema.response as object) ?? {}) };
        return { schema: { ...schema, response }, url };
      },
    });
    let ui: Promise<FastifyInstance> | undefined;
    app.addHook('onClose', async () => {
      await (await ui?.catch(() => undefined))?.close();
    });
    const docs = async (request: FastifyRequest, reply: FastifyReply) => {
      ui ??= swaggerUiApp(app).catch((error: unknown) => {
        ui = undefined; // try again on the next visit
        throw error;
      });
      const answer = await (await ui).inject({
        method: request.method as 'GET' | 'HEAD',
        url: request.url,
        headers: request.headers,
      });
      // Not Swagger UI's: the main app's 404 (a problem, with the main app's headers).
      if (answer.statusCode === 404) return reply.callNotFound();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_HEADERS.has(name)) reply.header(name, value);
      }
      return reply.status(answer.statusCode).send(answer.rawPayload);
    };
    for (const url of [API.docs, `${API.docs}/*`]) {
      app.get(url, { schema: { hide: true }, config: { auth: 'public' } }, docs);
    }
    app.get(
      ENDPOINTS.getOpenApi.path,
      { schema: { ...routeSchema('getOpenApi'), hide: true }, config: { auth: 'public' } },
      async () => app.swagger(),
    );
  },
  { name: 'edgenet-docs' },
);
