import { Unavailable } from '../../domain/errors.ts';

/**
 * Errors that say the database cannot be reached or is going away (connection refused or reset,
 * server shutting down or starting, pool timeout), as opposed to a query PostgreSQL refused. Only
 * these are worth retrying, and only these become "try again later" for a person.
 */
export function isDatabaseUnreachable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  const code = e.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENOENT'].includes(code)) return true;
  // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now
  if (/^08/.test(code) || ['57P01', '57P02', '57P03'].includes(code)) return true;
  const message = e.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(message);
}

export function databaseUnavailable(): Unavailable {
  return new Unavailable('database_unavailable', 'The database cannot be reached at the moment; nothing was changed. Try again in a moment.');
}

/** The connection dropped while a change was being committed: it may or may not be stored. */
export function commitUncertain(): Unavailable {
  return new Unavailable(
    'database_unavailable',
    'The database stopped answering while your change was being saved: it may not have been saved. Check in a moment, and try again if it is missing.',
  );
}
