import type { LayoutNode } from '@dalil/shared/editor';
import type { ExportDocument } from './exportDocument.ts';
import { exportLabels, fill, statusLine, type ExportLabels } from './exportLabels.ts';
import { attr, numberedTitle, plainText } from './layoutWalk.ts';
import { cellSpan, headingLevel } from './layoutWalk.ts';
import { safeHref } from './safeUrl.ts';
import { footnoteText } from './footnoteText.ts';
import { zipFixed } from './deterministicZip.ts';
import { esc } from './htmlWriter.ts';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * Markdown for interchange (CommonMark + GitHub tables + pandoc-style footnotes), zipped with the
 * images it points to (`images/`). What Markdown cannot say falls back as documented in the README:
 * boxes become blockquotes whose first line names the kind ("> **Bonne pratique**"); a table with
 * merged cells or with block content Markdown tables cannot hold is written as an HTML table.
 */
export function writeMarkdownZip(doc: ExportDocument): Uint8Array {
  const writer = new MarkdownBuilder(doc);
  const text = writer.build();
  const files: Record<string, Uint8Array> = { 'guide.md': new TextEncoder().encode(text) };
  for (const [path, bytes] of writer.imageFiles) files[path] = bytes;
  return zipFixed(files, doc.date);
}

class MarkdownBuilder {
  readonly imageFiles = new Map<string, Uint8Array>();
  private readonly labels: ExportLabels;
  private readonly notes: string[] = [];
  private figureCount = 0;
  private tableCount = 0;

  constructor(private readonly doc: ExportDocument) {
    this.labels = exportLabels(doc);
  }

  build(): string {
    const out: string[] = [`# ${inline(this.doc.title)}`, '', `*${inline(statusLine(this.doc))}*`, ''];
    for (const section of this.doc.sections) {
      out.push(`${'#'.repeat(Math.min(section.depth, 4) + 2)} ${inline(numberedTitle(section).replace('  ', ' '))}`, '');
      out.push(...this.blocks(section.content.content ?? [], section.depth));
    }
    if (this.doc.provisional) {
      out.push(`## ${inline(this.labels.annexTitle)}`, '', inline(this.labels.annexIntro), '');
      for (const s of this.doc.unvalidated) out.push(`- ${inline(numberedTitle(s).replace('  ', ' '))}`);
      out.push('');
    }
    if (this.notes.length > 0) out.push(...this.notes, '');
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  }

  private blocks(nodes: LayoutNode[], depth: number): string[] {
    return nodes.flatMap((node) => [...this.block(node, depth), '']);
  }

  private block(node: LayoutNode, depth: number): string[] {
    switch (node.type) {
      case 'paragraph':
        return [this.inlines(node.content ?? [])];
      case 'heading':
        return [`${'#'.repeat(Math.min(6, depth + 2 + headingLevel(node)))} ${this.inlines(node.content ?? [])}`];
      case 'bulletList':
      case 'orderedList':
        return this.list(node, depth);
      case 'blockquote':
        return quote(this.blocks(node.content ?? [], depth));
      case 'codeBlock':
        return ['```', plainText(node), '```'];
      case 'horizontalRule':
        return ['---'];
      case 'table':
        return this.table(node);
      case 'figure':
        return this.figure(node);
      case 'callout': {
        const kind = String(attr(node, 'kind') ?? 'goodPractice');
        const titles = this.labels.callout as Record<string, string>;
        const lines = [`**${inline(titles[kind] ?? titles.goodPractice!)}**`, ''];
        if (kind === 'caseStudy') {
          for (const f of ['place', 'actors', 'period'] as const) {
            const value = attr(node, f);
            if (typeof value === 'string' && value) lines.push(`*${(this.labels.caseStudy as Record<string, string>)[f]}* : ${inline(value)}  `);
          }
          lines.push('');
        }
        return quote([...lines, ...this.blocks(node.content ?? [], depth)]);
      }
      default:
        return node.content ? this.blocks(node.content, depth) : [];
    }
  }

  private list(node: LayoutNode, depth: number): string[] {
    const ordered = node.type === 'orderedList';
    let n = Number(attr(node, 'start') ?? 1);
    return (node.content ?? []).flatMap((item) => {
      const marker = ordered ? `${n++}. ` : '- ';
      const lines = this.blocks(item.content ?? [], depth).filter((l, i, all) => !(l === '' && i === all.length - 1));
      return lines.map((line, i) => (i === 0 ? marker + line : line ? ' '.repeat(marker.length) + line : ''));
    });
  }

