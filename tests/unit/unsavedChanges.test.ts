import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countUnsavedChanges, isSnapshotCovered } from '@dalil/shared';

const wire = (snapshot: Y.Snapshot): Y.Snapshot => Y.decodeSnapshot(Y.encodeSnapshot(snapshot));

describe('countUnsavedChanges', () => {
  it('counts characters typed and erased since the saved snapshot, and is 0 exactly when covered', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'abcdef');
    const saved = wire(Y.snapshot(doc));
    expect(countUnsavedChanges(Y.snapshot(doc), saved)).toBe(0);

    text.insert(6, 'gh'); // two typed
    expect(countUnsavedChanges(Y.snapshot(doc), saved)).toBe(2);
    text.delete(0, 3); // three erased that the server had
    expect(countUnsavedChanges(Y.snapshot(doc), saved)).toBe(5);
    text.delete(3, 1); // erasing an unsent character: its insertion is already counted
    expect(countUnsavedChanges(Y.snapshot(doc), saved)).toBe(5);
    expect(isSnapshotCovered(Y.snapshot(doc), saved)).toBe(false);

    const savedLater = wire(Y.snapshot(doc));
    expect(countUnsavedChanges(Y.snapshot(doc), savedLater)).toBe(0);
    expect(isSnapshotCovered(Y.snapshot(doc), savedLater)).toBe(true);
  });

  it('counts a partially confirmed deletion by what is left', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abcdefghij');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    doc.getText('t').delete(2, 6); // c..h
    server.getText('t').delete(2, 2); // the server has c, d gone only
    expect(countUnsavedChanges(Y.snapshot(doc), wire(Y.snapshot(server)))).toBe(4);
  });

  it('counts other people’s unconfirmed changes too (what this device holds that the server has not confirmed)', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'ab');
    const saved = wire(Y.snapshot(a));
    b.getText('t').insert(0, 'xyz');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(countUnsavedChanges(Y.snapshot(a), saved)).toBe(3);
  });
});
