import { join } from 'node:path';
import * as Y from 'yjs';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';

/** Loads a document from a data dir the way a restarted server would, without starting one. */
export async function docOnDisk(dataDir: string, docName: string): Promise<{ doc: Y.Doc; warnings: string[] }> {
  const warnings: string[] = [];
  const store = new FileDocStore(join(dataDir, 'docs'), { warn: (_o, msg) => warnings.push(msg) });
  try {
    const loaded = await store.load(docName);
    const doc = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(doc, update);
    return { doc, warnings };
  } finally {
    await store.close();
  }
}
