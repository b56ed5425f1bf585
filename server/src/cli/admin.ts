import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { acquireDataDirLock, DataDirLockedError } from '../storage/dataDirLock.ts';
import { MetadataStore } from '../storage/metadataStore.ts';
import { AccountRepository } from '../storage/accountRepository.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { ApiError } from '../errors.ts';

const USAGE = `Usage: pnpm admin <command> [options]   (DATA_DIR selects the data dir, default ./data)

  user:add --email E --name N --password P   create an account
  user:list                                  list accounts
  user:reset-password --email E --password P set a new password (ends the user's sessions)

The server must be stopped: one process owns a data dir at a time.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = acquireDataDirLock(dataDir);
  try {
    const accounts = new AccountRepository(await MetadataStore.open(join(dataDir, 'metadata.json')));
    const need = (key: 'email' | 'name' | 'password'): string => {
      const value = values[key];
      if (!value) throw new UsageError(`--${key} is required`);
      return value;
    };
    const checkedHash = async (password: string) => {
      const problem = passwordProblem(password);
      if (problem) throw new UsageError(problem);
      return hashPassword(password);
    };
    switch (command) {
      case 'user:add': {
        const user = await accounts.createUser({ email: need('email'), name: need('name'), passwordHash: await checkedHash(need('password')) });
        console.log(`created ${user.email} (${user.name}), id ${user.id}`);
        return 0;
      }
      case 'user:list':
        for (const u of accounts.listUsers()) console.log(`${u.id}\t${u.email}\t${u.name}\t${u.createdAt}`);
        return 0;
      case 'user:reset-password': {
        const user = accounts.findUserByEmail(need('email'));
        if (!user) throw new UsageError(`no account with email ${values.email}`);
        await accounts.updateUser(user.id, { passwordHash: await checkedHash(need('password')) });
        console.log(`password of ${user.email} changed; their sessions were ended`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    release();
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DataDirLockedError) console.error(`admin: ${err.message}`);
    else if (err instanceof UsageError || err instanceof ApiError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`admin: ${(err as Error).message}\n\n${USAGE}`);
    } else console.error(err);
    process.exit(2);
  },
);
