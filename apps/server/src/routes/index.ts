/**
 * The API routes (SPEC §4), in one encapsulated scope that enforces sign-in:
 * - `config.auth: 'public'`: no session needed (health, settings, sign-in, sign-out);
 * - `config.auth: 'session'`: a session, even while the initial password must change (the
 *   session itself, the password change);
 * - otherwise a session with the password changed, else 403 `password.changeRequired`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestHookHandler } from 'fastify';
import { passwordChangeRequired, type SessionRecord } from '../auth/auth-service';
import { sessionIdOf } from '../http/session-cookie';
import compute from './compute';
import consoleRoutes from './console';
import device from './device';
import exchange from './exchange';
import kubernetes from './kubernetes';
import ports from './ports';
import probe from './probe';
import revisions from './revisions';
import routes from './routes';
import services from './services';
import session from './session';
import validate from './validate';
import virtualSwitches from './virtual-switches';

export type AuthLevel = 'public' | 'session' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel;
  }
  interface FastifyRequest {
    session: SessionRecord | null;
  }
}

const api: FastifyPluginAsyncTypebox = async (app) => {
  app.decorateRequest('session', null);
  // The sign-in check is a hook of each route that needs one, chosen once when the route is
  // added (ADR 0043): public routes run none, and no request reads its route's options for it.
  const signedIn = (admin: boolean): onRequestHookHandler =>
    function requireSession(request, _reply, done) {
      try {
        request.session = app.auth.authenticate(sessionIdOf(request));
      } catch (error) {
        return done(error as Error);
      }
      done(admin && app.auth.mustChangePassword ? passwordChangeRequired() : undefined);
    };
  const hooks = { admin: signedIn(true), session: signedIn(false) };
  app.addHook('onRoute', (route) => {
    const level = route.config?.auth ?? 'admin';
    if (level === 'public') return;
    // First among the route's own onRequest hooks, as the scope-wide hook it replaces ran.
    route.onRequest = [hooks[level], ...[route.onRequest ?? []].flat()];
  });
  await app.register(session);
  await app.register(device);
  await app.register(ports);
  await app.register(compute);
  await app.register(routes);
  await app.register(kubernetes);
  await app.register(validate);
  await app.register(consoleRoutes);
  await app.register(revisions);
  await app.register(exchange);
  await app.register(services);
  await app.register(virtualSwitches);
  await app.register(probe);
};

export default api;
