/**
 * The API routes (SPEC §4), in one encapsulated scope that enforces sign-in:
 * - `config.auth: 'public'`: no session needed (health, settings, sign-in, sign-out);
 * - `config.auth: 'session'`: a session, even while the initial password must change (the
 *   session itself, the password change);
 * - otherwise a session with the password changed, else 403 `password.changeRequired`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
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
  app.addHook('onRequest', (request, _reply, done) => {
    const level = request.routeOptions.config.auth ?? 'admin';
    if (level === 'public') return done();
    try {
      request.session = app.auth.authenticate(sessionIdOf(request));
    } catch (error) {
      return done(error as Error);
    }
    done(level === 'admin' && app.auth.mustChangePassword ? passwordChangeRequired() : undefined);
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
