import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Header,
  Footer,
  HeadingLevel,
  ImageRun,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { footnoteText } from './footnoteText.ts';
import type { LayoutNode } from '@dalil/shared/editor';
import type { ExportDocument } from './exportDocument.ts';
import { exportLabels, fill, isRtlDocument, statusLine, type ExportLabels } from './exportLabels.ts';
import { attr, hasArabic, numberedTitle, paragraphDirection, plainText } from './layoutWalk.ts';
import { cellSpan, headingLevel } from './layoutWalk.ts';
import { safeHref } from './safeUrl.ts';
import {
  BULLET_LIST,
  CALLOUT_TITLE_STYLE,
  CREDIT_STYLE,
  orderedListReference,
  startedListReference,
  type ListStart,
  STATUS_STYLE,
  calloutStyle,
  documentStyles,
  listNumbering,
} from './docxStyles.ts';
import { withSeededRandom, normalizeZip } from './deterministicZip.ts';
import { figureWidthPx } from './figureSize.ts';

type Block = Paragraph | Table | TableOfContents;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
/** A4 text width at 2.5 cm margins, in pixels at 96 dpi (what docx measures images in). */
const TEXT_WIDTH_PX = 605;

/** Where a block is being written: the style a box imposes, the list level, the direction. */
interface Context {
  style?: string;
  list?: { reference: string; level: number; instance: number };
  /** Depth of the section the content belongs to: its own headings go one level further down. */
  sectionDepth: number;
}

/**
 * Writes a guide as a Word document from its ProseMirror JSON, with Word's own structures
 * (built-in heading styles, TOC field, numbering, footnotes, SEQ captions) so a designer can
 * restyle it in Word, and an importer can map it back.
 */
class DocxBuilder {
  private readonly labels: ExportLabels;
  private readonly rtl: boolean;
  private readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private nextFootnote = 1;
  private nextListInstance = 1;
  /** Ordered lists that start above 1, each numbered by a definition of its own. */
  private readonly listStarts = new Map<string, ListStart>();

  constructor(private readonly doc: ExportDocument) {
    this.labels = exportLabels(doc);
    this.rtl = isRtlDocument(doc);
  }

