import { defineConfig } from 'vitest/config';

/**
 * Integration files that test the embedded store itself (its files on disk, its faults, its data-dir
 * backup and lock): they have no PostgreSQL counterpart to run against.
 */
const EMBEDDED_ONLY = [
  'integration/metadataLayout.test.ts',
  'integration/backupRestore.test.ts',
  'integration/imageBackup.test.ts',
  'integration/savedAndStorageFaults.test.ts',
  'integration/restartAndLock.test.ts',
  'integration/adminCommands.test.ts',
  'integration/importFaults.test.ts',
];

export default defineConfig({
  test: {
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
    // one project after the other, for the same reason
    maxWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'embedded',
          include: ['unit/**/*.test.ts', 'integration/**/*.test.ts', 'e2e/**/*.test.ts'],
          provide: { postgresAdminUrl: null },
        },
      },
      {
        // The same integration suite against the production store (a PostgreSQL of the tests' own).
        extends: true,
        test: {
          name: 'postgres',
          include: ['integration/**/*.test.ts', 'postgres/**/*.test.ts'],
          exclude: EMBEDDED_ONLY,
          globalSetup: ['./helpers/postgres/postgres.globalSetup.ts'],
        },
      },
    ],
  },
});
