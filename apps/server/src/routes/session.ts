/** Health, public settings, sign-in, sign-out and the password change. */
import {
  API,
  PasswordChangeSchema,
  SessionRequestSchema,
  SessionSchema,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { SessionRecord } from '../auth/auth-service';
import { HealthSchema, SettingsSchema } from '../http/schemas';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from '../http/session-cookie';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const started = Date.now();

  app.get(
    API.health,
    {
      config: { auth: 'public' },
      schema: { tags: ['device'], summary: 'Liveness', response: { 200: HealthSchema } },
    },
    async () => ({
      status: 'ok' as const,
      uptimeSeconds: Math.floor((Date.now() - started) / 1000),
    }),
  );

  app.get(
    API.settings,
    {
      config: { auth: 'public' },
      schema: {
        tags: ['device'],
        summary: 'What the web app needs before sign-in (kiosk mode, idle timeout)',
        response: { 200: SettingsSchema },
      },
    },
    async () => ({
      kiosk: app.appOptions.kiosk,
      idleTimeoutSeconds: app.appOptions.sessionIdleSeconds,
      driver: app.device.kind,
    }),
  );

  app.post(
    API.session,
    {
      config: {
        auth: 'public',
        rateLimit: 'signIn',
      },
      schema: {
        tags: ['session'],
        summary: 'Sign in with the admin password → session cookie',
        body: SessionRequestSchema,
        response: { 200: SessionSchema },
      },
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
    API.session,
    {
      config: { auth: 'session' },
      schema: {
        tags: ['session'],
        summary: 'The current session (401 when signed out)',
        response: { 200: SessionSchema },
      },
    },
    async (request) => app.auth.describe(request.session as SessionRecord),
  );

  app.delete(
    API.session,
    {
      config: { auth: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      app.auth.signOut(sessionIdOf(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    API.password,
    {
      config: { auth: 'session' },
      schema: {
        tags: ['session'],
        summary: 'Change the admin password (required at first sign-in)',
        body: PasswordChangeSchema,
        response: { 200: SessionSchema },
      },
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
