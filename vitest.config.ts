import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Integration tests run real Astro builds; one file at a time keeps a 2-core machine responsive.
    fileParallelism: false,
  },
});
