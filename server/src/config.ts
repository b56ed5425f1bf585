import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /**
   * Where images, approved snapshots and versions are kept: the data dir unless FILES_DIR says
   * otherwise (with several nodes, a directory they all share).
   */
  filesDir: string;
  /** PostgreSQL for metadata and documents (production mode), or null for the embedded store. */
  databaseUrl: string | null;
  /** Redis joining several nodes, or null for a single node. */
  redisUrl: string | null;
  /** WebSocket frames larger than this close the socket with 1009. */
  maxMessageBytes: number;
  /** Largest accepted HTTP body. */
  maxBodyBytes: number;
  /** Seed the demo guide when the data dir is empty. */
  demo: boolean;
  logLevel: string;
  /** Group-commit window for document updates. */
  commitDelayMs: number;
  /** Built client to serve, or null to serve the API only. */
  clientDist: string | null;
  /** How long an empty room stays loaded. */
  unloadDelayMs: number;
  /** Pause in a section's edits after which derived data (word counts, detached threads) is recomputed. */
  settleDelayMs: number;
  pingIntervalMs: number;
  /** Origin browsers must come from (e.g. https://dalil.example.org); by default the Host header's. */
  publicOrigin: string | null;
  /** Binds CSRF tokens to sessions; generated into the data dir when absent. */
  sessionSecret: string | undefined;
  /** Per-IP budget of HTTP requests per minute. */
  requestsPerMinute: number;
  /** Per-IP budget of login attempts per minute (a per-account brake comes on top). */
  loginRatePerMinute: number;
  /** log2 of scrypt's N for new password hashes (17 = OWASP's choice, 128 MiB; the test suite uses 14). */
  passwordHashLog2N: number;
  /** Largest Word file an import accepts (413 above). */
  importMaxBytes: number;
  /** Chromium that prints PDF exports (Debian's package by default). */
  chromiumPath: string;
  /** Largest image upload, in bytes (larger: 413). */
  imageMaxBytes: number;
  /** Most pixels an uploaded image may declare, all frames counted (more: refused as a decompression bomb). */
  imageMaxPixels: number;
  /**
   * Fastify's `trustProxy`: whether X-Forwarded-For/-Proto/-Host are believed. Off by default
   * (anyone could claim any address); behind a TLS reverse proxy, set it so that cookies get
   * `Secure` and rate limits see real client addresses.
   */
  trustProxy: boolean | string;
  /** Days a guide stays in the trash (restorable) before it is deleted for good. */
  guideTrashDays: number;
  /** How often trashed guides past their period are purged (also once at start). */
  guidePurgeIntervalMs: number;
}

const DEFAULT_CLIENT_DIST = resolve(import.meta.dirname, '../../client/dist');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    filesDir: resolve(env.FILES_DIR || env.DATA_DIR || './data'),
    databaseUrl: urlFrom(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: urlFrom(env, 'REDIS_URL', ['redis:', 'rediss:', 'unix:']),
    maxMessageBytes: intFrom(env, 'WS_MAX_MESSAGE_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxBodyBytes: intFrom(env, 'HTTP_MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    demo: env.DALIL_DEMO === '1' || env.DALIL_DEMO === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    commitDelayMs: intFrom(env, 'COMMIT_DELAY_MS', 40, 0, 90),
    clientDist: env.CLIENT_DIST === '' ? null : resolve(env.CLIENT_DIST ?? DEFAULT_CLIENT_DIST),
    unloadDelayMs: intFrom(env, 'UNLOAD_DELAY_MS', 2000, 0, 3_600_000),
    settleDelayMs: intFrom(env, 'SETTLE_DELAY_MS', 3000, 10, 3_600_000),
    pingIntervalMs: intFrom(env, 'WS_PING_INTERVAL_MS', 30_000, 1000, 3_600_000),
    publicOrigin: env.PUBLIC_ORIGIN ? env.PUBLIC_ORIGIN.replace(/\/$/, '') : null,
    sessionSecret: env.SESSION_SECRET || undefined,
    requestsPerMinute: intFrom(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    loginRatePerMinute: intFrom(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100_000),
    passwordHashLog2N: intFrom(env, 'PASSWORD_HASH_LOG2_N', 17, 14, 20),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    imageMaxBytes: intFrom(env, 'IMAGE_MAX_BYTES', 15 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    imageMaxPixels: intFrom(env, 'IMAGE_MAX_PIXELS', 100_000_000, 1, 1_000_000_000),
    importMaxBytes: intFrom(env, 'IMPORT_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    guideTrashDays: intFrom(env, 'GUIDE_TRASH_DAYS', 30, 1, 3650),
    guidePurgeIntervalMs: intFrom(env, 'GUIDE_PURGE_INTERVAL_MS', 60 * 60 * 1000, 1000, 24 * 60 * 60 * 1000),
  };
}

/**
 * TRUST_PROXY: unset or `false`: trust nobody; `true`: trust every hop (only when nothing can reach
 * the server except through the proxy); otherwise a comma-separated list of the proxies' addresses
 * or CIDR ranges, or the names `loopback`, `linklocal`, `uniquelocal` (e.g. `127.0.0.1` or
 * `loopback,10.0.0.0/8`). Hop counts are refused: Fastify 5 ignores X-Forwarded-Proto and -Host
 * with them (it cannot check who sent the headers), so Secure cookies would silently not happen.
 */
export function trustProxyFrom(raw: string | undefined): boolean | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  const parts = value.split(',').map((p) => p.trim());
  const valid = (p: string) => ['loopback', 'linklocal', 'uniquelocal'].includes(p) || (/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p) && /[.:]/.test(p));
  if (!parts.every(valid)) {
    throw new Error(
      `TRUST_PROXY must be true, false, or the proxies' addresses/CIDR ranges (e.g. 127.0.0.1 or loopback); got ${JSON.stringify(raw)}`,
    );
  }
  return parts.join(',');
}
function urlFrom(env: NodeJS.ProcessEnv, key: string, protocols: string[]): string | null {
  const raw = env[key]?.trim();
  if (!raw) return null;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new Error(`${key} must be a URL (${protocols.map((p) => p + '//…').join(' or ')}), got something else`);
  }
  if (!protocols.includes(protocol)) throw new Error(`${key} must start with ${protocols.map((p) => p + '//').join(' or ')}, got ${protocol}//`);
  return raw;
}

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${key} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
