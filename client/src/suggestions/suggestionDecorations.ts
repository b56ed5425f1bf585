import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { colorForUser } from '@dalil/shared';
import { DOMSerializer, Fragment } from '@tiptap/pm/model';
import { asBlocks } from '@dalil/shared/editor';
import type { CreateSuggestionBody, SuggestedBlocks, SuggestedBlockType, SuggestedFormat } from '@dalil/shared/api/suggestions.ts';
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

/**
 * Suggested blocks drawn as they would read (the schema's own rendering: a table's cells, a figure's
 * image and caption, a box), in a dashed frame of the suggester's colour headed by their summary.
 */
function suggestedBlocks(state: EditorState, block: SuggestedBlocks, s: DrawnSuggestion, color: string, describe: (content: SuggestedBlocks['content']) => string): HTMLElement {
  const box = document.createElement('div');
  box.className = `suggestion-block${s.local ? ' suggestion--local' : ''}`;
  box.dataset.suggestionId = s.id;
  box.style.setProperty('--suggestion-color', color);
  box.contentEditable = 'false';
  const title = document.createElement('p');
  title.className = 'suggestion-block__label';
  title.textContent = `+ ${describe(block.content).split('\n').map((line) => line.split(' · ')[0]).join(', ')}`;
  box.append(title);
  try {
    const fragment = Fragment.fromJSON(state.schema, block.content);
    const body = document.createElement('div');
    body.className = 'suggestion-block__content';
    body.append(DOMSerializer.fromSchema(state.schema).serializeFragment(fragment));
    box.append(body);
  } catch {
    // blocks this editor's schema cannot read: the summary says what they are
    const text = document.createElement('p');
    text.textContent = describe(block.content);
    box.append(text);
  }
  return box;
}

/**
 * Suggestions drawn over the section's text, which they do not change: deleted text struck
 * through, inserted text underlined as a widget, suggested blocks after their block, text to format
 * with a dotted underline (and the mark's name on hover); each in its author's colour. Anchors are resolved against the document as it is now.
 */
export function suggestionDecorations(
  state: EditorState,
  suggestions: DrawnSuggestion[],
  describeBlocks: (content: SuggestedBlocks['content']) => string,
  formatLabel: (format: SuggestedFormat) => string,
  blockTypeLabel: (change: SuggestedBlockType) => string,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const s of suggestions) {
    const color = colorForUser(s.authorId);
    if (s.body.blockType) {
      // the whole block, outlined, with what it would become
      const at = decodePosition(state, s.body.blockType.at);
      if (at === null) continue;
      const $at = state.doc.resolve(at);
      if ($at.depth < 1) continue;
      decorations.push(
        Decoration.node($at.before(1), $at.after(1), {
          class: `suggestion-block-type${s.local ? ' suggestion--local' : ''}`,
          'data-suggestion-id': s.id,
          'data-suggestion-label': blockTypeLabel(s.body.blockType),
          title: blockTypeLabel(s.body.blockType),
          style: `--suggestion-color: ${color}`,
        }),
      );
      continue;
    }
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
      const block = asBlocks(s.body.block);
      const $at = state.doc.resolve(at);
      const after = $at.depth >= 1 ? $at.after(1) : at;
      decorations.push(Decoration.widget(after, () => suggestedBlocks(state, block, s, color, describeBlocks), { side: 1, key: `b-${s.id}`, ignoreSelection: true }));
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
