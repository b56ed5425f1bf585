import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSnapshotCovered } from '@dalil/shared';

describe('isSnapshotCovered', () => {
  it('is true only when every insert and every deletion is in the saved snapshot', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'abcdef');
    const saved = Y.snapshot(doc);
    expect(isSnapshotCovered(Y.snapshot(doc), saved)).toBe(true);

    text.delete(1, 2);
    expect(isSnapshotCovered(Y.snapshot(doc), saved)).toBe(false);
    const savedAfterDelete = Y.snapshot(doc);
    expect(isSnapshotCovered(Y.snapshot(doc), savedAfterDelete)).toBe(true);

    text.insert(0, 'x');
    expect(isSnapshotCovered(Y.snapshot(doc), savedAfterDelete)).toBe(false);

    // A partial deletion range is not enough.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('t').delete(0, 4);
    const partial = Y.snapshot(doc);
    expect(isSnapshotCovered(Y.snapshot(other), partial)).toBe(false);
  });

  it('survives an encode/decode round trip (what travels in the saved message)', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'مرحبا بكم');
    doc.getText('t').delete(0, 2);
    const wire = Y.decodeSnapshot(Y.encodeSnapshot(Y.snapshot(doc)));
    expect(isSnapshotCovered(Y.snapshot(doc), wire)).toBe(true);
  });
});