  build(): Document {
    const body: Block[] = [...this.titlePage(), ...this.contentsPage()];
    for (const section of this.doc.sections) {
      body.push(
        this.paragraph([this.run(numberedTitle(section))], {
          heading: HEADINGS[Math.min(section.depth, 3)],
          direction: this.directionOfText(section.title),
        }),
      );
      body.push(...this.blocks(section.content.content ?? [], { sectionDepth: section.depth }));
    }
    if (this.doc.provisional) body.push(...this.unvalidatedAnnex());

    const headerLine = `${this.doc.title} — ${statusLine(this.doc)}`;
    return new Document({
      title: this.doc.title,
      creator: 'Dalil',
      lastModifiedBy: 'Dalil',
      description: statusLine(this.doc),
      styles: documentStyles(),
      numbering: listNumbering([...this.listStarts.values()]),
      features: { updateFields: true },
      footnotes: this.footnotes,
      sections: [
        {
          properties: {
            page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418, header: 709, footer: 709 } },
            titlePage: true,
          },
          headers: {
            // the title page shows only the status line (the provisional mark is on every page)
            first: new Header({ children: [this.paragraph([this.run(statusLine(this.doc))], { style: STATUS_STYLE.id, alignment: AlignmentType.CENTER })] }),
            default: new Header({ children: [this.paragraph([this.run(headerLine, { size: 16, color: this.doc.provisional ? 'B3261E' : '666666' })], { alignment: AlignmentType.CENTER })] }),
          },
          footers: {
            default: new Footer({
              children: [
                this.paragraph([this.run(`${this.labels.page} `, { size: 18 }), new TextRun({ children: [PageNumber.CURRENT], size: 18 }), this.run(' / ', { size: 18 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 })], {
                  alignment: AlignmentType.CENTER,
                }),
              ],
            }),
          },
          children: body,
        },
      ],
    });
  }

  // ---- document frame -------------------------------------------------------------------------

  private titlePage(): Block[] {
    return [
      new Paragraph({ spacing: { before: 3000 } }),
      this.paragraph([this.run(this.doc.title)], { heading: HeadingLevel.TITLE, direction: this.directionOfText(this.doc.title) }),
      this.paragraph([this.run(statusLine(this.doc))], { style: STATUS_STYLE.id }),
      new Paragraph({ children: [new PageBreak()] }),
    ];
  }

  private contentsPage(): Block[] {
    return [
      this.paragraph([this.run(this.labels.contents, { bold: true, size: 32 })], {}),
      new TableOfContents(this.labels.contents, { hyperlink: true, headingStyleRange: '1-4' }),
      this.paragraph([this.run(this.labels.tocHint, { size: 16, color: '888888' })], {}),
      new Paragraph({ children: [new PageBreak()] }),
    ];
  }

  private unvalidatedAnnex(): Block[] {
    return [
      new Paragraph({ children: [new PageBreak()] }),
      this.paragraph([this.run(this.labels.annexTitle)], { heading: HeadingLevel.HEADING_1 }),
      this.paragraph([this.run(this.labels.annexIntro)], {}),
      ...this.doc.unvalidated.map((s) =>
        this.paragraph([this.run(numberedTitle(s))], { list: { reference: BULLET_LIST, level: 0, instance: 0 }, direction: this.directionOfText(s.title) }),
      ),
    ];
  }

  // ---- blocks ---------------------------------------------------------------------------------

  private blocks(nodes: LayoutNode[], ctx: Context): Block[] {
    return nodes.flatMap((node) => this.block(node, ctx));
  }

  private block(node: LayoutNode, ctx: Context): Block[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(this.inlines(node.content ?? []), { style: ctx.style, list: ctx.list, direction: paragraphDirection(node, this.rtl), alignment: textAlign(node) })];
      case 'heading': {
        const level = Math.min(3, ctx.sectionDepth + headingLevel(node));
        return [this.paragraph(this.inlines(node.content ?? []), { heading: HEADINGS[level], direction: paragraphDirection(node, this.rtl) })];
      }
      case 'bulletList':
      case 'orderedList':
        return this.list(node, ctx);
      case 'listItem':
        return this.blocks(node.content ?? [], ctx);
      case 'blockquote':
        return this.blocks(node.content ?? [], { ...ctx, style: ctx.style ?? 'Quote' });
      case 'codeBlock':
        return plainText(node)
          .split('\n')
          .map((line) => this.paragraph([this.run(line, { font: 'Consolas' })], { style: 'DalilCode', direction: 'ltr' }));
      case 'horizontalRule':
        return [this.paragraph([this.run('* * *')], { alignment: AlignmentType.CENTER })];
      case 'table':
        return this.table(node, ctx);
      case 'figure':
        return this.figure(node);
      case 'callout':
        return this.callout(node, ctx);
      default:
        // an unknown block still brings its text rather than vanishing
        return node.content ? this.blocks(node.content, ctx) : [];
    }
  }

  private list(node: LayoutNode, ctx: Context): Block[] {
    const reference = node.type === 'orderedList' ? this.orderedReference(node) : BULLET_LIST;
    const level = ctx.list ? Math.min(ctx.list.level + 1, 3) : 0;
    // Each list restarts at 1, a nested one too (under each item of its parent): a new instance of
    // its numbering definition (a nested list may number otherwise than its parent, and so have a
    // definition of its own, which the parent's items would not restart).
    const instance = this.nextListInstance++;
    const inner: Context = { ...ctx, list: { reference, level, instance } };
    return (node.content ?? []).flatMap((item) => {
      const [first, ...rest] = item.content ?? [];
      const out: Block[] = [];
      if (first) out.push(...this.block(first, inner));
      // continuation paragraphs of one item are not numbered again
      for (const child of rest) out.push(...this.block(child, child.type.endsWith('List') ? inner : { ...ctx, list: undefined }));
      return out;
    });
  }

  private readonly sequences = new Map<string, number>();

  /**
   * Word's SEQ field for a caption number, with its value already written: Word renumbers it when it
   * updates fields, and a viewer that never does (LibreOffice's preview, phones) still shows the number.
   */
  private sequence(name: 'Table' | 'Figure'): SimpleField {
    const n = (this.sequences.get(name) ?? 0) + 1;
    this.sequences.set(name, n);
    return new SimpleField(`SEQ ${name} \\* ARABIC`, String(n));
  }

  private table(node: LayoutNode, ctx: Context): Block[] {
    const caption = attr(node, 'caption');
    const out: Block[] = [];
    if (typeof caption === 'string' && caption) {
      out.push(this.paragraph([this.run(`${this.labels.table} `), this.sequence('Table'), this.run(` : ${caption}`)], { style: 'Caption', direction: this.directionOfText(caption) }));
    }
    const rows = node.content ?? [];
    let headerRows = 0;
    while (headerRows < rows.length && (rows[headerRows]!.content ?? []).every((c) => c.type === 'tableHeader')) headerRows += 1;
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        visuallyRightToLeft: this.rtl,
        rows: rows.map(
          (row, index) =>
            new TableRow({
              tableHeader: index < headerRows || undefined,
              cantSplit: true,
              children: (row.content ?? []).map((cell) => {
                const header = cell.type === 'tableHeader';
                const content = this.blocks(cell.content ?? [], { ...ctx, style: undefined, list: undefined }).filter((b): b is Paragraph | Table => !(b instanceof TableOfContents));
                return new TableCell({
                  columnSpan: cellSpan(cell, 'colspan'),
                  rowSpan: cellSpan(cell, 'rowspan'),
                  shading: header ? { fill: 'E7ECF3' } : undefined,
                  children: content.length > 0 ? content : [new Paragraph({})],
                });
              }),
            }),
        ),
      }),
    );
    out.push(new Paragraph({}));
    return out;
  }

  private figure(node: LayoutNode): Block[] {
    const imageId = attr(node, 'imageId');
    const image = typeof imageId === 'string' ? this.doc.images.get(imageId) : undefined;
    const alt = String(attr(node, 'alt') ?? '');
    // the caption is the figure's own inline content (it may carry bold, italic, links)
    const caption = plainText(node);
    const credit = String(attr(node, 'credit') ?? '');
    const out: Block[] = [];
    const type = image ? docxImageType(image.mediaType) : null;
    if (image && type) {
      const width = Math.min(image.width, figureWidthPx(attr(node, 'size'), TEXT_WIDTH_PX));
      const height = Math.round((image.height * width) / Math.max(1, image.width));
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [new ImageRun({ type, data: image.bytes, transformation: { width, height }, altText: { name: caption || alt || 'figure', description: alt, title: caption } })],
        }),
      );
    } else {
      out.push(this.paragraph([this.run(`[${alt || caption}]`, { italics: true })], { alignment: AlignmentType.CENTER }));
    }
    out.push(
      this.paragraph([this.run(`${this.labels.figure} `), this.sequence('Figure'), ...(caption ? [this.run(' : '), ...this.inlines(node.content ?? [])] : [])], {
        style: 'Caption',
        direction: this.directionOfText(caption),
      }),
    );
    if (credit) out.push(this.paragraph([this.run(fill(this.labels.credit, { credit }))], { style: CREDIT_STYLE.id, direction: this.directionOfText(credit) }));
    return out;
  }

  private callout(node: LayoutNode, ctx: Context): Block[] {
    const kind = String(attr(node, 'kind') ?? 'goodPractice');
    const style = calloutStyle(kind);
    const titles = this.labels.callout as Record<string, string>;
    const title = titles[kind] ?? titles.goodPractice!;
    const out: Block[] = [this.paragraph([this.run(title)], { style: CALLOUT_TITLE_STYLE.id })];
    if (kind === 'caseStudy') {
      for (const field of ['place', 'actors', 'period'] as const) {
        const value = attr(node, field);
        if (typeof value === 'string' && value) {
          out.push(this.paragraph([this.run(`${(this.labels.caseStudy as Record<string, string>)[field]} : `, { bold: true }), this.run(value)], { style: style.id, direction: this.directionOfText(value) }));
        }
      }
    }
    out.push(...this.blocks(node.content ?? [], { ...ctx, style: style.id }));
    return out;
  }

  // ---- inlines --------------------------------------------------------------------------------

  private inlines(nodes: LayoutNode[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        const marks = new Set((node.marks ?? []).map((m) => m.type));
        const options: IRunOptions = {
          bold: marks.has('bold') || undefined,
          italics: marks.has('italic') || undefined,
          underline: marks.has('underline') ? {} : undefined,
          strike: marks.has('strike') || undefined,
          font: marks.has('code') ? 'Consolas' : undefined,
          superScript: marks.has('superscript') || undefined,
          subScript: marks.has('subscript') || undefined,
        };
        const run = this.run(node.text ?? '', options);
        const link = node.marks?.find((m) => m.type === 'link');
        const href = link ? safeHref(link.attrs?.href) : null;
        out.push(href ? new ExternalHyperlink({ link: href, children: [this.run(node.text ?? '', { ...options, style: 'Hyperlink' })] }) : run);
      } else if (node.type === 'hardBreak') {
        out.push(new TextRun({ break: 1 }));
      } else if (node.type === 'footnote') {
        out.push(this.footnote(node));
      } else if (node.content) {
        out.push(...this.inlines(node.content));
      }
    }
    return out;
  }

  private footnote(node: LayoutNode): FootnoteReferenceRun {
    const id = this.nextFootnote++;
    const text = footnoteText(node);
    this.footnotes[id] = { children: [this.paragraph([this.run(text)], { style: 'FootnoteText', direction: this.directionOfText(text) })] };
    return new FootnoteReferenceRun(id);
  }

  // ---- primitives -----------------------------------------------------------------------------

  /** A run; Arabic text (or any run of an RTL paragraph) is marked right-to-left with complex-script bold/italic. */
  private run(text: string, options: IRunOptions = {}): TextRun {
    const rtl = hasArabic(text);
    return new TextRun({
      ...options,
      text,
      rightToLeft: rtl || undefined,
      boldComplexScript: rtl && options.bold ? true : undefined,
      italicsComplexScript: rtl && options.italics ? true : undefined,
    });
  }

  private paragraph(
    children: ParagraphChild[],
    options: {
      heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
      style?: string;
      list?: Context['list'];
      direction?: 'rtl' | 'ltr';
      alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    },
  ): Paragraph {
    // an Arabic guide is right-to-left throughout; elsewhere only the Arabic paragraphs are
    const rtl = this.rtl || options.direction === 'rtl';
    return new Paragraph({
      children,
      heading: options.heading,
      style: options.heading ? undefined : options.style,
      bidirectional: rtl || undefined,
      alignment: options.alignment,
      numbering: options.list
        ? options.list.instance > 0
          ? { reference: options.list.reference, level: options.list.level, instance: options.list.instance }
          : { reference: options.list.reference, level: options.list.level }
        : undefined,
    });
  }

  /** An ordered list's numbering definition: its type's, or one that starts where the list does. */
  private orderedReference(node: LayoutNode): string {
    const start = Number(attr(node, 'start') ?? 1);
    // Word numbers from 0 to 32767.
    if (!Number.isSafeInteger(start) || start < 0 || start > 32767 || start === 1) return orderedListReference(attr(node, 'type'));
    const started = startedListReference(attr(node, 'type'), start);
    this.listStarts.set(started.reference, started);
    return started.reference;
  }

  private directionOfText(text: string): 'rtl' | 'ltr' {
    return paragraphDirection({ type: 'paragraph', content: [{ type: 'text', text }] }, this.rtl);
  }
}

