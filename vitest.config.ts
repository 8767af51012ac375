import { defineConfig } from 'vitest/config';

// One run covers every workspace; each workspace keeps its own config (environment, setup).
export default defineConfig({
  test: {
    projects: ['packages/network-config', 'apps/server', 'apps/cli', 'apps/web'],
  },
});
