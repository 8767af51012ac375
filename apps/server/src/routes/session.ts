import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SessionRecord } from '../auth/auth-service';
import { routeSchema } from '../http/endpoint-schema';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from '../http/session-cookie';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const started = Date.now();

  app.get(
    ENDPOINTS.getHealth.path,
    {
      config: { auth: 'public' },
      schema: routeSchema('getHealth'),
    },
    async () => ({
      status: 'ok' as const,
      uptimeSeconds: Math.floor((Date.now() - started) / 1000),
    }),
  );

  app.get(
    ENDPOINTS.getSettings.path,
    {
      config: { auth: 'public' },
      schema: routeSchema('getSettings'),
    },
    async () => ({
      kiosk: app.appOptions.kiosk,
      idleTimeoutSeconds: app.appOptions.sessionIdleSeconds,
      driver: app.device.kind,
    }),
  );

  app.post(
    ENDPOINTS.signIn.path,
    {
      config: {
        auth: 'public',
        rateLimit: 'signIn',
      },
      schema: routeSchema('signIn'),
    },
    async (request, reply) => {
      const { token, body } = await app.auth.signIn(request.body.password, request.ip);
      // A new sign-in replaces the session this browser had (a failed one leaves it alone).
      app.auth.signOut(sessionIdOf(request));
      setSessionCookie(request, reply, token);
      request.log.info({ failedBefore: body.failedAttemptsSinceLastSignIn }, 'signed in');
      return body;
    },
  );

  app.get(
    ENDPOINTS.getSession.path,
    {
      config: { auth: 'session' },
      schema: routeSchema('getSession'),
    },
    async (request) => app.auth.describe(request.session as SessionRecord),
  );

  app.delete(
    ENDPOINTS.signOut.path,
    {
      config: { auth: 'public' },
      schema: routeSchema('signOut'),
    },
    async (request, reply) => {
      app.auth.signOut(sessionIdOf(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    ENDPOINTS.changePassword.path,
    {
      config: { auth: 'session' },
      schema: routeSchema('changePassword'),
    },
    async (request, reply) => {
      const { token, body } = await app.auth.changePassword(
        request.session as SessionRecord,
        request.body.currentPassword,
        request.body.newPassword,
        request.ip,
      );
      setSessionCookie(request, reply, token);
      request.log.info('password changed; other sessions ended');
      return body;
    },
  );
};

export default routes;
