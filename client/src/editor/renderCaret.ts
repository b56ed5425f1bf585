/**
 * Another person's caret: a coloured bar with their name above it. Built with text nodes only,
 * since names come from peers.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(user.color) ? user.color : '#475569';
  const name = typeof user.name === 'string' ? user.name.slice(0, 60) : '?';

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
