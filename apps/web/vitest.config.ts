import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
    // Whole-app renders load lazy pages on first use; give them room on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