function textAlign(node: LayoutNode) {
  const align = attr(node, 'textAlign');
  return align === 'center' ? AlignmentType.CENTER : align === 'justify' ? AlignmentType.JUSTIFIED : undefined;
}

/** A footnote's text, whether the schema keeps it in an attribute or as content. */

function docxImageType(mediaType: string): 'png' | 'jpg' | 'gif' | 'bmp' | null {
  if (mediaType === 'image/png') return 'png';
  if (mediaType === 'image/jpeg') return 'jpg';
  if (mediaType === 'image/gif') return 'gif';
  return null;
}

/**
 * The DOCX file. Built with a seeded random source (docx names relationships with random ids) and
 * re-zipped with fixed dates, so the same content gives the same bytes.
 */
export async function writeDocx(doc: ExportDocument): Promise<Uint8Array> {
  const document = withSeededRandom(`${doc.guideId}:${doc.versionLabel ?? ''}:${doc.date}`, () => new DocxBuilder(doc).build());
  const packed = await withSeededRandomAsync(`${doc.guideId}:pack`, () => Packer.toBuffer(document));
  return normalizeZip(new Uint8Array(packed), doc.date);
}

// Packing creates ids too (hyperlink relationships): it is synchronous inside the promise docx returns.
async function withSeededRandomAsync<T>(seed: string, run: () => Promise<T>): Promise<T> {
  let promise: Promise<T> | undefined;
  withSeededRandom(seed, () => {
    promise = run();
  });
  return promise!;
}
