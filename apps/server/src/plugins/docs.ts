/**
 * The OpenAPI document, generated from the same TypeBox schemas the routes validate and serialize
 * with, at /api/openapi.json, and Swagger UI at /api/docs. Both are public: the API's shape is no
 * secret, and every call it makes still needs a session.
 * Registered before the routes (it collects them as they are added).
 */

import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
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
    await app.register(swaggerUi, {
      routePrefix: API.docs,
      staticCSP: DOCS_CSP,
      uiConfig: { url: API.openapi, validatorUrl: null } as never,
    });
    app.get(
      ENDPOINTS.getOpenApi.path,
      { schema: { ...routeSchema('getOpenApi'), hide: true }, config: { auth: 'public' } },
      async () => app.swagger(),
    );
  },
  { name: 'edgenet-docs' },
);
