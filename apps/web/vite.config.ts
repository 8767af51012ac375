import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Modules whose top level only defines things (no side effects), so what the web does not use is
 * dropped: TypeBox (only reached through the contract's schemas), ip-address, and the core itself
 * ("pure TypeScript, no I/O"). The core could say so with `"sideEffects": false`.
 */
const PURE_MODULES =
  /[\\/](node_modules[\\/](typebox|ip-address)|packages[\\/]network-config[\\/]src)[\\/]/;

// The server (apps/server) serves `dist` and the API on one origin; in dev, Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    rolldownOptions: {
      treeshake: {
        // The contract module builds its TypeBox schemas at load time; the web imports only its
        // types and the `API` URL table, so those schema calls are dropped as pure and TypeBox
        // stays out of the bundle (checked by the bundle budget).
        manualPureFunctions: ['Type', 'Nullable', 'SKU_IDS', 'ISSUE_CODES'],
        moduleSideEffects: (id: string) => !PURE_MODULES.test(id),
      },
    },
  },
});
