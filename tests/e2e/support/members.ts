import type { Page } from 'playwright-core';

/** Opens a guide's members page and waits for its member list. */
export async function openMembers(page: Page, baseUrl: string, guideId: string): Promise<void> {
  await page.goto(`${baseUrl}/guides/${guideId}/members`);
  await page.getByTestId('member-list').waitFor({ timeout: 15_000 });
}

/** The row of one member, found by display name. */
export const memberRow = (page: Page, name: string) => page.locator('.member-row', { hasText: name });

/**
 * Creates an invitation link from the members page form and returns the full URL it shows once.
 * `role` is the option value (coordinator, author, contributor, reviewer, reader).
 */
export async function createInvitationLink(page: Page, options: { role: string; multiUse?: boolean; days?: number; label?: string }): Promise<string> {
  const form = page.getByTestId('invite-form');
  await form.locator('select').selectOption(options.role);
  if (options.label !== undefined) await form.getByLabel('Pour qui (facultatif)').fill(options.label);
  await form.locator(`input[type="radio"][value="${options.multiUse ? 'multi' : 'single'}"]`).check();
  if (options.days !== undefined) await form.locator('input[type="number"]').fill(String(options.days));
  // links made during the visit stay listed, newest first: wait for one more
  const links = page.getByTestId('created-link');
  const before = await links.count();
  await form.locator('button[type="submit"]').click();
  await links.nth(before).waitFor({ timeout: 10_000 });
  const link = links.first().locator('input');
  return link.inputValue();
}
