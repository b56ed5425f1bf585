import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

/**
 * Reads a .docx back independently of the library that wrote it: unzip (fflate) and parse the
 * WordprocessingML parts (fast-xml-parser), keeping document order.
 */
type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export interface DocxParagraph {
  style: string | null;
  text: string;
  bidi: boolean;
  /** Every run of the paragraph with text is marked right-to-left. */
  rtlRuns: boolean;
  inTable: boolean;
  drawings: number;
  footnoteRefs: number;
  numbered: boolean;
  fields: string[];
}

export interface DocxContent {
  files: string[];
  paragraphs: DocxParagraph[];
  tables: Array<{ rows: number; headerRows: number }>;
  footnotes: string[];
  styles: Map<string, string>;
  numbering: { abstractNums: number; nums: number };
  headers: string[];
  footers: string[];
  settingsXml: string;
  documentXml: string;
  footerXml: string;
  relsXml: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });

function parse(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}

function nameOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}

function childrenOf(node: XNode): XNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function* descendants(nodes: XNode[], name: string): Generator<XNode> {
  for (const node of nodes) {
    if (nameOf(node) === name) yield node;
    yield* descendants(childrenOf(node), name);
  }
}

function textOf(nodes: XNode[]): string {
  let out = '';
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text') out += String(node['#text']);
    else if (name === 'w:instrText' || name === 'w:delText') continue;
    else out += textOf(childrenOf(node));
  }
  return out;
}

function paragraphOf(p: XNode, inTable: boolean): DocxParagraph {
  const children = childrenOf(p);
  const pPr = children.find((c) => nameOf(c) === 'w:pPr');
  const pPrChildren = pPr ? childrenOf(pPr) : [];
  const style = pPrChildren.find((c) => nameOf(c) === 'w:pStyle')?.[':@']?.['w:val'] ?? null;
  const runs = [...descendants(children, 'w:r')].filter((r) => childrenOf(r).some((c) => nameOf(c) === 'w:t'));
  return {
    style,
    text: [...descendants(children, 'w:t')].map((t) => textOf(childrenOf(t))).join(''),
    bidi: pPrChildren.some((c) => nameOf(c) === 'w:bidi'),
    rtlRuns: runs.length > 0 && runs.every((r) => childrenOf(r).some((c) => nameOf(c) === 'w:rPr' && childrenOf(c).some((x) => nameOf(x) === 'w:rtl'))),
    inTable,
    drawings: [...descendants(children, 'w:drawing')].length,
    footnoteRefs: [...descendants(children, 'w:footnoteReference')].length,
    numbered: pPrChildren.some((c) => nameOf(c) === 'w:numPr'),
    // complex fields (w:instrText) and simple ones (w:fldSimple's w:instr)
    fields: [
      ...[...descendants(children, 'w:instrText')].map((t) => textOf(childrenOf(t)).trim()),
      ...[...descendants(children, 'w:fldSimple')].map((f) => String(f[':@']?.['w:instr'] ?? '').trim()),
    ],
  };
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : '');
  const documentXml = text('word/document.xml');
  const document = parse(documentXml);
  const body = [...descendants(document, 'w:body')][0]!;

  const paragraphs: DocxParagraph[] = [];
  const tables: DocxContent['tables'] = [];
  const walk = (nodes: XNode[], inTable: boolean) => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'w:p') paragraphs.push(paragraphOf(node, inTable));
      else if (name === 'w:tbl') {
        const rows = childrenOf(node).filter((c) => nameOf(c) === 'w:tr');
        const headerRows = rows.filter((r) => [...descendants(childrenOf(r), 'w:tblHeader')].some((h) => !['false', '0'].includes(h[':@']?.['w:val'] ?? ''))).length;
        tables.push({ rows: rows.length, headerRows });
        walk(childrenOf(node), true);
      } else walk(childrenOf(node), inTable);
    }
  };
  walk(childrenOf(body), false);

  const footnotes = [...descendants(parse(text('word/footnotes.xml')), 'w:footnote')]
    .filter((f) => !f[':@']?.['w:type'])
    .map((f) => textOf([...descendants(childrenOf(f), 'w:t')].map((t) => t)).trim());

  const styles = new Map<string, string>();
  for (const s of descendants(parse(text('word/styles.xml')), 'w:style')) {
    const name = childrenOf(s).find((c) => nameOf(c) === 'w:name')?.[':@']?.['w:val'];
    styles.set(s[':@']?.['w:styleId'] ?? '', name ?? '');
  }
  const numberingXml = parse(text('word/numbering.xml'));
  const partTexts = (prefix: string) =>
    Object.keys(files)
      .filter((n) => n.startsWith(prefix) && n.endsWith('.xml'))
      .sort()
      .map((n) => textOf([...descendants(parse(text(n)), 'w:t')]));
  return {
    files: Object.keys(files),
    paragraphs,
    tables,
    footnotes,
    styles,
    numbering: { abstractNums: [...descendants(numberingXml, 'w:abstractNum')].length, nums: [...descendants(numberingXml, 'w:num')].length },
    headers: partTexts('word/header'),
    footers: partTexts('word/footer'),
    settingsXml: text('word/settings.xml'),
    documentXml,
    footerXml: Object.keys(files).filter((n) => n.startsWith('word/footer')).sort().map(text).join('\n'),
    relsXml: text('word/_rels/document.xml.rels'),
  };
}
