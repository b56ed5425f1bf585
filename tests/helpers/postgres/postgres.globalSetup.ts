import type { TestProject } from 'vitest/node';
import { PostgresCluster } from './postgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's PostgreSQL (its `postgres` database), when the run tests the PostgreSQL store. */
    postgresAdminUrl: string | null;
  }
}

/** Starts the PostgreSQL server the `postgres` project's servers store into, and stops it after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await PostgresCluster.create();
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.destroy();
}
