import { isOrderedListType, type LayoutNode } from '@dalil/shared/editor';
import type { ExportDocument } from './exportDocument.ts';
import { exportLabels, fill, isRtlDocument, statusLine, type ExportLabels } from './exportLabels.ts';
import { attr, numberedTitle, paragraphDirection, plainText } from './layoutWalk.ts';
import { cellSpan, headingLevel } from './layoutWalk.ts';
import { safeHref } from './safeUrl.ts';
import { figureWidthPercent } from './figureSize.ts';
import { footnoteText } from './footnoteText.ts';
import { printStylesheet } from './printStylesheet.ts';

/** Image types a browser shows from a data URI (anything else is exported as its alt text). */
const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export interface HtmlOptions {
  /** Page numbers of each section (by id) to print in the table of contents (the PDF's second pass). */
  tocPages?: Map<string, number>;
  /** Invisible marks to write in each section heading (by id), so the PDF writer can find its page. */
  probes?: Map<string, string>;
}

/**
 * One self-contained HTML file: images as data URIs, a print stylesheet, and no script at all.
 * Every text and attribute is escaped and only the tags written here exist, so nothing in the
 * content can become markup; the Content-Security-Policy forbids scripts besides.
 */
export function writeHtml(doc: ExportDocument, options: HtmlOptions = {}): string {
  return new HtmlBuilder(doc, options).build();
}

class HtmlBuilder {
  private readonly labels: ExportLabels;
  private readonly rtl: boolean;
  private notes: string[] = [];
  private noteCount = 0;
  private figureCount = 0;
  private tableCount = 0;

  constructor(
    private readonly doc: ExportDocument,
    private readonly options: HtmlOptions,
  ) {
    this.labels = exportLabels(doc);
    this.rtl = isRtlDocument(doc);
  }

  build(): string {
    const status = statusLine(this.doc);
    const parts: string[] = [];
    parts.push(
      `<!DOCTYPE html>\n<html lang="${this.doc.language}" dir="${this.rtl ? 'rtl' : 'ltr'}">\n<head>\n<meta charset="utf-8">`,
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
      `<meta name="viewport" content="width=device-width, initial-scale=1">`,
      `<meta name="generator" content="Dalil">`,
      `<title>${esc(this.doc.title)}</title>`,
      `<style>${printStylesheet({ title: this.doc.title, status, provisional: this.doc.provisional, pageLabel: this.labels.page, rtl: this.rtl })}</style>`,
      `</head>\n<body class="${this.doc.provisional ? 'provisional' : 'final'}">`,
      // repeated on every printed page by position: fixed, and on screen at the top
      `<div class="running-status" aria-hidden="true">${esc(status)}</div>`,
      `<section class="title-page"><h1 class="guide-title">${esc(this.doc.title)}</h1><p class="status-line">${esc(status)}</p></section>`,
      this.contents(),
      '<main>',
    );
    for (const section of this.doc.sections) {
      const level = Math.min(section.depth, 3) + 1;
      this.notes = [];
      parts.push(
        `<section class="guide-section depth-${section.depth}" id="s-${esc(section.id)}">`,
        `<h${level} class="section-heading"${this.dirOf(section.title)}>${this.probe(section.id)}${section.number ? `<span class="number">${esc(section.number)}</span> ` : ''}${esc(section.title)}</h${level}>`,
        this.blocks(section.content.content ?? [], section.depth),
      );
      if (this.notes.length > 0) parts.push(`<aside class="notes"><h${Math.min(level + 1, 6)} class="notes-title">${esc(this.labels.notes)}</h${Math.min(level + 1, 6)}><ol>${this.notes.join('')}</ol></aside>`);
      parts.push('</section>');
    }
    parts.push('</main>');
    if (this.doc.provisional) parts.push(this.annex());
    parts.push('</body>\n</html>\n');
    return parts.join('\n');
  }

  private probe(sectionId: string): string {
    const probe = this.options.probes?.get(sectionId);
    return probe ? `<span class="page-probe">${esc(probe)}</span>` : '';
  }

