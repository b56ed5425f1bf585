export type MessagePart =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; userId: string };

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]»]/giu;

/**
 * Cuts a message's plain text into text, links and mentions, to be rendered as React text and
 * elements: nothing a user typed ever becomes HTML. Only http(s) links are made clickable.
 */
export function splitMessage(body: string, mentions: Array<{ id: string; name: string }>): MessagePart[] {
  const marks: Array<{ start: number; end: number; part: MessagePart }> = [];
  for (const match of body.matchAll(URL_PATTERN)) {
    const text = match[0];
    const href = text.toLowerCase().startsWith('www.') ? `https://${text}` : text;
    marks.push({ start: match.index, end: match.index + text.length, part: { kind: 'link', text, href } });
  }
  // longest names first, so "@Amel Ben Ali" wins over "@Amel"
  for (const person of [...mentions].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${person.name}`;
    for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (marks.some((m) => m.start < end && at < m.end)) continue;
      marks.push({ start: at, end, part: { kind: 'mention', text: needle, userId: person.id } });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const parts: MessagePart[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start < cursor) continue;
    if (mark.start > cursor) parts.push({ kind: 'text', text: body.slice(cursor, mark.start) });
    parts.push(mark.part);
    cursor = mark.end;
  }
  if (cursor < body.length) parts.push({ kind: 'text', text: body.slice(cursor) });
  return parts;
}
