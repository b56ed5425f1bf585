import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['unit/**/*.test.ts', 'integration/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['./helpers/buildServer.globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Servers, browsers and kill -9 storms share two cores: run files one after another so that
    // timing-sensitive tests are not starved by each other.
    fileParallelism: false,
    reporters: ['default', './helpers/summaryReporter.ts'],
  },
});
