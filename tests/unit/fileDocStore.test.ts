import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import { decodeRecords, encodeRecords } from '@dalil/server/storage/recordCodec.ts';
import { tempDir } from '../helpers/tempDir.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function fixture() {
  const dir = tempDir();
  dirs.push(dir);
  const warnings: string[] = [];
  const store = new FileDocStore(dir.path, { warn: (_o, msg) => warnings.push(msg) });
  return { dir: dir.path, store, warnings };
}

function textUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe('record framing', () => {
  it('round-trips records and stops at a torn or corrupt one', () => {
    const payloads = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array([9])];
    const buf = encodeRecords(payloads);
    expect(decodeRecords(buf)).toEqual({ records: payloads.map((p) => Buffer.from(p)), validBytes: buf.length, problem: null });
    const torn = decodeRecords(buf.subarray(0, buf.length - 1));
    expect(torn.records).toHaveLength(2);
    expect(torn.problem).toMatch(/truncated/);
    const flipped = Buffer.from(buf);
    flipped[10]! ^= 0xff;
    expect(decodeRecords(flipped)).toMatchObject({ records: [], validBytes: 0, problem: expect.stringMatching(/checksum/) });
  });
});

describe('FileDocStore', () => {
  it('appends durably, loads in order, and compacts into one state', async () => {
    const { store, dir } = fixture();
    const doc = new Y.Doc();
    await store.append('doc1', [textUpdate('Bonjour ', doc)]);
    await store.append('doc1', [textUpdate('le ', doc), textUpdate('monde', doc)]);
    let loaded = await store.load('doc1');
    expect(replay(loaded.updates)).toBe('Bonjour le monde');
    expect(store.logBytes('doc1')).toBeGreaterThan(0);

    await store.compact('doc1', Y.encodeStateAsUpdate(doc));
    expect(store.logBytes('doc1')).toBe(0);
    expect(statSync(join(dir, 'doc1.ylog')).size).toBe(0);
    await store.append('doc1', [textUpdate('!', doc)]);
    loaded = await store.load('doc1');
    expect(loaded.updates).toHaveLength(2);
    expect(replay(loaded.updates)).toBe('Bonjour le monde!');
    expect(await store.list()).toEqual(['doc1']);
    await store.delete('doc1');
    expect(await store.list()).toEqual([]);
    await store.close();
  });

  it('skips a torn last record with a warning, and later appends overwrite it', async () => {
    const { store, dir } = fixture();
    const doc = new Y.Doc();
    await store.append('torn', [textUpdate('un;', doc)]);
    await store.append('torn', [textUpdate('deux;', doc)]);
    await store.close();
    const log = join(dir, 'torn.ylog');
    truncateSync(log, statSync(log).size - 3);

    const reopened = new FileDocStore(dir, { warn: (_o, msg) => warnings.push(msg) });
    const warnings: string[] = [];
    const loaded = await reopened.load('torn');
    expect(replay(loaded.updates)).toBe('un;');
    expect(warnings.join()).toMatch(/torn or corrupt tail/);

    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, loaded.updates[0]!);
    await reopened.append('torn', [textUpdate('trois;', fresh)]);
    await reopened.close();
    const again = new FileDocStore(dir, { warn: () => {} });
    expect(replay((await again.load('torn')).updates)).toBe('un;trois;');
    await again.close();
  });

  it('ignores garbage appended after the last record (a crash mid-write)', async () => {
    const { store, dir } = fixture();
    await store.append('junk', [textUpdate('intact')]);
    await store.close();
    appendFileSync(join(dir, 'junk.ylog'), Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5]));
    const reopened = new FileDocStore(dir, { warn: () => {} });
    expect(replay((await reopened.load('junk')).updates)).toBe('intact');
    await reopened.close();
  });

  it('refuses to load a corrupt snapshot instead of serving a document without its history', async () => {
    const { store, dir } = fixture();
    await store.compact('snap', textUpdate('contenu'));
    await store.close();
    const path = join(dir, 'snap.ydoc');
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(path, bytes);
    const reopened = new FileDocStore(dir, { warn: () => {} });
    await expect(reopened.load('snap')).rejects.toThrow(/corrupt/);
    await reopened.close();
  });

  it('refuses invalid document names before touching the disk', async () => {
    const { store } = fixture();
    await expect(store.load('../etc/passwd')).rejects.toThrow(/invalid document name/);
    await expect(store.append('a/b', [new Uint8Array([0])])).rejects.toThrow(/invalid document name/);
  });
});
