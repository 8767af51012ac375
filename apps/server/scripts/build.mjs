/**
 * Compiles the server into ES modules, `dist/server.js` and, for code loaded only when needed (the
 * Linux driver, `--clean`), `dist/chunks/` — so `npm start` runs plain Node with no TypeScript
 * loader at run time (ADR 0032, 0044). The workspace packages (`@edgenet/*`, consumed as
 * TypeScript source) and the dependencies are bundled in, except the few in EXTERNAL, which load
 * from node_modules as installed.
 */

import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Packages that must load from node_modules as installed: a native addon, and packages that find
 * files of their own at run time (pino's transport workers, the Swagger UI's assets).
 */
const EXTERNAL = ['better-sqlite3', 'pino', 'pino-pretty', 'thread-stream', '@fastify/swagger-ui'];

const started = performance.now();
// Chunks are named by content hash: start clean, so no stale one is left beside the new ones.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: serverDir,
  entryPoints: ['src/server.ts'],
  outdir: 'dist',
  // What is loaded with `import()` only when needed (the Linux driver) goes to chunks of its own,
  // so starting the simulated device does not parse it (ADR 0044).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Names stay readable in stack traces and logs.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: EXTERNAL,
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __edgenetRequire } from 'node:module'; const require = __edgenetRequire(import.meta.url);",
  },
});
process.stdout.write(
  `server built: apps/server/dist/server.js (${Math.round(performance.now() - started)} ms)\n`,
);
