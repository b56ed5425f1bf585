import i18next from 'i18next';

/** Translation for node views, which live outside React: they re-read it on language change. */
export function label(key: string, options?: Record<string, unknown>): string {
  return i18next.t(`content.${key}`, options ?? {}) as string;
}

/** Runs `apply` now and after every interface-language change; returns the unsubscribe. */
export function onLanguage(apply: () => void): () => void {
  apply();
  i18next.on('languageChanged', apply);
  return () => i18next.off('languageChanged', apply);
}

/** Small DOM builder for node views. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}
