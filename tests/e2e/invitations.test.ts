import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView } from '@dalil/shared';
import { TEST_PASSWORD, type TestUser } from '../helpers/accounts.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { editorOf } from './support/editor.ts';
import { createInvitationLink, memberRow, openMembers } from './support/members.ts';

describe('invitation links: create on the members page, accept with a new or an existing account', () => {
  let coordinator: TestUser;
  let guide: GuideView;
  let section: SectionView;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    coordinator = await e2e.app.user('Leïla');
    ({ guide, section } = await coordinator.api.guideWithSection());
  });

  it('lets a newcomer create an account through a single-use contributor link, read-only, and the link is then used', async () => {
    const coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    await openMembers(coord.page, e2e.app.url, guide.id);
    const link = await createInvitationLink(coord.page, { role: 'contributor' });
    expect(link).toMatch(new RegExp(`^${e2e.app.url}/invitations/[A-Za-z0-9_-]{20,}$`));
    // the link shows first; the list is fetched again after it
    await expect.poll(() => coord.page.getByTestId('invitation-list').locator('.invitation-row[data-state="active"]').count()).toBe(1);

    // a visitor without an account opens the link
    const guest = await openUser(e2e.browser, { baseUrl: e2e.app.url });
    await guest.page.goto(link);
    await guest.page.getByRole('heading', { name: /^Invitation à rejoindre « .*Guide de test.* »$/ }).waitFor();
    expect(await guest.page.getByTestId('invitation').innerText()).toContain('en tant que contributeur');
    await guest.page.screenshot({ path: join(artifactsDir, 'invitation-fr-1280.png') });

    await guest.page.getByLabel('Votre nom').fill('Hédi Mansour');
    await guest.page.getByLabel('Adresse e-mail').fill('hedi@test.dalil.tn');
    await guest.page.getByLabel('Mot de passe (10 caractères au moins)').fill('court');
    await guest.page.getByLabel('Confirmez le mot de passe').fill('court');
    await guest.page.getByRole('button', { name: 'Créer mon compte et rejoindre le guide' }).click();
    await expect.poll(() => guest.page.getByRole('alert').innerText()).toContain('au moins 10 caractères');

    await guest.page.getByLabel('Mot de passe (10 caractères au moins)').fill(TEST_PASSWORD);
    await guest.page.getByLabel('Confirmez le mot de passe').fill(TEST_PASSWORD);
    await guest.page.getByRole('button', { name: 'Créer mon compte et rejoindre le guide' }).click();

    // lands in the guide, signed in under the new name
    await guest.page.waitForURL(`${e2e.app.url}/guides/${guide.id}`, { timeout: 15_000 });
    await guest.page.locator('[data-testid="toc"] [data-toc-link]').first().waitFor();
    expect(await guest.page.locator('.user-name__text').innerText()).toBe('Hédi Mansour');
    // contributors may list members but not change the structure
    await guest.page.getByRole('link', { name: 'Membres' }).waitFor();
    expect(await guest.page.getByRole('button', { name: 'Ajouter un chapitre' }).count()).toBe(0);
    expect(await guest.page.locator('.section-actions').count()).toBe(0);

    // and cannot change the text: what they type becomes a suggestion drawn over it (suggestion mode)
    await guest.page.locator(`[data-toc-link="${section.id}"]`).click();
    await guest.page.getByTestId('suggest-bar').waitFor();
    await guest.page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    const textOnly = () =>
      editorOf(guest.page).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.suggestion-insert, .suggestion-block').forEach((node) => node.remove());
        return copy.textContent;
      });
    const before = await textOnly();
    await editorOf(guest.page).click();
    await guest.page.keyboard.type('ne doit pas apparaître', { delay: 5 });
    await editorOf(guest.page).locator('.suggestion-insert', { hasText: 'ne doit pas apparaître' }).waitFor();
    expect(await textOnly()).toBe(before);
    expect(guest.errors).toEqual([]);

    // the coordinator sees the new member after a refresh, and the link as used
    await coord.page.reload();
    await coord.page.getByTestId('member-list').waitFor();
    const row = memberRow(coord.page, 'Hédi Mansour');
    expect(await row.getAttribute('data-role')).toBe('contributor');
    expect(await row.locator('select').inputValue()).toBe('contributor');
    // used links are folded away under the active ones
    await coord.page.getByTestId('inactive-invitations').locator('summary').click();
    const used = coord.page.getByTestId('inactive-invitations').locator('.invitation-row[data-state="used"]');
    expect(await used.innerText()).toContain('Déjà utilisé');
    expect(await used.innerText()).toContain('Utilisé par Hédi Mansour');
    expect(coord.errors).toEqual([]);

    // the same link, opened again by someone else, is refused with the reason
    const late = await openUser(e2e.browser, { baseUrl: e2e.app.url });
    await late.page.goto(link);
    const refusal = late.page.getByTestId('invitation-unusable');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('déjà été utilisé');
    expect(await late.page.getByRole('button', { name: /Créer mon compte/ }).count()).toBe(0);
    for (const user of [coord, guest, late]) await user.context.close();
  });

  it('sends someone with an account through the login page and back to the invitation, then joins', async () => {
    const existing = await e2e.app.user('Sonia');
    const created = await coordinator.api.ok<{ path: string }>('POST', `/api/guides/${guide.id}/invitations`, { role: 'author', multiUse: true });

    const visitor = await openUser(e2e.browser, { baseUrl: e2e.app.url });
    await visitor.page.goto(e2e.app.url + created.path);
    await visitor.page.getByRole('link', { name: 'J’ai déjà un compte' }).click();
    await visitor.page.waitForURL(/\/login\?next=/);
    await visitor.page.getByLabel('Adresse e-mail').fill(existing.user.email);
    await visitor.page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await visitor.page.getByRole('button', { name: 'Se connecter' }).click();

    // back on the invitation, now signed in: one button
    await visitor.page.waitForURL(e2e.app.url + created.path, { timeout: 15_000 });
    const join = visitor.page.getByRole('button', { name: /^Rejoindre le guide « .*Guide de test.* » en tant qu’auteur$/ });
    await join.click();
    await visitor.page.waitForURL(`${e2e.app.url}/guides/${guide.id}`, { timeout: 15_000 });
    await visitor.page.locator(`[data-toc-link="${section.id}"]`).click();
    // authors may write
    await visitor.page.getByRole('toolbar').waitFor({ timeout: 15_000 });
    expect(await editorOf(visitor.page).getAttribute('contenteditable')).toBe('true');
    const members = await coordinator.api.ok<Array<{ userId: string; role: string }>>('GET', `/api/guides/${guide.id}/members`);
    expect(members.find((m) => m.userId === existing.user.id)?.role).toBe('author');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('says a revoked link is revoked, and an unknown one does not exist', async () => {
    const coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    await openMembers(coord.page, e2e.app.url, guide.id);
    const link = await createInvitationLink(coord.page, { role: 'reader', multiUse: true, days: 3 });
    // the earlier test's author link is active too, and the list is fetched again after the new
    // link shows: find the reader's row by its role rather than take the first active one
    const active = coord.page.getByTestId('invitation-list').locator('.invitation-row[data-state="active"]', { hasText: 'Lecteur' });
    await active.waitFor();
    await active.getByRole('button', { name: /^Révoquer le lien Lecteur/ }).click();
    const inactive = coord.page.getByTestId('inactive-invitations');
    await inactive.locator('summary').click();
    await inactive.locator('.invitation-row[data-state="revoked"]').first().waitFor();

    const visitor = await openUser(e2e.browser, { baseUrl: e2e.app.url });
    await visitor.page.goto(link);
    expect(await visitor.page.getByTestId('invitation-unusable').innerText()).toContain('a été révoqué');
    await visitor.page.goto(`${e2e.app.url}/invitations/${'x'.repeat(43)}`);
    expect(await visitor.page.getByTestId('invitation-unusable').innerText()).toContain('n’existe pas');
    await coord.context.close();
    await visitor.context.close();
  });
});
