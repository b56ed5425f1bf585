import { safeColor, safeName } from '../collaboration/presence.ts';

/**
 * Another person's caret: a coloured bar with their name above it. Built with text nodes only,
 * since names come from peers.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = safeColor(user.color);
  const name = safeName(user.name);

  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');

  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.append(document.createTextNode(name));
  caret.append(document.createTextNode('\u2060'), label, document.createTextNode('\u2060'));
  return caret;
}
