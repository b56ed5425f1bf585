import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { isArchivablePath } from './archivablePath.ts';
import { IMAGE_FILES_DIR, IMAGES_DIR } from '../storage/dataDirLayout.ts';

/**
 * One backup file: gzip of
 *
 *   "DALIL-BACKUP\n" · u32 LE manifest length · manifest (JSON) · file bodies in manifest order ·
 *   SHA-256 of everything before it
 *
 * The manifest lists every file with its size and SHA-256, so a reader can check the whole archive
 * before it writes a single byte. Gzip's own CRC and length trailer catch most damage first; the
 * hashes catch the rest and tie every body to its name.
 */
export const BACKUP_FORMAT = 1;
const MAGIC = Buffer.from('DALIL-BACKUP\n');
const HASH_BYTES = 32;

export interface BackupFile {
  /** Relative to the data dir, always with `/`. */
  path: string;
  data: Uint8Array;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** Distinct image files in the archive (absent in archives made before images existed: none). */
  images?: number;
  files: Array<{ path: string; size: number; sha256: string }>;
}

const IMAGE_FILE_PREFIX = `${IMAGES_DIR}/${IMAGE_FILES_DIR}/`;
/** How many of these paths are image files. */
export const countImageFiles = (paths: string[]) => paths.filter((p) => p.startsWith(IMAGE_FILE_PREFIX)).length;

/** The archive cannot be used; the message says why, in one line. */
export class BackupArchiveError extends Error {}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

export async function encodeBackupArchive(files: BackupFile[], createdAt: Date): Promise<Buffer> {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: createdAt.toISOString(),
    images: countImageFiles(files.map((f) => f.path)),
    files: files.map((f) => ({ path: f.path, size: f.data.byteLength, sha256: sha256(f.data).toString('hex') })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(manifestBytes.byteLength);
  const body = Buffer.concat([MAGIC, length, manifestBytes, ...files.map((f) => f.data)]);
  return promisify(gzip)(Buffer.concat([body, sha256(body)]));
}

/** Checks everything (compression, magic, format, paths, sizes, hashes) and returns the files. */
export async function decodeBackupArchive(archive: Uint8Array): Promise<{ manifest: BackupManifest; files: BackupFile[] }> {
  if (archive.byteLength < 2 || archive[0] !== 0x1f || archive[1] !== 0x8b) {
    throw new BackupArchiveError('not a Dalil backup (it is not gzip-compressed)');
  }
  let raw: Buffer;
  try {
    raw = await promisify(gunzip)(archive);
  } catch (err) {
    throw new BackupArchiveError(`the archive is truncated or corrupt (${(err as Error).message})`);
  }
  if (raw.byteLength < MAGIC.byteLength + 4 + HASH_BYTES || !raw.subarray(0, MAGIC.byteLength).equals(MAGIC)) {
    throw new BackupArchiveError('not a Dalil backup (wrong magic)');
  }
  const body = raw.subarray(0, raw.byteLength - HASH_BYTES);
  if (!sha256(body).equals(raw.subarray(raw.byteLength - HASH_BYTES))) {
    throw new BackupArchiveError('the archive is corrupt (its checksum does not match)');
  }
  const manifestLength = body.readUInt32LE(MAGIC.byteLength);
  const manifestStart = MAGIC.byteLength + 4;
  if (manifestStart + manifestLength > body.byteLength) throw new BackupArchiveError('the archive is truncated (manifest)');
  const manifest = parseManifest(body.subarray(manifestStart, manifestStart + manifestLength));
  const files: BackupFile[] = [];
  let offset = manifestStart + manifestLength;
  for (const entry of manifest.files) {
    if (offset + entry.size > body.byteLength) throw new BackupArchiveError(`the archive is truncated (at ${entry.path})`);
    const data = body.subarray(offset, offset + entry.size);
    if (sha256(data).toString('hex') !== entry.sha256) throw new BackupArchiveError(`${entry.path} is corrupt (SHA-256 mismatch)`);
    files.push({ path: entry.path, data });
    offset += entry.size;
  }
  if (offset !== body.byteLength) throw new BackupArchiveError(`the archive has ${body.byteLength - offset} unexpected trailing bytes`);
  return { manifest, files };
}

function parseManifest(bytes: Uint8Array): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new BackupArchiveError('the archive manifest is not valid JSON');
  }
  const m = value as Partial<BackupManifest> | null;
  if (!m || typeof m !== 'object') throw new BackupArchiveError('the archive manifest is not an object');
  if (m.format !== BACKUP_FORMAT) {
    throw new BackupArchiveError(`unsupported backup format ${JSON.stringify(m.format)} (this version reads format ${BACKUP_FORMAT})`);
  }
  if (typeof m.createdAt !== 'string' || !Array.isArray(m.files)) throw new BackupArchiveError('the archive manifest is incomplete');
  const seen = new Set<string>();
  for (const f of m.files as unknown[]) {
    const entry = f as { path?: unknown; size?: unknown; sha256?: unknown };
    if (typeof entry.path !== 'string' || !isArchivablePath(entry.path)) {
      // Confines every write to the data dir: no `..`, no absolute path, only names Dalil writes.
      throw new BackupArchiveError(`the archive lists a path that is not allowed: ${JSON.stringify(entry.path)}`);
    }
    if (seen.has(entry.path)) throw new BackupArchiveError(`the archive lists ${entry.path} twice`);
    seen.add(entry.path);
    if (!Number.isSafeInteger(entry.size) || (entry.size as number) < 0 || typeof entry.sha256 !== 'string') {
      throw new BackupArchiveError(`the archive manifest entry for ${entry.path} is malformed`);
    }
  }
  const images = countImageFiles((m.files as Array<{ path: string }>).map((f) => f.path));
  if (m.images !== undefined && m.images !== images) {
    throw new BackupArchiveError(`the archive manifest counts ${JSON.stringify(m.images)} images but lists ${images} image files`);
  }
  return m as BackupManifest;
}
