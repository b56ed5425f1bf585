import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { colorForUser } from '@dalil/shared';
import { CALLOUT_ICONS } from '@dalil/shared/editor';
import type { CreateSuggestionBody, SuggestedBlock, SuggestedFormat } from '@dalil/shared/api/suggestions.ts';
import { decodePosition } from './anchors.ts';

/** One suggestion to draw, from the server's list, the outbox or the draft being typed. */
export interface DrawnSuggestion {
  id: string;
  authorId: string;
  body: CreateSuggestionBody;
  /** Not yet on the server (draft or outbox). */
  local: boolean;
}

/** Inserted text as one inline widget; a paragraph break shows as ¶ and a line break (the text is not split yet). */
function insertedText(text: string, s: DrawnSuggestion, color: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `suggestion-insert${s.local ? ' suggestion--local' : ''}`;
  text.split('\n').forEach((line, i) => {
    if (i > 0) {
      const mark = document.createElement('span');
      mark.className = 'suggestion-insert__break';
      mark.textContent = '¶';
      mark.setAttribute('aria-hidden', 'true');
      span.append(mark, document.createElement('br'));
    }
    if (line) span.append(line);
  });
  span.dataset.suggestionId = s.id;
  span.style.setProperty('--suggestion-color', color);
  return span;
}

function suggestedBlock(block: SuggestedBlock, s: DrawnSuggestion, color: string, label: string): HTMLElement {
  const box = document.createElement('div');
  box.className = `suggestion-block callout callout--${block.kind}${s.local ? ' suggestion--local' : ''}`;
  box.dataset.suggestionId = s.id;
  box.style.setProperty('--suggestion-color', color);
  box.contentEditable = 'false';
  const title = document.createElement('p');
  title.className = 'suggestion-block__label';
  title.textContent = `${CALLOUT_ICONS[block.kind]} ${label}`;
  box.append(title);
  for (const line of block.text.split('\n')) {
    const p = document.createElement('p');
    p.textContent = line;
    box.append(p);
  }
  return box;
}

/**
 * Suggestions drawn over the section's text, which they do not change: deleted text struck
 * through, inserted text underlined as a widget, a suggested box after its block, text to format
 * with a dotted underline (and the mark's name on hover); each in its author's colour. Anchors are resolved against the document as it is now.
 */
export function suggestionDecorations(
  state: EditorState,
  suggestions: DrawnSuggestion[],
  blockLabel: (kind: string) => string,
  formatLabel: (format: SuggestedFormat) => string,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const s of suggestions) {
    const color = colorForUser(s.authorId);
    if (s.body.format) {
      const format = s.body.format;
      const start = decodePosition(state, format.from);
      const end = decodePosition(state, format.to);
      if (start !== null && end !== null && end > start) {
        decorations.push(
          Decoration.inline(start, end, {
            class: `suggestion-format suggestion-format--${format.action}-${format.mark}${s.local ? ' suggestion--local' : ''}`,
            'data-suggestion-id': s.id,
            title: formatLabel(format),
            style: `--suggestion-color: ${color}`,
          }),
        );
      }
      continue;
    }
    const from = decodePosition(state, s.body.deleteFrom ?? null);
    const to = decodePosition(state, s.body.deleteTo ?? null);
    if (from !== null && to !== null && to > from) {
      decorations.push(
        Decoration.inline(from, to, { class: `suggestion-delete${s.local ? ' suggestion--local' : ''}`, 'data-suggestion-id': s.id, style: `--suggestion-color: ${color}` }),
      );
    }
    const at = decodePosition(state, s.body.at ?? null);
    if (at === null) continue;
    if (s.body.block) {
      const block = s.body.block;
      const $at = state.doc.resolve(at);
      const after = $at.depth >= 1 ? $at.after(1) : at;
      decorations.push(Decoration.widget(after, () => suggestedBlock(block, s, color, blockLabel(block.kind)), { side: 1, key: `b-${s.id}`, ignoreSelection: true }));
    } else if (s.body.text) {
      const text = s.body.text;
      // between blocks (an empty section's anchor is the document itself): drawn inside the next text block
      const next = state.doc.resolve(at).parent.inlineContent ? null : state.doc.nodeAt(at);
      const where = next?.isTextblock ? at + 1 : at;
      decorations.push(Decoration.widget(where, () => insertedText(text, s, color), { side: -1, key: `i-${s.id}-${text}`, marks: [] }));
    }
  }
  return DecorationSet.create(state.doc, decorations);
}
