import { defineConfig } from 'vitest/config';

// One run covers every workspace; each workspace keeps its own config (environment, setup).
export default defineConfig({
  test: {
    projects: [
      'packages/network-config',
      'packages/hcs-shell',
      'apps/server',
      'apps/cli',
      'apps/web',
    ],
  },
});