  private contents(): string {
    const items = this.doc.sections.map((s) => {
      const page = this.options.tocPages?.get(s.id);
      return `<li class="toc-depth-${Math.min(s.depth, 3)}"><a href="#s-${esc(s.id)}"${this.dirOf(s.title)}><span class="toc-number">${esc(s.number)}</span> <span class="toc-title">${esc(s.title)}</span><span class="toc-page">${page ?? (this.options.probes ? '000' : '')}</span></a></li>`;
    });
    return `<nav class="toc" aria-label="${esc(this.labels.contents)}"><h2 class="toc-title-heading">${esc(this.labels.contents)}</h2><ol>${items.join('')}</ol></nav>`;
  }

  private annex(): string {
    const items = this.doc.unvalidated.map((s) => `<li${this.dirOf(s.title)}>${esc(numberedTitle(s))}</li>`).join('');
    return `<section class="annex"><h1>${esc(this.labels.annexTitle)}</h1><p>${esc(this.labels.annexIntro)}</p><ul>${items}</ul></section>`;
  }

  private blocks(nodes: LayoutNode[], depth: number): string {
    return nodes.map((n) => this.block(n, depth)).join('\n');
  }

  private block(node: LayoutNode, depth: number): string {
    const inner = () => this.inlines(node.content ?? []);
    switch (node.type) {
      case 'paragraph': {
        const align = attr(node, 'textAlign');
        const style = align === 'center' || align === 'justify' || align === 'right' || align === 'left' ? ` style="text-align:${align}"` : '';
        return `<p${this.dirAttr(node)}${style}>${inner() || '<br>'}</p>`;
      }
      case 'heading': {
        const level = Math.min(6, depth + 1 + headingLevel(node));
        return `<h${level}${this.dirAttr(node)}>${inner()}</h${level}>`;
      }
      case 'bulletList':
        return `<ul${this.listDirAttr(node)}>${this.blocks(node.content ?? [], depth)}</ul>`;
      case 'orderedList': {
        const start = Number(attr(node, 'start') ?? 1);
        const type = attr(node, 'type');
        const typeAttr = isOrderedListType(type) ? ` type="${type}"` : '';
        return `<ol${this.listDirAttr(node)}${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''}${typeAttr}>${this.blocks(node.content ?? [], depth)}</ol>`;
      }
      case 'listItem':
        return `<li>${this.blocks(node.content ?? [], depth)}</li>`;
      case 'blockquote':
        return `<blockquote>${this.blocks(node.content ?? [], depth)}</blockquote>`;
      case 'codeBlock':
        return `<pre dir="ltr"><code>${esc(plainText(node))}</code></pre>`;
      case 'horizontalRule':
        return '<hr>';
      case 'table':
        return this.table(node, depth);
      case 'figure':
        return this.figure(node);
      case 'callout':
        return this.callout(node, depth);
      default:
        return node.content ? this.blocks(node.content, depth) : '';
    }
  }

  private table(node: LayoutNode, depth: number): string {
    const rows = node.content ?? [];
    let headerRows = 0;
    while (headerRows < rows.length && (rows[headerRows]!.content ?? []).every((c) => c.type === 'tableHeader')) headerRows += 1;
    const row = (r: LayoutNode) =>
      `<tr>${(r.content ?? [])
        .map((cell) => {
          const tag = cell.type === 'tableHeader' ? 'th' : 'td';
          const colspan = cellSpan(cell, 'colspan');
          const rowspan = cellSpan(cell, 'rowspan');
          const spans = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
          return `<${tag}${spans}>${this.blocks(cell.content ?? [], depth)}</${tag}>`;
        })
        .join('')}</tr>`;
    const caption = attr(node, 'caption');
    this.tableCount += 1;
    const captionHtml = typeof caption === 'string' && caption ? `<caption><span class="label">${esc(this.labels.table)} ${this.tableCount}</span> : ${esc(caption)}</caption>` : '';
    return `<table>${captionHtml}${headerRows > 0 ? `<thead>${rows.slice(0, headerRows).map(row).join('')}</thead>` : ''}<tbody>${rows.slice(headerRows).map(row).join('')}</tbody></table>`;
  }

