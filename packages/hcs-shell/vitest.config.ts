import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'hcs-shell', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
