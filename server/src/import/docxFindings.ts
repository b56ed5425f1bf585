import type { ImportWarningCode } from '@dalil/shared/api/import.ts';
import type { DocxParts } from './docxPackage.ts';
import { DALIL_EXPORT_MARKER_STYLE } from './styleMap.ts';

export interface DocxFindings {
  /** `dc:title` of the document's properties, when set. */
  title: string | null;
  /** Written by Dalil's own export: its front matter, numbers and annex are not guide text. */
  dalilExport: boolean;
  /** What mammoth drops silently, counted in the XML before it runs. */
  warnings: Array<{ code: ImportWarningCode; count: number; examples: string[] }>;
}

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

/** Reads what the conversion cannot tell: the title and the constructs it drops or approximates. */
export function readDocxFindings(parts: DocxParts): DocxFindings {
  const body = text(parts['word/document.xml']);
  const warnings: DocxFindings['warnings'] = [];
  const add = (code: ImportWarningCode, n: number, examples: string[] = []) => n > 0 && warnings.push({ code, count: n, examples });

  add('textBoxes', count(body, /<w:txbxContent\b/g));
  const vector = Object.keys(parts).filter((name) => /^word\/media\/.+\.(emf|wmf)$/i.test(name));
  add('vectorImages', vector.length, vector.slice(0, 5).map((n) => n.slice('word/media/'.length)));
  add('comments', count(text(parts['word/comments.xml']), /<w:comment\b/g));
  add('trackedChanges', count(body, /<w:(?:ins|del)\b/g));
  add('equations', count(body, /<m:oMath\b/g));
  add('charts', count(body, /<c:chart\b/g) + count(body, /<dgm:relIds\b/g));

  const core = text(parts['docProps/core.xml']);
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
  const styles = text(parts['word/styles.xml']);
  const dalilExport = styles.includes(`w:val="${DALIL_EXPORT_MARKER_STYLE}"`);
  return { title: title ? decodeEntities(title).trim() || null : null, dalilExport, warnings };
}

const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : '');

const decodeEntities = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1]?.toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
