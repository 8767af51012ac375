/**
 * Budget: initial JavaScript ≤ 110 kB gzip (issue 17; it was 150 kB for issue 4), printed beside a
 * blank Vite React app built the same way (same Vite, same React plugin, same target), so the
 * figure has a yardstick. The Japanese tables are a chunk loaded on demand (ADR 0033), so they are
 * not in it.
 *
 * "Initial JS" is what the browser must load before the first paint: the entry chunk of
 * index.html and every chunk it imports statically, recursively (the build manifest's `imports`);
 * pages loaded on demand (`dynamicImports`) are not in it. The script tags and module preloads of
 * the built index.html are checked to name the same files. Sizes are gzip at zlib's default level,
 * as Vite reports them; kB = 1000 bytes.
 *
 *   npm run bench -w @edgenet/web          (this, then the DOM budget)
 *   npx tsx apps/web/bench/bundle.bench.ts
 *
 * Builds go to temporary folders: apps/web/dist, which the server serves, is left alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const WEB = fileURLToPath(new URL('..', import.meta.url));
/** Inside the repository, so the blank app resolves react from the workspace's node_modules. */
const BLANK = join(WEB, 'bench', '.blank');
const BUDGET_KB = 110;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

interface Initial {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  css: number;
  lazyChunks: number;
}

/** The entry chunk and its static imports, from the manifest; checked against index.html. */
function initialJs(outDir: string): Initial {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error(`${outDir}: the manifest has no entry`);
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${outDir}: the manifest has no ${key}`);
    for (const c of chunk.css ?? []) css.add(c);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry[0]);
  const files = [...seen].map((key) => (manifest[key] as ManifestChunk).file);

  // What index.html makes the browser fetch: its module script and its module preloads.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g),
  ].map((m) => m[1] as string);
  const missing = referenced.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`index.html loads ${missing.join(', ')} beyond the manifest`);

  const sized = files.map((file) => {
    const body = readFileSync(join(outDir, file));
    return { file, bytes: body.length, gzip: gzipSync(body).length };
  });
  const cssGzip = [...css].reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f))).length, 0);
  const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js')).length - files.length;
  return {
    files: sized,
    bytes: sized.reduce((n, f) => n + f.bytes, 0),
    gzip: sized.reduce((n, f) => n + f.gzip, 0),
    css: cssGzip,
    lazyChunks: lazy,
  };
}

/** Gzip size of the on-demand chunk built from `source` (a manifest key), or null if none. */
function lazyChunkGzip(outDir: string, source: string): number | null {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const chunk = manifest[source];
  return chunk ? gzipSync(readFileSync(join(outDir, chunk.file))).length : null;
}

async function buildApp(outDir: string) {
  await build({
    root: WEB,
    configFile: join(WEB, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false },
  });
}

/** A blank Vite React app: index.html and a main.tsx that renders one div. */
async function buildBlank(outDir: string) {
  await rm(BLANK, { recursive: true, force: true });
  await mkdir(join(BLANK, 'src'), { recursive: true });
  await writeFile(
    join(BLANK, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>blank</title></head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n',
  );
  await writeFile(
    join(BLANK, 'src', 'main.tsx'),
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\n\nconst root = document.getElementById('root');\nif (root) createRoot(root).render(<StrictMode><div>blank</div></StrictMode>);\n",
  );
  await build({
    root: BLANK,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      reportCompressedSize: false,
    },
  });
}

const kb = (n: number) => Math.round(n / 10) / 100;

async function main() {
  const tmp = await mkdtemp(join(tmpdir(), 'edgenet-e2e-bundle-'));
  try {
    const appOut = join(tmp, 'app');
    const blankOut = join(tmp, 'blank');
    await buildApp(appOut);
    await buildBlank(blankOut);
    const app = initialJs(appOut);
    // Japanese (web UI strings + core issue messages), loaded before the first render only when
    // Japanese is chosen (ADR 0033).
    const ja = lazyChunkGzip(appOut, 'src/lib/messages/ja-tables.ts');
    const blank = initialJs(blankOut);
    const result = {
      budget: 'initial JS, gzip',
      limitKb: BUDGET_KB,
      app: {
        gzipKb: kb(app.gzip),
        rawKb: kb(app.bytes),
        cssGzipKb: kb(app.css),
        files: app.files.map((f) => ({ file: f.file, gzipKb: kb(f.gzip) })),
        lazyChunks: app.lazyChunks,
        japaneseChunkGzipKb: ja === null ? null : kb(ja),
      },
      blank: { gzipKb: kb(blank.gzip), rawKb: kb(blank.bytes) },
      ratioToBlank: Math.round((app.gzip / blank.gzip) * 100) / 100,
      withinBudget: app.gzip <= BUDGET_KB * 1000,
    };
    console.log(JSON.stringify(result, null, 2));
    console.log('\nInitial JS (entry chunk + static imports), gzip:');
    console.table({
      'edgenet web app': {
        'gzip kB': kb(app.gzip),
        'raw kB': kb(app.bytes),
        files: app.files.length,
      },
      'blank Vite React app': {
        'gzip kB': kb(blank.gzip),
        'raw kB': kb(blank.bytes),
        files: blank.files.length,
      },
    });
    console.log(
      `edgenet / blank = ${result.ratioToBlank}×; budget ${BUDGET_KB} kB: ${
        result.withinBudget ? 'within' : 'OVER'
      } (${kb(app.gzip)} kB). Pages load on demand in ${app.lazyChunks} more chunks.`,
    );
    if (ja !== null)
      console.log(
        `Japanese tables: ${kb(ja)} kB gzip more, loaded on demand (first render in Japanese: ${kb(
          app.gzip + ja,
        )} kB).`,
      );
    if (!result.withinBudget) process.exitCode = 1;
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(BLANK, { recursive: true, force: true });
  }
  if (existsSync(BLANK)) console.warn(`could not remove ${relative(process.cwd(), BLANK)}`);
}

await main();
