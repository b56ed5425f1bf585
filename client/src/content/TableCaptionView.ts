import type { Node as PmNode } from '@tiptap/pm/model';
import type { Decoration, EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { updateColumns } from '@tiptap/extension-table';
import { NumberedNodeView } from './NumberedNodeView.ts';
import { el, label, onLanguage } from './label.ts';
import { setNodeAttributes, syncInput } from './nodeAttributes.ts';

/** A table in the editor: its number and caption above it, then the table itself. */
export class TableCaptionView extends NumberedNodeView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private readonly table = el('table');
  private readonly colgroup = el('colgroup');
  private readonly caption = el('div', { class: 'table__caption', contenteditable: 'false' });
  private readonly numberLabel = el('span', { class: 'table__number' });
  private readonly input = el('input', { type: 'text', class: 'table__caption-input', 'data-field': 'caption' });
  private readonly dispose: () => void;

  constructor(node: PmNode, private readonly view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[]) {
    super(node, decorations);
    this.contentDOM = el('tbody');
    this.table.append(this.colgroup, this.contentDOM);
    this.caption.append(this.numberLabel, this.input);
    this.dom = el('div', { class: 'tableWrapper' }, this.caption, this.table);
    this.input.addEventListener('input', () => setNodeAttributes(view, getPos, { caption: this.input.value }));
    this.dispose = onLanguage(() => this.render());
  }

  protected render(): void {
    updateColumns(this.node, this.colgroup, this.table, 25);
    this.numberLabel.textContent = this.number ? `${label('tableNumber', { number: this.number })} : ` : '';
    this.input.setAttribute('aria-label', label('tableCaption'));
    this.input.placeholder = label('tableCaption');
    this.input.disabled = !this.view.editable;
    syncInput(this.input, String(this.node.attrs.caption ?? ''));
    this.caption.classList.toggle('table__caption--empty', !this.node.attrs.caption);
  }

  stopEvent(event: Event): boolean {
    return this.caption.contains(event.target as globalThis.Node);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return !this.contentDOM.contains(mutation.target) || (mutation.type === 'attributes' && mutation.target === this.table);
  }

  destroy(): void {
    this.dispose();
  }
}
