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
    // Every suite creates accounts: scrypt at N=2^14 (16 MiB) instead of the production 2^17 (128 MiB,
    // ~8x the time) keeps setup from dominating the run; accounts.test.ts checks the stored cost.
    env: { PASSWORD_HASH_LOG2_N: '14' },
    reporters: ['default', './helpers/summaryReporter.ts'],
  },
});
