import * as Y from 'yjs';
import * as buf from 'lib0/buffer';

/** A run of characters in one Y.XmlText. */
export interface TextSegment {
  text: Y.XmlText;
  index: number;
  length: number;
}

/**
 * The text between two Yjs relative positions of a section, as segments in document order.
 *
 * Returns null when a position names an item this document does not have yet (the client that
 * made the anchor has edits still on their way), and an empty list when the range holds no text
 * (reversed, collapsed, or all deleted).
 */
export function resolveRange(fragment: Y.XmlFragment, start: Y.RelativePosition, end: Y.RelativePosition): TextSegment[] | null {
  const doc = fragment.doc;
  if (!doc) return null;
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to) return null;

  const segments: TextSegment[] = [];
  let inside = false;
  let done = false;
  const at = (pos: Y.AbsolutePosition, type: unknown, index: number) => pos.type === type && pos.index === index;

  const visitText = (text: Y.XmlText): void => {
    const length = text.length;
    let begin = inside ? 0 : -1;
    if (!inside && from.type === text) {
      inside = true;
      begin = Math.min(from.index, length);
    }
    if (!inside) return;
    if (to.type === text) {
      const stop = Math.min(to.index, length);
      if (stop > begin) segments.push({ text, index: begin, length: stop - begin });
      inside = false;
      done = true;
      return;
    }
    if (length > begin) segments.push({ text, index: begin, length: length - begin });
  };

  const visit = (container: Y.XmlFragment | Y.XmlElement): void => {
    const children = container.toArray();
    for (let i = 0; i <= children.length && !done; i++) {
      if (!inside && at(from, container, i)) inside = true;
      if (inside && at(to, container, i)) {
        inside = false;
        done = true;
        return;
      }
      const child = children[i];
      if (child instanceof Y.XmlText) visitText(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(fragment);
  // The end came before the start (or never): nothing is anchored.
  return done ? segments : [];
}

/** The plain text of segments, with a line break between blocks. */
export function segmentsText(segments: TextSegment[]): string {
  let out = '';
  let previousParent: unknown = null;
  for (const segment of segments) {
    if (out && segment.text.parent !== previousParent) out += '\n';
    previousParent = segment.text.parent;
    out += sliceText(segment.text, segment.index, segment.length);
  }
  return out;
}

function sliceText(text: Y.XmlText, index: number, length: number): string {
  let out = '';
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert !== 'string') {
      offset += 1;
      continue;
    }
    const from = Math.max(index - offset, 0);
    const to = Math.min(index + length - offset, op.insert.length);
    if (to > from) out += op.insert.slice(from, to);
    offset += op.insert.length;
    if (offset >= index + length) break;
  }
  return out;
}

/** Encodes a relative position for JSON (REST bodies). */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Decodes a position sent by a client; null when it is not a valid encoding. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = fromBase64(encoded);
    if (!bytes || bytes.length === 0) return null;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  return buf.toBase64(bytes);
}

function fromBase64(encoded: string): Uint8Array | null {
  if (encoded.length > 512 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  return buf.fromBase64(encoded);
}