  private figure(node: LayoutNode): string {
    this.figureCount += 1;
    const imageId = attr(node, 'imageId');
    const image = typeof imageId === 'string' ? this.doc.images.get(imageId) : undefined;
    const alt = String(attr(node, 'alt') ?? '');
    const caption = plainText(node);
    const credit = String(attr(node, 'credit') ?? '');
    const width = figureWidthPercent(attr(node, 'size'));
    const img =
      image && EMBEDDABLE.has(image.mediaType)
        ? `<img src="data:${image.mediaType};base64,${Buffer.from(image.bytes).toString('base64')}" alt="${esc(alt)}" width="${image.width}" height="${image.height}" style="width:${width}%">`
        : `<p class="missing-image">[${esc(alt || caption)}]</p>`;
    const creditHtml = credit ? ` <span class="credit">${esc(fill(this.labels.credit, { credit }))}</span>` : '';
    return `<figure class="figure figure-${esc(String(attr(node, 'size') ?? 'full'))}">${img}<figcaption${this.dirOf(caption)}><span class="label">${esc(this.labels.figure)} ${this.figureCount}</span>${caption ? ` : ${this.inlines(node.content ?? [])}` : ''}${creditHtml}</figcaption></figure>`;
  }

  private callout(node: LayoutNode, depth: number): string {
    const kind = String(attr(node, 'kind') ?? 'goodPractice');
    const titles = this.labels.callout as Record<string, string>;
    const safeKind = kind in titles ? kind : 'goodPractice';
    const fields =
      safeKind === 'caseStudy'
        ? (['place', 'actors', 'period'] as const)
            .map((f) => {
              const value = attr(node, f);
              return typeof value === 'string' && value ? `<dt>${esc((this.labels.caseStudy as Record<string, string>)[f]!)}</dt><dd>${esc(value)}</dd>` : '';
            })
            .join('')
        : '';
    return `<aside class="callout callout-${safeKind}"><p class="callout-title">${esc(titles[safeKind]!)}</p>${fields ? `<dl class="case-fields">${fields}</dl>` : ''}${this.blocks(node.content ?? [], depth)}</aside>`;
  }

  private inlines(nodes: LayoutNode[]): string {
    return nodes
      .map((node) => {
        if (node.type === 'text') return this.text(node);
        if (node.type === 'hardBreak') return '<br>';
        if (node.type === 'footnote') return this.footnote(node);
        return node.content ? this.inlines(node.content) : '';
      })
      .join('');
  }

  private text(node: LayoutNode): string {
    let html = esc(node.text ?? '');
    const marks = node.marks ?? [];
    const has = (type: string) => marks.some((m) => m.type === type);
    if (has('code')) html = `<code>${html}</code>`;
    if (has('bold')) html = `<strong>${html}</strong>`;
    if (has('italic')) html = `<em>${html}</em>`;
    if (has('underline')) html = `<u>${html}</u>`;
    if (has('strike')) html = `<s>${html}</s>`;
    if (has('superscript')) html = `<sup>${html}</sup>`;
    if (has('subscript')) html = `<sub>${html}</sub>`;
    const link = marks.find((m) => m.type === 'link');
    const href = link ? safeHref(link.attrs?.href) : null;
    if (href) html = `<a href="${esc(href)}" rel="noopener noreferrer">${html}</a>`;
    return html;
  }

  private footnote(node: LayoutNode): string {
    const n = ++this.noteCount;
    const text = footnoteText(node);
    this.notes.push(`<li id="fn-${n}" value="${n}"${this.dirOf(text)}>${esc(text)} <a href="#fnref-${n}" class="backref">↩</a></li>`);
    return `<sup class="footnote-ref"><a href="#fn-${n}" id="fnref-${n}">${n}</a></sup>`;
  }

  private dirAttr(node: LayoutNode): string {
    const dir = paragraphDirection(node, this.rtl);
    return dir === (this.rtl ? 'rtl' : 'ltr') ? '' : ` dir="${dir}"`;
  }

  /**
   * A list whose items all read the other way than the guide (an Arabic list in a French guide) is
   * laid out that way: its bullets and numbers on the items' side, not past the opposite margin.
   */
  private listDirAttr(list: LayoutNode): string {
    const dirs = new Set((list.content ?? []).map((item) => {
      const first = item.content?.[0];
      return first ? paragraphDirection(first, this.rtl) : null;
    }));
    if (dirs.size !== 1) return '';
    const [dir] = dirs;
    return dir && dir !== (this.rtl ? 'rtl' : 'ltr') ? ` dir="${dir}"` : '';
  }

  private dirOf(text: string): string {
    return this.dirAttr({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
}

/** Escapes text for HTML content and double-quoted attribute values alike. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
