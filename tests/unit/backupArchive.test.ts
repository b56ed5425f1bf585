import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { decodeBackupArchive, encodeBackupArchive } from '@dalil/server/backup/backupArchive.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** Builds an archive by hand, so that the manifest can say things the encoder never would. */
function handMade(manifest: unknown, bodies: Uint8Array[], { trailing = new Uint8Array() } = {}): Buffer {
  const m = Buffer.from(JSON.stringify(manifest));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(m.byteLength);
  const body = Buffer.concat([Buffer.from('DALIL-BACKUP\n'), length, m, ...bodies, trailing]);
  return gzipSync(Buffer.concat([body, sha(body)]));
}

const entry = (path: string, data: Uint8Array) => ({ path, size: data.byteLength, sha256: sha(data).toString('hex') });

describe('backup archive format', () => {
  it('round-trips files with their manifest', async () => {
    const files = [
      { path: 'metadata.json', data: Buffer.from('{"schemaVersion":1}') },
      { path: 'docs/s-abc.ylog', data: Buffer.from([1, 2, 3]) },
    ];
    const decoded = await decodeBackupArchive(await encodeBackupArchive(files, new Date('2026-11-22T10:00:00Z')));
    expect(decoded.manifest.createdAt).toBe('2026-11-22T10:00:00.000Z');
    expect(decoded.files.map((f) => [f.path, Buffer.from(f.data).toString('hex')])).toEqual([
      ['metadata.json', Buffer.from('{"schemaVersion":1}').toString('hex')],
      ['docs/s-abc.ylog', '010203'],
    ]);
  });

  const data = Buffer.from('{}');
  const cases: Array<[string, Buffer, RegExp]> = [
    ['a newer format', handMade({ format: 2, createdAt: 'x', files: [entry('metadata.json', data)] }, [data]), /unsupported backup format 2/],
    ['a path listed twice', handMade({ format: 1, createdAt: 'x', files: [entry('metadata.json', data), entry('metadata.json', data)] }, [data, data]), /twice/],
    ['a path with ..', handMade({ format: 1, createdAt: 'x', files: [entry('docs/../../x.ydoc', data)] }, [data]), /not allowed/],
    ['a lock file', handMade({ format: 1, createdAt: 'x', files: [entry('dalil.lock', data)] }, [data]), /not allowed/],
    ['a body shorter than listed', handMade({ format: 1, createdAt: 'x', files: [{ ...entry('metadata.json', data), size: 99 }] }, [data]), /truncated/],
    ['bytes after the last file', handMade({ format: 1, createdAt: 'x', files: [entry('metadata.json', data)] }, [data], { trailing: Buffer.from('zz') }), /2 unexpected trailing bytes/],
    ['a body that does not match its hash', handMade({ format: 1, createdAt: 'x', files: [entry('metadata.json', Buffer.from('[]'))] }, [data]), /SHA-256 mismatch/],
    ['a manifest that is not JSON', gzipSync(Buffer.from('DALIL-BACKUP\n\u0001\u0000\u0000\u0000{' + '\u0000'.repeat(32))), /checksum|not valid JSON/],
  ];
  for (const [what, archive, message] of cases) {
    it(`refuses ${what}`, async () => {
      await expect(decodeBackupArchive(archive)).rejects.toThrow(message);
    });
  }
});
