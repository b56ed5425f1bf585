import { request } from 'node:http';
import { join } from 'node:path';
import { ADMIN_SOCKET } from '../storage/dataDirLayout.ts';
import { ADMIN_COMMANDS_PATH, UsageError, type UserCommand, type UserCommandArgs } from './userCommands.ts';

/** The server holding the data dir did not answer on its admin socket. */
export class AdminSocketUnavailableError extends Error {}

/** Runs an account command in the server that holds `dataDir`; resolves with the lines to print. */
export function runThroughAdminSocket(dataDir: string, command: UserCommand, args: UserCommandArgs, timeoutMs = 30_000): Promise<string[]> {
  const body = JSON.stringify({ command, ...args });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: join(dataDir, ADMIN_SOCKET),
        path: ADMIN_COMMANDS_PATH,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let reply: { lines?: string[]; message?: string };
          try {
            reply = JSON.parse(text) as typeof reply;
          } catch {
            reject(new AdminSocketUnavailableError(`the server answered ${res.statusCode} with something that is not JSON`));
            return;
          }
          if (res.statusCode === 200 && Array.isArray(reply.lines)) resolve(reply.lines);
          else if (res.statusCode === 400 || res.statusCode === 409) reject(new UsageError(reply.message ?? `refused (${res.statusCode})`));
          else reject(new AdminSocketUnavailableError(`the server answered ${res.statusCode}: ${reply.message ?? text}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new AdminSocketUnavailableError(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => reject(err instanceof AdminSocketUnavailableError ? err : new AdminSocketUnavailableError(err.message)));
    req.end(body);
  });
}
