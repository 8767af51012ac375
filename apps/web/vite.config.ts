import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server (apps/server) serves `dist` and the API on one origin; in dev, Vite proxies /api to it.
// The web imports only types from the contract, so TypeBox never enters the bundle (the bundle
// budget checks it); the core is marked side-effect free in its package.json.
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
  },
});
