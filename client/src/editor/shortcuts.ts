/** Shortcut labels as the platform writes them; the keys themselves come from TipTap's defaults. */
const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const SHORTCUTS = {
  bold: 'Mod+B',
  italic: 'Mod+I',
  underline: 'Mod+U',
  bulletList: 'Mod+Shift+8',
  orderedList: 'Mod+Shift+7',
  blockquote: 'Mod+Shift+B',
  link: 'Mod+K',
  undo: 'Mod+Z',
  redo: 'Mod+Shift+Z',
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;

/** For tooltips: "Ctrl+B" or "⌘B". */
export function shortcutLabel(name: ShortcutName): string {
  const keys = SHORTCUTS[name];
  return isApple ? keys.replace('Mod+', '⌘').replace('Shift+', '⇧') : keys.replace('Mod', 'Ctrl');
}

/** For `aria-keyshortcuts`, which wants "Control+B" / "Meta+B". */
export function ariaShortcut(name: ShortcutName): string {
  return SHORTCUTS[name].replace('Mod', isApple ? 'Meta' : 'Control');
}
