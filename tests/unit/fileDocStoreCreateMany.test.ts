import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import { DOC_LOG_EXT, DOC_SNAPSHOT_EXT, TEMP_EXT } from '@dalil/server/storage/dataDirLayout.ts';
import { tempDir } from '../helpers/tempDir.ts';

const stateWith = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};
const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

describe('FileDocStore.createMany: new documents in one batch (an import)', () => {
  it('stores each document, leaves no temp file and no empty log, and refuses a name already used', async () => {
    const dir = tempDir();
    try {
      const store = new FileDocStore(dir.path, { warn: () => {} });
      await store.createMany([['s-one', stateWith('un')], ['s-two', stateWith('deux')]]);
      expect(textOf((await store.load('s-one')).updates)).toBe('un');
      expect(textOf((await store.load('s-two')).updates)).toBe('deux');
      expect(readdirSync(dir.path).filter((f) => f.endsWith(TEMP_EXT))).toEqual([]);
      await store.append('s-one', [stateWith('plus')]);
      await expect(store.createMany([['s-three', stateWith('trois')], ['s-one', stateWith('écrasé')]])).rejects.toThrow(/already exists/);
      expect(textOf((await store.load('s-one')).updates)).toContain('un');
      expect(textOf((await store.load('s-one')).updates)).not.toContain('écrasé');
      // A compaction of a document that never had a log does not create one.
      await store.compact('s-four', stateWith('quatre'));
      expect(existsSync(join(dir.path, `s-four${DOC_SNAPSHOT_EXT}`))).toBe(true);
      expect(existsSync(join(dir.path, `s-four${DOC_LOG_EXT}`))).toBe(false);
      await store.close();
    } finally {
      dir.remove();
    }
  });

  it('writes documents as an async iterable hands them over, and fails once the started writes settled when it throws', async () => {
    const dir = tempDir();
    try {
      const store = new FileDocStore(dir.path, { warn: () => {} });
      async function* arriving() {
        yield ['s-a', stateWith('a')] as [string, Uint8Array];
        await new Promise((resolve) => setImmediate(resolve));
        yield ['s-b', stateWith('b')] as [string, Uint8Array];
      }
      await store.createMany(arriving());
      expect(textOf((await store.load('s-b')).updates)).toBe('b');
      async function* failing() {
        yield ['s-c', stateWith('c')] as [string, Uint8Array];
        throw new Error('encoding failed');
      }
      await expect(store.createMany(failing())).rejects.toThrow('encoding failed');
      // The write started before the failure is complete (no temp file left to race a rollback).
      expect(readdirSync(dir.path).filter((f) => f.endsWith(TEMP_EXT))).toEqual([]);
      expect(existsSync(join(dir.path, `s-c${DOC_SNAPSHOT_EXT}`))).toBe(true);
      await store.close();
    } finally {
      dir.remove();
    }
  });
});
