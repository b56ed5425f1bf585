import { describe, expect, it } from 'vitest';
import { isArchivablePath } from '@dalil/server/backup/archivablePath.ts';

describe('isArchivablePath: only files a Dalil server writes may enter or leave a backup', () => {
  it.each([
    'metadata.json',
    'session-secret',
    'docs/s_abc-123.ydoc',
    'docs/s_abc-123.ylog',
    'snapshots/sec_1/v_2.yjs',
    'snapshots/sec_1/v_2.json',
    'images/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg',
    'images/files/0000000000000000000000000000000000000000000000000000000000000000.png',
    'images/guides/g_1-x.json',
  ])('accepts %s', (path) => expect(isArchivablePath(path)).toBe(true));

  it.each([
    'dalil.lock',
    'admin.sock',
    'docs/s_abc.ydoc.123.abc.tmp',
    'docs/.ydoc',
    'docs/a.b.ydoc',
    'docs/sub/s.ydoc',
    'docs/s.json',
    '../metadata.json',
    '/metadata.json',
    'docs/../metadata.json',
    'snapshots/sec_1/v_2.ydoc',
    'snapshots/sec_1.json',
    'snapshots/../x/v.json',
    'snapshots/sec_1/sub/v.json',
    'other/metadata.json',
    'images/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.svg',
    'images/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg.1.x.tmp',
    'images/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg',
    'images/files/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.jpg',
    'images/files/../../metadata.json',
    'images/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg',
    'images/guides/g 1.json',
    'images/guides/sub/g.json',
    'images/other/g.json',
    '',
  ])('refuses %j', (path) => expect(isArchivablePath(path)).toBe(false));
});
