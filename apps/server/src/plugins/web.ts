/**
 * The web app on the same origin as the API: the built files (EDGENET_WEB_DIR), with the
 * single-page app's index.html for every other GET outside /api. Without a build, a small page
 * says how to make one. Unknown /api paths answer a 404 problem.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from '../http/error-handler';
import { HttpProblem } from '../http/problems';
import { serverText } from '../messages';

const NO_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>edgenet — web app not built</title></head>
<body>
<h1>edgenet</h1>
<p>The API is running (<a href="/api/docs">API documentation</a>), but the web app has not been built.</p>
<p>Run <code>npm run build</code> in the repository, or start with <code>npm start</code>, which builds it first.
Set <code>EDGENET_WEB_DIR</code> to serve a build from elsewhere.</p>
<p lang="ja">${serverText('web.notBuilt').ja}</p>
</body>
</html>
`;

function apiNotFound(request: FastifyRequest) {
  return new HttpProblem({
    status: 404,
    code: 'resource.notFound',
    params: { method: request.method, path: request.url.split('?')[0] },
  });
}

export default fp<{ webDir: string | null }>(
  async (app, { webDir }) => {
    const index = webDir ? join(webDir, 'index.html') : null;
    const built = index !== null && existsSync(index);
    if (built && webDir) {
      await app.register(fastifyStatic, {
        root: webDir,
        wildcard: false,
        index: false,
        // Vite's hashed assets never change; index.html must always be fresh.
        setHeaders: (reply, path) => {
          reply.header(
            'cache-control',
            path.includes(`${join(webDir, 'assets')}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      });
    } else {
      app.log.warn(
        { webDir },
        'no web app build found: serving a page that says to run `npm run build`',
      );
    }

    app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/'))
        return sendProblem(reply, apiNotFound(request));
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendProblem(reply, apiNotFound(request));
      }
      // A missing file (a path with an extension) is a 404, not the app's HTML in its place.
      if (/\.[a-z0-9]+$/i.test(path)) {
        return reply.status(404).type('text/plain; charset=utf-8').send('Not found\n');
      }
      if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply.type('text/html; charset=utf-8').send(NO_BUILD_PAGE);
    });
  },
  { name: 'edgenet-web' },
);
