import type { Page } from 'playwright-core';

/** The section's rich-text area (ProseMirror's contenteditable). */
export const editorOf = (page: Page) => page.locator('.ProseMirror');

/** Opens a section by URL and waits until its editor is live and in sync with the server. */
export async function openSection(page: Page, baseUrl: string, guideId: string, sectionId: string): Promise<void> {
  await page.goto(`${baseUrl}/guides/${guideId}/sections/${sectionId}`);
  await editorOf(page).waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
}

/** Types a new paragraph at the end of the section. */
export async function typeParagraph(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 5 });
}
