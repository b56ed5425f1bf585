import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection } from './support/editor.ts';
import { memberRow, openMembers } from './support/members.ts';

describe('members page: role changes and removal reach an open guide', () => {
  let coordinator: TestUser;
  let member: TestUser;
  let guide: GuideView;
  let section: SectionView;
  let coord: UserPage;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    coordinator = await e2e.app.user('Leïla');
    member = await e2e.app.user('Nour');
    ({ guide, section } = await coordinator.api.guideWithSection());
    await e2e.app.join(guide.id, member, 'reader');
    coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
  });

  it('turns a reader into an author who can type, without a reload (4000, reconnect, refetch)', async () => {
    const reader = await openUser(e2e.browser, { cookie: member.cookie, baseUrl: e2e.app.url });
    await openSection(reader.page, e2e.app.url, guide.id, section.id);
    await reader.page.getByTestId('read-only').waitFor();
    // the notice is drawn first, the editor's editable flag follows in an effect: poll it
    await expect.poll(() => editorOf(reader.page).getAttribute('contenteditable')).toBe('false');
    // readers may not even list the members
    expect(await reader.page.getByRole('link', { name: 'Membres' }).count()).toBe(0);

    await openMembers(coord.page, e2e.app.url, guide.id);
    await coord.page.getByLabel('Rôle : Nour').selectOption('author');
    await expect.poll(() => memberRow(coord.page, 'Nour').getAttribute('data-role'), { timeout: 10_000 }).toBe('author');

    // same page, same tab: the toolbar appears and typing now changes the text
    await reader.page.getByRole('toolbar').waitFor({ timeout: 15_000 });
    await expect.poll(() => editorOf(reader.page).getAttribute('contenteditable')).toBe('true');
    await reader.page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    await editorOf(reader.page).click();
    await reader.page.keyboard.press('Control+End');
    await reader.page.keyboard.type('Écrit après le changement de rôle', { delay: 5 });
    await expect.poll(() => editorOf(reader.page).innerText()).toContain('Écrit après le changement de rôle');
    // and the server keeps it: the text reaches the coordinator's editor
    await openSection(coord.page, e2e.app.url, guide.id, section.id);
    await expect.poll(() => editorOf(coord.page).innerText(), { timeout: 10_000 }).toContain('Écrit après le changement de rôle');
    await reader.page.getByRole('link', { name: 'Membres' }).waitFor();
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  });

  it('refuses to leave the guide without a coordinator, and says why', async () => {
    await openMembers(coord.page, e2e.app.url, guide.id);
    await coord.page.getByLabel('Rôle : Leïla').selectOption('author');
    const error = coord.page.getByTestId('members-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toContain('au moins une personne qui le coordonne');
    // the picker goes back to the role the server kept, and management stays available
    await expect.poll(() => coord.page.getByLabel('Rôle : Leïla').inputValue()).toBe('coordinator');
    expect(await coord.page.getByTestId('invite-form').count()).toBe(1);
  });

  it('removes a member after confirmation; their open guide says they no longer have access', async () => {
    const removed = await openUser(e2e.browser, { cookie: member.cookie, baseUrl: e2e.app.url });
    await openSection(removed.page, e2e.app.url, guide.id, section.id);

    await openMembers(coord.page, e2e.app.url, guide.id);
    await memberRow(coord.page, 'Nour').getByRole('button', { name: 'Retirer Nour du guide' }).click();
    const dialog = coord.page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    // cancelling changes nothing
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect(await memberRow(coord.page, 'Nour').count()).toBe(1);
    await memberRow(coord.page, 'Nour').getByRole('button', { name: 'Retirer Nour du guide' }).click();
    await dialog.getByRole('button', { name: 'Retirer du guide' }).click();
    await expect.poll(() => memberRow(coord.page, 'Nour').count(), { timeout: 10_000 }).toBe(0);

    const notice = removed.page.getByTestId('access-lost');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toContain('Vous n’avez plus accès à ce guide');
    await notice.getByRole('link', { name: 'Tous les guides' }).click();
    await removed.page.waitForURL(`${e2e.app.url}/`);
    expect(await removed.page.getByText(guide.title).count()).toBe(0);
    await removed.context.close();
  });
});
