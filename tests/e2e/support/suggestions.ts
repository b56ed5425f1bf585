import type { Page } from 'playwright-core';
import type { BrowserApp } from './browserApp.ts';
import { openUser, type UserPage } from './browser.ts';
import { editorOf, openSection, typeParagraph } from './editor.ts';
import type { TestUser } from '../../helpers/accounts.ts';

/**
 * Puts the caret right after `text` in the editor (a collapsed DOM selection ProseMirror reads).
 * Set again (at most three times) if a redraw of the suggestions replaced it before ProseMirror read it.
 */
export async function caretAfter(page: Page, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.evaluate((needle) => {
      const root = document.querySelector('.ProseMirror') as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(needle) ?? -1;
        if (at >= 0) {
          root.focus();
          window.getSelection()!.setBaseAndExtent(node, at + needle.length, node, at + needle.length);
          return;
        }
      }
      throw new Error(`"${needle}" is not in one text node of the editor`);
    }, text);
    try {
      await page.waitForFunction(
        (needle) => {
          const selection = window.getSelection();
          const node = selection?.anchorNode;
          return document.activeElement?.classList.contains('ProseMirror') && selection?.isCollapsed && node?.textContent?.slice(0, selection.anchorOffset).endsWith(needle);
        },
        text,
        { timeout: 3000 },
      );
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Pastes plain text at the caret, as the browser would from the clipboard (one paragraph per line). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((plain) => {
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** A suggestion's card in the panel, found by its text. */
export const suggestionCard = (page: Page, text: string) => page.locator('[data-suggestion-card]', { hasText: text });

export interface SuggestionScene {
  /** The contributor: suggests, never writes the text. */
  amel: UserPage;
  /** The author. */
  karim: UserPage;
  /** The same author with the interface in Arabic. */
  karimAr: UserPage;
  guideId: string;
  sectionId: string;
  docName: string;
  /** The guide's coordinator (API only). */
  coordinator: TestUser;
}

/**
 * The cast of the suggestion end-to-end tests: a guide whose section the author has typed
 * `paragraphs` into (after an empty first paragraph), open for the contributor, the author and the
 * author again in Arabic.
 */
export async function openSuggestionScene(e2e: BrowserApp, paragraphs: string[]): Promise<SuggestionScene> {
  const coordinator = await e2e.app.user('Leïla Ben Salah');
  const amelAccount = await e2e.app.user('Amel Jaziri');
  const karimAccount = await e2e.app.user('Karim Trabelsi');
  const { guide, section } = await coordinator.api.guideWithSection();
  await e2e.app.join(guide.id, amelAccount, 'contributor');
  await e2e.app.join(guide.id, karimAccount, 'author');
  const viewport = { width: 1400, height: 900 };
  const amel = await openUser(e2e.browser, { cookie: amelAccount.cookie, baseUrl: e2e.app.url, viewport });
  const karim = await openUser(e2e.browser, { cookie: karimAccount.cookie, baseUrl: e2e.app.url, viewport });
  const karimAr = await openUser(e2e.browser, { cookie: karimAccount.cookie, baseUrl: e2e.app.url, viewport, language: 'ar' });
  await openSection(karim.page, e2e.app.url, guide.id, section.id);
  for (const paragraph of paragraphs) await typeParagraph(karim.page, paragraph);
  await karim.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 10_000 });
  await openSection(amel.page, e2e.app.url, guide.id, section.id);
  await editorOf(amel.page).getByText(paragraphs[paragraphs.length - 1]!).waitFor({ timeout: 10_000 });
  await openSection(karimAr.page, e2e.app.url, guide.id, section.id);
  return { amel, karim, karimAr, guideId: guide.id, sectionId: section.id, docName: section.docName, coordinator };
}
