import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { chmod, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountRepository } from '../storage/accountRepository.ts';
import { MAX_NAME_LENGTH } from '@dalil/shared';
import { ADMIN_SOCKET } from '../storage/dataDirLayout.ts';
import { DomainError } from '../domain/errors.ts';
import { refusalReply } from '../plugins/errorReplies.ts';
import { ApiErrorSchema } from '@dalil/shared/api/common.ts';
import { ADMIN_COMMANDS_PATH, runUserCommand, USER_COMMANDS, UsageError, type UserCommand } from './userCommands.ts';

export interface AdminSocketOptions {
  dataDir: string;
  accounts: AccountRepository;
}

/** Linux limits a Unix socket path to 107 bytes. */
const MAX_SOCKET_PATH_BYTES = 107;

interface CommandBody {
  command: UserCommand;
  email?: string;
  name?: string;
  password?: string;
}


const commandSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      command: { type: 'string', enum: [...USER_COMMANDS] },
      email: { type: 'string', maxLength: 320 },
      name: { type: 'string', maxLength: MAX_NAME_LENGTH },
      password: { type: 'string', maxLength: 1024 },
    },
    required: ['command'],
  },
  response: {
    200: { type: 'object', properties: { lines: { type: 'array', items: { type: 'string' } } }, required: ['lines'] },
    400: { $ref: 'Error#' },
    409: { $ref: 'Error#' },
  },
} as const;

/**
 * The running server's admin socket: `pnpm admin user:*` reaches it when the server holds the data
 * dir, so accounts can be added and passwords reset without stopping everyone's writing. It is a
 * Unix socket in the data dir, readable and writable by the server's user only: whoever may use it
 * could read the data dir anyway. It goes through the server's own AccountRepository, so a reset
 * password ends the sessions the server is checking.
 */
export default fp(
  async (app, options: AdminSocketOptions) => {
    const path = join(options.dataDir, ADMIN_SOCKET);
    const admin = Fastify({ logger: false });
    admin.addSchema(ApiErrorSchema);
    admin.post<{ Body: CommandBody }>(ADMIN_COMMANDS_PATH, { schema: commandSchema }, async (request, reply) => {
      const { command, ...args } = request.body;
      // Never the password.
      app.log.info({ command, email: args.email }, 'admin command from the admin socket');
      try {
        return { lines: await runUserCommand(options.accounts, command, args) };
      } catch (err) {
        if (err instanceof UsageError) return reply.code(400).send({ error: 'usage', message: err.message });
        // An account the command cannot make (taken email, bad address): said as the API says it.
        const refusal = err instanceof DomainError && (err.kind === 'invalid' || err.kind === 'conflict') ? refusalReply(err) : null;
        if (refusal) return reply.code(refusal.status).send({ error: refusal.body.error, message: refusal.body.message });
        throw err;
      }
    });

    let listening = false;
    app.addHook('onReady', async () => {
      if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
        app.log.warn({ path }, 'data dir path too long for the admin socket: account commands need the server stopped');
        return;
      }
      // We hold the data-dir lock: a socket file left here is from a server that died.
      await unlink(path).catch(() => undefined);
      await admin.listen({ path });
      await chmod(path, 0o600);
      listening = true;
    });
    app.addHook('onClose', async () => {
      await admin.close();
      if (listening) await unlink(path).catch(() => undefined);
    });
  },
  { name: 'admin-socket' },
);
