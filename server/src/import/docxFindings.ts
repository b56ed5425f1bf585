import type { ImportWarningCode } from '@dalil/shared/api/import.ts';
import type { DocxParts } from './docxPackage.ts';
import { DALIL_EXPORT_MARKER_STYLE } from './styleMap.ts';
import { partText } from './paragraphParts.ts';

export interface DocxFindings {
  /** `dc:title` of the document's properties, when set. */
  title: string | null;
  /** Written by Dalil's own export: its front matter, numbers and annex are not guide text. */
  dalilExport: boolean;
  /** What mammoth drops silently, counted in the XML before it runs. */
  warnings: Array<{ code: ImportWarningCode; count: number; examples: string[] }>;
}

/**
 * How many times an element starts in a part (`<w:ins` but not `<w:insideH`), counted in its bytes:
 * mammoth decodes the body's XML anyway, a second decoding only to count was wasted.
 */
function countElements(data: Uint8Array | undefined, start: string): number {
  if (!data) return 0;
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const needle = Buffer.from(start);
  let n = 0;
  for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + needle.length)) {
    const next = buffer[at + needle.length];
    if (next === undefined || !isWordByte(next)) n++;
  }
  return n;
}

/** A byte of `\w` (what ends a name for the `\b` the counts once used). */
const isWordByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;

/** Reads what the conversion cannot tell: the title and the constructs it drops or approximates. */
export function readDocxFindings(parts: DocxParts): DocxFindings {
  const body = parts['word/document.xml'];
  const warnings: DocxFindings['warnings'] = [];
  const add = (code: ImportWarningCode, n: number, examples: string[] = []) => n > 0 && warnings.push({ code, count: n, examples });

  add('textBoxes', countElements(body, '<w:txbxContent'));
  const vector = Object.keys(parts).filter((name) => /^word\/media\/.+\.(emf|wmf)$/i.test(name));
  add('vectorImages', vector.length, vector.slice(0, 5).map((n) => n.slice('word/media/'.length)));
  add('comments', countElements(parts['word/comments.xml'], '<w:comment'));
  add('trackedChanges', countElements(body, '<w:ins') + countElements(body, '<w:del'));
  add('equations', countElements(body, '<m:oMath'));
  add('charts', countElements(body, '<c:chart') + countElements(body, '<dgm:relIds'));

  const core = partText(parts, 'docProps/core.xml');
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
  const styles = partText(parts, 'word/styles.xml');
  const dalilExport = styles.includes(`w:val="${DALIL_EXPORT_MARKER_STYLE}"`);
  return { title: title ? decodeEntities(title).trim() || null : null, dalilExport, warnings };
}


const decodeEntities = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1]?.toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
