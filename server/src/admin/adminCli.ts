import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { acquireDataDirLock, DataDirLockedError } from '../storage/dataDirLock.ts';
import { MetadataStore } from '../storage/metadataStore.ts';
import { AccountRepository } from '../storage/accountRepository.ts';
import { DomainError } from '../domain/errors.ts';
import { createBackup } from '../backup/createBackup.ts';
import { restoreBackup, RestoreRefusedError } from '../backup/restoreBackup.ts';
import { BackupArchiveError } from '../backup/backupArchive.ts';
import { loadConfig } from '../config.ts';
import { setPasswordHashCost } from '../auth/passwords.ts';
import { BackupSourceError } from '../backup/collectBackupFiles.ts';
import { withSharedAccounts } from './sharedAccounts.ts';
import { migrateToPostgres, MigrationRefusedError } from './migrateToPostgres.ts';
import { createDatabaseBackup, restoreDatabaseBackup } from '../backup/databaseBackup.ts';
import { createPool } from '../storage/postgres/pgPool.ts';
import { LEGACY_METADATA_FILE, METADATA_DIR } from '../storage/dataDirLayout.ts';
import { AdminSocketUnavailableError, runThroughAdminSocket } from './adminSocketClient.ts';
import { isUserCommand, runUserCommand, UsageError, type UserCommand, type UserCommandArgs } from './userCommands.ts';

const USAGE = `Usage: pnpm admin <command> [options]   (DATA_DIR selects the data dir, default ./data)

  user:add --email E --name N --password P   create an account
  user:list                                  list accounts
  user:reset-password --email E --password P set a new password (ends the user's sessions)
  backup <file>                              write a consistent archive of the data dir (server may run);
                                             with DATABASE_URL, of the database and FILES_DIR (same format)
  restore <file>                             fill an empty data dir from an archive (server stopped);
                                             with DATABASE_URL, an empty database and FILES_DIR
  migrate --to postgres                      copy the data dir's metadata and documents into the empty
                                             database of DATABASE_URL, checked after copying (server stopped)

The user commands work with the server running (through its admin socket, DATA_DIR/admin.sock)
or stopped (directly on the data dir; with DATABASE_URL, on the database, and with REDIS_URL the
running nodes apply the change at once).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, to: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  setPasswordHashCost(loadConfig().passwordHashLog2N);
  if (command === 'backup' || command === 'restore') {
    if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one file name`);
    // `pnpm admin` runs in server/; a relative file name means the directory the user typed it in.
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
    const { databaseUrl, filesDir } = loadConfig();
    if (databaseUrl) return command === 'backup' ? databaseBackup(databaseUrl, filesDir, file) : databaseRestore(file, databaseUrl, filesDir);
    return command === 'backup' ? backup(dataDir, file) : restore(file, dataDir);
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  if (command === 'migrate') return migrateCommand(dataDir, values.to);
  if (!isUserCommand(command)) throw new UsageError(`unknown command ${command}`);
  const lines = await userCommand(dataDir, command, values);
  for (const line of lines) console.log(line);
  return 0;
}

/**
 * With the server stopped, the command opens the data dir itself (taking its lock); while a server
 * holds it, the command goes through that server's admin socket, so nobody has to stop writing.
 */
async function userCommand(dataDir: string, command: UserCommand, args: UserCommandArgs): Promise<string[]> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    try {
      return await runThroughAdminSocket(dataDir, command, args);
    } catch (socketErr) {
      if (socketErr instanceof AdminSocketUnavailableError) {
        throw new DataDirLockedError(`${err.message}; its admin socket did not answer (${socketErr.message})`);
      }
      throw socketErr;
    }
  }
  try {
    const { databaseUrl, redisUrl } = loadConfig();
    if (databaseUrl) return await withSharedAccounts(databaseUrl, redisUrl, (accounts) => runUserCommand(accounts, command, args));
    const accounts = new AccountRepository(await MetadataStore.open(dataDir));
    return await runUserCommand(accounts, command, args);
  } finally {
    release();
  }
}

async function migrateCommand(dataDir: string, to: string | undefined): Promise<number> {
  if (to !== 'postgres') throw new UsageError('migrate needs --to postgres');
  const { databaseUrl } = loadConfig();
  if (!databaseUrl) throw new UsageError('migrate --to postgres needs DATABASE_URL (the empty database to fill)');
  if (!existsSync(join(dataDir, METADATA_DIR)) && !existsSync(join(dataDir, LEGACY_METADATA_FILE))) throw new UsageError(`${dataDir} is not a Dalil data dir`);
  const release = acquireDataDirLock(dataDir);
  const pool = createPool(databaseUrl, { warn: () => {} }, 2);
  try {
    const s = await migrateToPostgres(dataDir, pool);
    console.log(
      `copied ${s.records} metadata records (${s.guides} guides) and ${s.documents} section documents from ${dataDir} into the database; ` +
        `every record and document read back equal. Images, versions and approved snapshots stay files: start the servers with FILES_DIR=${dataDir} ` +
        `(or copy its images/, versions/ and snapshots/ into the directory FILES_DIR names).`,
    );
    return 0;
  } finally {
    await pool.end();
    release();
  }
}

/** Production mode: the database (one snapshot) and FILES_DIR, in the same archive format. */
async function databaseBackup(databaseUrl: string, filesDir: string, file: string): Promise<number> {
  const pool = createPool(databaseUrl, { warn: () => {} }, 2);
  try {
    const s = await createDatabaseBackup(pool, filesDir, file);
    console.log(`backup of the database and ${filesDir} written to ${s.file}: ${s.documents} documents, ${s.images} images, ${s.files} files, ${s.archiveBytes} bytes compressed`);
    return 0;
  } finally {
    await pool.end();
  }
}

async function databaseRestore(file: string, databaseUrl: string, filesDir: string): Promise<number> {
  const pool = createPool(databaseUrl, { warn: () => {} }, 2);
  try {
    const s = await restoreDatabaseBackup(file, pool, filesDir);
    console.log(`restored ${s.records} records, ${s.documents} documents and ${s.images} images from the backup of ${s.manifest.createdAt} into the database and ${filesDir}`);
    return 0;
  } finally {
    await pool.end();
  }
}

/** No lock: a backup reads a live data dir consistently without stopping the server that owns it. */
async function backup(dataDir: string, file: string): Promise<number> {
  const s = await createBackup(dataDir, file);
  console.log(
    `backup of ${dataDir} written to ${s.file}: ${s.documents} documents, ${s.images} images, ${s.files} files, ` +
      `${s.rawBytes} bytes → ${s.archiveBytes} bytes compressed` +
      (s.droppedLogBytes > 0 ? ` (${s.droppedLogBytes} bytes of an append in progress left out)` : ''),
  );
  return 0;
}

async function restore(file: string, dataDir: string): Promise<number> {
  const s = await restoreBackup(file, dataDir);
  console.log(`restored ${s.files} files (${s.documents} documents, ${s.images} images) from the backup of ${s.manifest.createdAt} into ${dataDir}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DataDirLockedError) console.error(`admin: ${err.message}`);
    else if (err instanceof BackupArchiveError || err instanceof RestoreRefusedError) {
      console.error(`admin: restore refused, nothing was written: ${err.message}`);
    } else if (err instanceof BackupSourceError) console.error(`admin: backup failed: ${err.message}`);
    else if (err instanceof UsageError || err instanceof DomainError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`admin: ${(err as Error).message}\n\n${USAGE}`);
    } else console.error(err);
    process.exit(2);
  },
);
