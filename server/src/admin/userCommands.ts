import type { AccountRepository } from '../storage/accountRepository.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

export const USER_COMMANDS = ['user:add', 'user:list', 'user:reset-password'] as const;
export type UserCommand = (typeof USER_COMMANDS)[number];

/** The one route of the running server's admin socket. */
export const ADMIN_COMMANDS_PATH = '/user-commands';

export interface UserCommandArgs {
  email?: string;
  name?: string;
  password?: string;
}

/** Bad input to an admin command: the message says what to change. */
export class UsageError extends Error {}

export function isUserCommand(command: string): command is UserCommand {
  return (USER_COMMANDS as readonly string[]).includes(command);
}

/**
 * Runs one account command and returns the lines to print. The same code serves the CLI on a
 * stopped server's data dir and the running server's admin socket, so both behave alike.
 */
export async function runUserCommand(accounts: AccountRepository, command: UserCommand, args: UserCommandArgs): Promise<string[]> {
  const need = (key: keyof UserCommandArgs): string => {
    const value = args[key];
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
      return [`created ${user.email} (${user.name}), id ${user.id}`];
    }
    case 'user:list':
      return accounts.listUsers().map((u) => `${u.id}\t${u.email}\t${u.name}\t${u.createdAt}`);
    case 'user:reset-password': {
      const user = accounts.findUserByEmail(need('email'));
      if (!user) throw new UsageError(`no account with email ${args.email}`);
      await accounts.updateUser(user.id, { passwordHash: await checkedHash(need('password')) });
      return [`password of ${user.email} changed; their sessions were ended`];
    }
  }
}
