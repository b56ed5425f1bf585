import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MIN_PASSWORD_LENGTH } from '@dalil/shared';

/**
 * scrypt as OWASP recommends for it (N=2^17, r=8, p=1): about 128 MiB and a few hundred
 * milliseconds per hash, run on the libuv pool so the event loop keeps serving. New hashes use
 * the configured cost (PASSWORD_HASH_LOG2_N); a stored hash carries its own, so lowering or
 * raising it never locks anyone out.
 */
export const DEFAULT_PASSWORD_HASH_LOG2_N = 17;
let PARAMS = { N: 2 ** DEFAULT_PASSWORD_HASH_LOG2_N, r: 8, p: 1 };

/** Sets the cost of new hashes, once at start (config `PASSWORD_HASH_LOG2_N`). */
export function setPasswordHashCost(log2N: number): void {
  PARAMS = { ...PARAMS, N: 2 ** log2N };
}
const KEY_BYTES = 32;

/**
 * Each hash holds 128 MiB while it runs: at most two at a time, so a burst of logins (or of failed
 * guesses) queues instead of multiplying the server's memory.
 */
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r + 16 * 1024 * 1024 };
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 1024) return 'password is too long';
  return null;
}

/** `scrypt$N$r$p$salt$key`, base64url; parameters are stored so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
