import { defineProject } from 'vitest/config';

// EDGENET_TEST_DRIVER=linux: the same suites on network namespaces, where each change and each job
// step runs real `ip` commands (tens of milliseconds each on a busy machine), hence longer timeouts.
const linux = process.env.EDGENET_TEST_DRIVER === 'linux';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    ...(linux ? { testTimeout: 60_000, hookTimeout: 30_000 } : {}),
  },
});
