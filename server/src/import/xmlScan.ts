/**
 * The few reads of Word's XML done before mammoth's (list formats, directions), by `indexOf`, each
 * character looked at a bounded number of times. The file is untrusted: a lazy regular expression
 * from an opening tag to its closing one rescans the rest of the file for every opening tag that has
 * none (half a megabyte of them took seconds), and one with a repeated group inside a tag is
 * quadratic in the tag's length.
 */

const isNameEnd = (code: number) => code === 0x3e /* > */ || code === 0x2f /* / */ || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Where the next start tag `<name` begins at or after `from` (not `<nameSuffix`), or -1. */
export function startTagAt(xml: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    const found = xml.indexOf(`<${name}`, at);
    if (found < 0) return -1;
    const next = found + name.length + 1;
    if (next < xml.length && isNameEnd(xml.charCodeAt(next))) return found;
    at = next;
  }
}

/** One element: its start tag, what it holds (empty for `<name/>`), and where it ends. */
export interface ScannedElement {
  tag: string;
  body: string;
  start: number;
  end: number;
}

/**
 * The elements `name` of `xml`, in order, not nested in one another (the first closing tag ends
 * an element). Stops at the first one left open: what follows is not well-formed.
 */
export function* elementsNamed(xml: string, name: string, from = 0, to = xml.length): Generator<ScannedElement> {
  const close = `</${name}>`;
  let at = from;
  for (;;) {
    const start = startTagAt(xml, name, at);
    if (start < 0 || start >= to) return;
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd < 0 || tagEnd >= to) return;
    const tag = xml.slice(start, tagEnd + 1);
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      yield { tag, body: '', start, end: tagEnd + 1 };
      at = tagEnd + 1;
      continue;
    }
    const closing = xml.indexOf(close, tagEnd + 1);
    if (closing < 0 || closing + close.length > to) return;
    yield { tag, body: xml.slice(tagEnd + 1, closing), start, end: closing + close.length };
    at = closing + close.length;
  }
}

/** The start tag of the first element `name` in `xml`, or null. */
export function firstTag(xml: string, name: string): string | null {
  const start = startTagAt(xml, name, 0);
  if (start < 0) return null;
  const end = xml.indexOf('>', start);
  return end < 0 ? null : xml.slice(start, end + 1);
}

/** The value of attribute `name` in a start tag (quoted either way), or null. */
export function attribute(tag: string, name: string): string | null {
  let at = 0;
  for (;;) {
    const found = tag.indexOf(name, at);
    if (found < 0) return null;
    const before = tag.charCodeAt(found - 1);
    let i = found + name.length;
    // a whole attribute name: preceded by space, followed by optional spaces and '='
    if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) {
      while (i < tag.length && tag.charCodeAt(i) === 0x20) i++;
      if (tag[i] === '=') {
        i++;
        while (i < tag.length && tag.charCodeAt(i) === 0x20) i++;
        const quote = tag[i];
        if (quote === '"' || quote === "'") {
          const endQuote = tag.indexOf(quote, i + 1);
          return endQuote < 0 ? null : tag.slice(i + 1, endQuote);
        }
      }
    }
    at = found + name.length;
  }
}

/**
 * Calls `insert` for each paragraph that begins with its properties (`<w:p …><w:pPr>…</w:pPr>`)
 * with those properties, their tracked former state (`w:pPrChange`) left out, and where the
 * paragraph starts in `xml`; puts what it returns, if anything, right after them.
 */
export function insertAfterParagraphProperties(xml: string, insert: (properties: string, at: number) => string | null): string {
  const out: string[] = [];
  let copied = 0;
  let at = 0;
  for (;;) {
    const p = startTagAt(xml, 'w:p', at);
    if (p < 0) break;
    const pEnd = xml.indexOf('>', p);
    if (pEnd < 0) break;
    at = pEnd + 1;
    if (xml.charCodeAt(pEnd - 1) === 0x2f) continue;
    let i = pEnd + 1;
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
    if (startTagAt(xml, 'w:pPr', i) !== i) continue;
    const propsEnd = xml.indexOf('>', i);
    if (propsEnd < 0) break;
    at = propsEnd + 1;
    if (xml.charCodeAt(propsEnd - 1) === 0x2f) continue;
    let close = xml.indexOf('</w:pPr>', propsEnd + 1);
    if (close < 0) break;
    let properties = xml.slice(propsEnd + 1, close);
    const change = startTagAt(properties, 'w:pPrChange', 0);
    if (change >= 0) {
      // The former properties inside the change hold a </w:pPr> of their own.
      const changeEnd = xml.indexOf('</w:pPrChange>', propsEnd + 1 + change);
      if (changeEnd < 0) break;
      if (changeEnd > close) {
        close = xml.indexOf('</w:pPr>', changeEnd);
        if (close < 0) break;
      }
      properties = properties.slice(0, change) + xml.slice(changeEnd + '</w:pPrChange>'.length, close);
    }
    const after = close + '</w:pPr>'.length;
    at = after;
    const inserted = insert(properties, p);
    if (inserted) {
      out.push(xml.slice(copied, after), inserted);
      copied = after;
    }
  }
  out.push(xml.slice(copied));
  return out.join('');
}
