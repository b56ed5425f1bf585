import * as Y from 'yjs';

/** Plain text of a section's rich-text fragment, one line per block, without formatting. */
export function fragmentText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  let line = '';
  const walk = (node: Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert?: unknown }>) if (typeof op.insert === 'string') line += op.insert;
      return;
    }
    for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText);
    if (line) lines.push(line);
    line = '';
  };
  for (const child of fragment.toArray()) walk(child as Y.XmlElement | Y.XmlText);
  if (line) lines.push(line);
  return lines.join('\n');
}
