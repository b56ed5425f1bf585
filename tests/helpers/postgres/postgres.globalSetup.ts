import type { TestProject } from 'vitest/node';
import { PostgresCluster } from './postgresCluster.ts';

// the ProvidedContext it fills is declared there
import type {} from './testDatabase.ts';

/** Starts the PostgreSQL server the `postgres` project's servers store into, and stops it after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await PostgresCluster.create();
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.destroy();
}
