import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { CALLOUT_ICONS, CALLOUT_KINDS, isCalloutKind, type CalloutAttributes } from '@dalil/shared/editor';
import { el, label, onLanguage } from './label.ts';
import { setNodeAttributes, syncInput } from './nodeAttributes.ts';

const CASE_FIELDS = ['place', 'actors', 'period'] as const;
const CASE_LABELS = { place: 'casePlace', actors: 'caseActors', period: 'casePeriod' } as const;

/**
 * A box in the editor: a header drawn from the kind (icon and label in the interface language,
 * never stored), a kind selector, the case-study fields, and the editable content.
 */
export class CalloutView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private node: PmNode;
  private readonly header = el('div', { class: 'callout__header', contenteditable: 'false' });
  private readonly icon = el('span', { class: 'callout__icon', 'aria-hidden': 'true' });
  private readonly title = el('span', { class: 'callout__label' });
  private readonly kind = el('select', { class: 'callout__kind' });
  private readonly fields = el('div', { class: 'callout__case' });
  private readonly inputs = new Map<(typeof CASE_FIELDS)[number], { input: HTMLInputElement; name: HTMLElement }>();
  private readonly dispose: () => void;

  constructor(node: PmNode, private readonly view: EditorView, getPos: () => number | undefined) {
    this.node = node;
    for (const kind of CALLOUT_KINDS) this.kind.append(el('option', { value: kind }));
    this.kind.addEventListener('change', () => setNodeAttributes(view, getPos, { kind: this.kind.value }));
    for (const field of CASE_FIELDS) {
      const input = el('input', { type: 'text', 'data-field': field });
      const name = el('span', { class: 'callout__case-name' });
      input.addEventListener('input', () => setNodeAttributes(view, getPos, { [field]: input.value }));
      this.inputs.set(field, { input, name });
      this.fields.append(el('label', { class: 'callout__case-field' }, name, input));
    }
    this.header.append(this.icon, this.title, this.kind);
    this.contentDOM = el('div', { class: 'callout__body' });
    this.dom = el('aside', { class: 'callout' }, this.header, this.fields, this.contentDOM);
    this.dispose = onLanguage(() => this.render());
  }

  private render(): void {
    const a = this.node.attrs as CalloutAttributes;
    const kind = isCalloutKind(a.kind) ? a.kind : 'goodPractice';
    this.dom.className = `callout callout--${kind}`;
    this.dom.dataset.callout = kind;
    this.icon.textContent = CALLOUT_ICONS[kind];
    this.title.textContent = label(`callouts.${kind}`);
    this.kind.setAttribute('aria-label', label('calloutKind'));
    for (const option of Array.from(this.kind.options)) option.textContent = label(`callouts.${option.value}`);
    syncInput(this.kind, kind);
    const editable = this.view.editable;
    this.kind.hidden = !editable;
    const isCase = kind === 'caseStudy';
    this.fields.hidden = !isCase || (!editable && !a.place && !a.actors && !a.period);
    for (const field of CASE_FIELDS) {
      const { input, name } = this.inputs.get(field)!;
      name.textContent = label(CASE_LABELS[field]);
      input.disabled = !editable;
      syncInput(input, a[field]);
    }
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  stopEvent(event: Event): boolean {
    const target = event.target as globalThis.Node;
    return this.header.contains(target) || this.fields.contains(target);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return !this.contentDOM.contains(mutation.target);
  }

  destroy(): void {
    this.dispose();
  }
}
