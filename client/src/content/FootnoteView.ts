import type { Node as PmNode } from '@tiptap/pm/model';
import type { Decoration, EditorView, NodeView } from '@tiptap/pm/view';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { NumberedNodeView } from './NumberedNodeView.ts';
import { el, label, onLanguage } from './label.ts';
import { setNodeAttributes } from './nodeAttributes.ts';

/**
 * A footnote marker: the number (from the numbering plugin), and, when selected, its note's text
 * to edit in place. Hovering shows the note too.
 */
export class FootnoteView extends NumberedNodeView implements NodeView {
  dom: HTMLElement;
  private readonly marker = el('sup', { class: 'footnote__marker' });
  private readonly editor = el('span', { class: 'footnote__editor', contenteditable: 'false', hidden: '' });
  private readonly input = el('textarea', { class: 'footnote__input', rows: '2' });
  private readonly dispose: () => void;

  constructor(node: PmNode, private readonly view: EditorView, private readonly getPos: () => number | undefined, decorations: readonly Decoration[]) {
    super(node, decorations);
    this.editor.append(this.input);
    this.dom = el('span', { class: 'footnote', 'data-footnote': '' }, this.marker, this.editor);
    this.input.addEventListener('input', () => setNodeAttributes(view, getPos, { text: this.input.value }));
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
        event.preventDefault();
        this.leave();
      }
    });
    this.dispose = onLanguage(() => this.render());
  }

  private leave(): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    const after = this.view.state.doc.resolve(pos + this.node.nodeSize);
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.near(after)));
    this.view.focus();
  }

  protected render(): void {
    const text = String(this.node.attrs.text ?? '');
    this.marker.textContent = this.number ? String(this.number) : '*';
    this.dom.title = text;
    this.marker.setAttribute('aria-label', `${label('footnoteNumber', { number: this.number })}: ${text}`);
    this.input.setAttribute('aria-label', label('footnoteText', { number: this.number }));
    this.input.disabled = !this.view.editable;
    if (document.activeElement !== this.input) this.input.value = text;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    this.editor.hidden = false;
    const selection = this.view.state.selection;
    // open for editing when the marker itself is chosen (click, or just inserted)
    if (selection instanceof NodeSelection && this.view.editable) queueMicrotask(() => this.input.focus());
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
    if (document.activeElement !== this.input) this.editor.hidden = true;
    else this.input.addEventListener('blur', () => (this.editor.hidden = true), { once: true });
  }

  stopEvent(event: Event): boolean {
    return this.editor.contains(event.target as globalThis.Node);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.dispose();
  }
}