  private table(node: LayoutNode): string[] {
    this.tableCount += 1;
    const caption = attr(node, 'caption');
    const head = typeof caption === 'string' && caption ? [`*${inline(this.labels.table)} ${this.tableCount} : ${inline(caption)}*`, ''] : [];
    const rows = node.content ?? [];
    const merged = rows.some((r) => (r.content ?? []).some((c) => cellSpan(c, 'colspan') > 1 || cellSpan(c, 'rowspan') > 1));
    const blocky = rows.some((r) => (r.content ?? []).some((c) => (c.content ?? []).length > 1 || (c.content ?? []).some((b) => b.type !== 'paragraph')));
    if (merged || blocky || rows.length === 0) return [...head, ...htmlTable(rows)];
    const cells = rows.map((r) => (r.content ?? []).map((c) => this.inlines(c.content?.[0]?.content ?? []).replace(/\|/g, '\\|')));
    const width = Math.max(...cells.map((r) => r.length));
    const line = (r: string[]) => `| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`;
    return [...head, line(cells[0]!), `|${' --- |'.repeat(width)}`, ...cells.slice(1).map(line)];
  }

  private figure(node: LayoutNode): string[] {
    this.figureCount += 1;
    const imageId = attr(node, 'imageId');
    const image = typeof imageId === 'string' ? this.doc.images.get(imageId) : undefined;
    const alt = String(attr(node, 'alt') ?? '');
    const caption = plainText(node);
    const credit = String(attr(node, 'credit') ?? '');
    const lines: string[] = [];
    const ext = image ? EXTENSIONS[image.mediaType] : undefined;
    if (image && ext && typeof imageId === 'string') {
      const path = `images/${imageId}.${ext}`;
      this.imageFiles.set(path, image.bytes);
      lines.push(`![${inline(alt)}](${path})`);
    } else {
      lines.push(`*[${inline(alt || caption)}]*`);
    }
    lines.push('', `*${inline(this.labels.figure)} ${this.figureCount}${caption ? ` : ${this.inlines(node.content ?? [])}` : ''}*${credit ? ` — ${inline(fill(this.labels.credit, { credit }))}` : ''}`);
    return lines;
  }

  private inlines(nodes: LayoutNode[]): string {
    return nodes
      .map((node) => {
        if (node.type === 'hardBreak') return '\\\n';
        if (node.type === 'footnote') {
          const n = this.notes.length + 1;
          this.notes.push(`[^${n}]: ${inline(footnoteText(node))}`);
          return `[^${n}]`;
        }
        if (node.type !== 'text') return node.content ? this.inlines(node.content) : '';
        const marks = new Set((node.marks ?? []).map((m) => m.type));
        let text = marks.has('code') ? `\`${node.text ?? ''}\`` : inline(node.text ?? '');
        if (marks.has('bold')) text = `**${text}**`;
        if (marks.has('italic')) text = `*${text}*`;
        if (marks.has('strike')) text = `~~${text}~~`;
        const link = node.marks?.find((m) => m.type === 'link');
        const href = link ? safeHref(link.attrs?.href) : null;
        if (href) text = `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`;
        return text;
      })
      .join('');
  }
}

function quote(lines: string[]): string[] {
  while (lines.at(-1) === '') lines.pop();
  return lines.map((l) => (l ? `> ${l}` : '>'));
}

/** Escapes what Markdown would read as markup (and raw HTML). */
function inline(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|~<>])/g, '\\$1').replace(/\n/g, ' ');
}

/** The documented fallback for tables Markdown cannot hold: a plain HTML table (text only, escaped). */
function htmlTable(rows: LayoutNode[]): string[] {
  const out = ['<table>'];
  for (const row of rows) {
    const cells = (row.content ?? []).map((cell) => {
      const tag = cell.type === 'tableHeader' ? 'th' : 'td';
      const colspan = cellSpan(cell, 'colspan');
      const rowspan = cellSpan(cell, 'rowspan');
      const spans = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
      const text = (cell.content ?? []).map(plainText).map(esc).join('<br>');
      return `<${tag}${spans}>${text}</${tag}>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</table>');
  return out;
}
