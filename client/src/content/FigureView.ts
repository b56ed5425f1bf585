import type { Node as PmNode } from '@tiptap/pm/model';
import type { Decoration, EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { FIGURE_SIZES, type FigureAttributes } from '@dalil/shared/editor';
import { NumberedNodeView } from './NumberedNodeView.ts';
import { el, label, onLanguage } from './label.ts';
import { setNodeAttributes, syncInput } from './nodeAttributes.ts';
import { progressOf, uploadToken, watchProgress } from './uploadProgress.ts';

/**
 * A figure in the editor: the image (or a visible placeholder saying what is missing), the
 * numbered caption (the node's editable content), and the alt text, credit and size fields.
 */
export class FigureView extends NumberedNodeView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private readonly media = el('div', { class: 'figure__media', contenteditable: 'false' });
  private readonly numberLabel = el('span', { class: 'figure__number', contenteditable: 'false' });
  private readonly meta = el('div', { class: 'figure__meta', contenteditable: 'false' });
  private readonly alt = el('input', { type: 'text', class: 'figure__alt', 'data-field': 'alt' });
  private readonly altLabel = el('span');
  private readonly credit = el('input', { type: 'text', class: 'figure__credit-input', 'data-field': 'credit' });
  private readonly creditLabel = el('span');
  private readonly size = el('select', { class: 'figure__size', 'data-field': 'size' });
  private readonly sizeLabel = el('span');
  private readonly disposers: Array<() => void> = [];
  private unwatch: (() => void) | null = null;

  constructor(node: PmNode, private readonly view: EditorView, private readonly getPos: () => number | undefined, decorations: readonly Decoration[]) {
    super(node, decorations);
    this.contentDOM = el('span', { class: 'figure__caption-text' });
    const caption = el('figcaption', { class: 'figure__caption' }, this.numberLabel, this.contentDOM);
    for (const size of FIGURE_SIZES) this.size.append(el('option', { value: size }));
    this.meta.append(
      el('label', { class: 'figure__field figure__field--alt' }, this.altLabel, this.alt),
      el('label', { class: 'figure__field' }, this.creditLabel, this.credit),
      el('label', { class: 'figure__field figure__field--size' }, this.sizeLabel, this.size),
    );
    this.dom = el('figure', { class: 'figure', 'data-figure': '' }, this.media, caption, this.meta);
    this.alt.addEventListener('input', () => setNodeAttributes(view, getPos, { alt: this.alt.value }));
    this.credit.addEventListener('input', () => setNodeAttributes(view, getPos, { credit: this.credit.value }));
    this.size.addEventListener('change', () => setNodeAttributes(view, getPos, { size: this.size.value }));
    this.disposers.push(onLanguage(() => this.render()));
  }

  protected render(): void {
    const a = this.node.attrs as FigureAttributes;
    this.dom.className = `figure figure--${a.size}`;
    this.dom.dataset.size = a.size;
    const editable = this.view.editable;
    for (const input of [this.alt, this.credit, this.size]) input.disabled = !editable;
    this.numberLabel.textContent = this.number ? `${label('figureNumber', { number: this.number })} : ` : '';
    this.altLabel.textContent = label('figureAlt');
    this.creditLabel.textContent = label('figureCredit');
    this.sizeLabel.textContent = label('figureSize');
    for (const option of Array.from(this.size.options)) option.textContent = label(`sizes.${option.value}`);
    syncInput(this.alt, a.alt);
    syncInput(this.credit, a.credit);
    syncInput(this.size, a.size);
    const missingAlt = !a.alt.trim();
    this.dom.classList.toggle('figure--no-alt', missingAlt);
    this.alt.setAttribute('aria-invalid', String(missingAlt));
    this.alt.placeholder = missingAlt ? label('figureAltMissing') : '';
    this.renderMedia(a);
  }

  private renderMedia(a: FigureAttributes): void {
    const token = uploadToken(a.missing);
    this.unwatch?.();
    this.unwatch = null;
    if (a.src) {
      const current = this.media.querySelector('img');
      if (current?.getAttribute('src') === a.src) {
        current.alt = a.alt;
        return;
      }
      const img = el('img', { src: a.src, alt: a.alt, loading: 'lazy', decoding: 'async' });
      if (a.width && a.height) {
        img.width = a.width;
        img.height = a.height;
      }
      this.media.replaceChildren(img);
    } else if (token) {
      const bar = el('progress', { max: '100', class: 'figure__progress' });
      const text = el('span', { class: 'figure__progress-text', role: 'status' });
      const update = () => {
        const state = progressOf(token);
        if (state?.percent === undefined) bar.removeAttribute('value');
        else bar.value = state.percent;
        // another person's upload shows as under way without a percentage (progress is local)
        text.textContent = state?.text ?? label('figureUploading', { percent: '…' });
      };
      update();
      this.unwatch = watchProgress(token, update);
      this.media.replaceChildren(el('div', { class: 'figure__placeholder figure__placeholder--uploading' }, bar, text));
    } else {
      this.media.replaceChildren(el('div', { class: 'figure__placeholder', role: 'note' }, label('figureMissing', { what: a.missing ?? '?' })));
    }
  }

  stopEvent(event: Event): boolean {
    return this.meta.contains(event.target as globalThis.Node);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return !this.contentDOM.contains(mutation.target);
  }

  destroy(): void {
    this.unwatch?.();
    for (const dispose of this.disposers) dispose();
  }
}
