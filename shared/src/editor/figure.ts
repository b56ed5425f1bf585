import { Node, mergeAttributes } from '@tiptap/core';
import type { ParsedElement } from './domElement.ts';
import { isFigureSize, isStorableImageSrc, type FigureSize } from './figureSizes.ts';

export interface FigureAttributes {
  /** Id given by the image store on upload; null while nothing is stored (placeholder). */
  imageId: string | null;
  /** URL the image is served from (same-origin API path); never a data: URL. */
  src: string | null;
  alt: string;
  credit: string;
  size: FigureSize;
  width: number | null;
  height: number | null;
  /** Says what could not be brought in (a pasted image the browser did not hand over). */
  missing: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure after the selection's block; the caption is the node's content. */
      insertFigure: (attributes: Partial<FigureAttributes>, caption?: string) => ReturnType;
    };
  }
}

const numberOrNull = (value: string | null) => {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/**
 * An uploaded image with its caption (the node's inline content, edited like any text), a
 * credit/source line, alt text (required before review) and a layout size.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic link',
  draggable: true,
  isolating: true,
  defining: true,

  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (el: ParsedElement) => el.getAttribute('data-image-id'),
        renderHTML: (a: FigureAttributes) => (a.imageId ? { 'data-image-id': a.imageId } : {}),
      },
      src: {
        default: null,
        parseHTML: (el: ParsedElement) => {
          const src = el.querySelector('img')?.getAttribute('src') ?? null;
          return isStorableImageSrc(src) ? src : null;
        },
        renderHTML: () => ({}),
      },
      alt: {
        default: '',
        parseHTML: (el: ParsedElement) => el.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      credit: {
        default: '',
        parseHTML: (el: ParsedElement) => el.querySelector('.figure-credit')?.textContent?.trim() ?? '',
        renderHTML: () => ({}),
      },
      size: {
        default: 'full',
        parseHTML: (el: ParsedElement) => {
          const size = el.getAttribute('data-size');
          return isFigureSize(size) ? size : 'full';
        },
        renderHTML: (a: FigureAttributes) => ({ 'data-size': a.size }),
      },
      width: {
        default: null,
        parseHTML: (el: ParsedElement) => numberOrNull(el.querySelector('img')?.getAttribute('width') ?? null),
        renderHTML: () => ({}),
      },
      height: {
        default: null,
        parseHTML: (el: ParsedElement) => numberOrNull(el.querySelector('img')?.getAttribute('height') ?? null),
        renderHTML: () => ({}),
      },
      missing: {
        default: null,
        parseHTML: (el: ParsedElement) => el.getAttribute('data-missing'),
        renderHTML: (a: FigureAttributes) => (a.missing ? { 'data-missing': a.missing } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-figure]', contentElement: 'figcaption' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as FigureAttributes;
    const image = a.src
      ? ['img', { src: a.src, alt: a.alt, ...(a.width ? { width: a.width } : {}), ...(a.height ? { height: a.height } : {}) }]
      : ['span', { class: 'figure-missing' }, a.missing ?? ''];
    const parts: unknown[] = [image, ['figcaption', {}, 0]];
    if (a.credit) parts.push(['p', { class: 'figure-credit' }, a.credit]);
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-figure': '', class: `figure figure--${a.size}` }), ...parts] as never;
  },

  addCommands() {
    return {
      insertFigure:
        (attributes, caption) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { ...attributes, src: isStorableImageSrc(attributes.src) ? attributes.src : null },
            content: caption ? [{ type: 'text', text: caption }] : [],
          }),
    };
  },
});
