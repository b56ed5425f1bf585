import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { SECRET_FILE } from '../storage/dataDirLayout.ts';

/**
 * The secret that binds CSRF tokens to sessions: from `SESSION_SECRET`, or generated once and kept
 * in the data dir, readable by the server's user only.
 */
export function loadServerSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('SESSION_SECRET must have at least 32 characters');
    return Buffer.from(fromEnv);
  }
  const path = join(dataDir, SECRET_FILE);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return Buffer.from(readFileSync(path, 'utf8').trim());
}
