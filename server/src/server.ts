import { loadConfig } from './config.ts';
import { buildApp, type DalilApp } from './app.ts';
import { DataDirLockedError } from './storage/dataDirLock.ts';
import { MetadataMigrationError } from './storage/metadataMigration.ts';
import { DatabaseStartError } from './storage/openStorage.ts';

const config = loadConfig();
let built: DalilApp;
try {
  built = await buildApp(config);
} catch (err) {
  // a data dir this server must not touch: one clear line, not a stack
  if (err instanceof DataDirLockedError || err instanceof MetadataMigrationError || err instanceof DatabaseStartError) {
    console.error(`dalil: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
const { app } = built;

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping: flushing every document to disk');
  const deadline = setTimeout(() => {
    app.log.error({ unsaved: built.registry.unsavedRooms() }, 'could not flush everything within 30 s; exiting anyway');
    process.exit(1);
  }, 30_000);
  try {
    await app.close();
    clearTimeout(deadline);
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ host: config.host, port: config.port });
