import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedInvitationView, GuideView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { artifactsDir } from './support/app.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { createInvitationLink, memberRow, openMembers } from './support/members.ts';

describe('members page: add an existing account by email, labelled links that stay copyable and say who used them', () => {
  let coordinator: TestUser;
  let guide: GuideView;
  const e2e = useBrowserApp();

  beforeAll(async () => {
    coordinator = await e2e.app.user('Leïla');
    ({ guide } = await coordinator.api.guideWithSection());
  });

  it('adds someone with an account by email; an unknown address gets the very same answer', async () => {
    const nour = await e2e.app.user('Nour Formatrice');
    const coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    const { page } = coord;
    await openMembers(page, e2e.app.url, guide.id);
    const form = page.getByTestId('add-member');
    await form.getByLabel('Adresse e-mail').fill(nour.user.email);
    await form.getByLabel('Rôle').selectOption('reviewer');
    await form.getByRole('button', { name: 'Ajouter au guide' }).click();
    await memberRow(page, 'Nour Formatrice').waitFor({ timeout: 10_000 });
    expect(await memberRow(page, 'Nour Formatrice').getAttribute('data-role')).toBe('reviewer');
    const said = await page.getByTestId('add-member-done').innerText();
    expect(said).toContain('Si l’adresse');
    expect(said).toContain('Sinon, envoyez-lui un lien d’invitation');

    await form.getByLabel('Adresse e-mail').fill('inconnu@exemple.tn');
    await form.getByRole('button', { name: 'Ajouter au guide' }).click();
    await expect.poll(() => page.getByTestId('add-member-done').innerText()).toContain('inconnu@exemple.tn');
    // the sentence is the same but for the address: nothing says whether it has an account
    expect((await page.getByTestId('add-member-done').innerText()).replace('inconnu@exemple.tn', 'X')).toBe(said.replace(nour.user.email, 'X'));
    expect(await page.locator('.member-row').count()).toBe(2);
    await coord.context.close();
  });

  it('keeps the first link copyable after a second is made, labels them, names who used one, folds revoked links away', async () => {
    const coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    const { page } = coord;
    await openMembers(page, e2e.app.url, guide.id);
    const first = await createInvitationLink(page, { role: 'author', multiUse: true, label: 'formateur CEFAD, chapitre 2' });
    const second = await createInvitationLink(page, { role: 'reader', label: 'élus de Sousse' });
    expect(second).not.toBe(first);
    // both are still there, each with its URL and copy button, newest first
    const created = page.getByTestId('created-link');
    expect(await created.count()).toBe(2);
    expect(await created.nth(0).locator('input').inputValue()).toBe(second);
    expect(await created.nth(1).locator('input').inputValue()).toBe(first);
    expect(await created.nth(1).innerText()).toContain('formateur CEFAD, chapitre 2');
    expect(await created.nth(1).getByRole('button', { name: 'Copier' }).count()).toBe(1);

    // someone joins with the first link: the list says who
    const sami = await e2e.app.user('Sami Ben Ali');
    await sami.api.ok<CreatedInvitationView>('POST', `/api/invitations/${first.split('/').pop()}/accept`, {});
    await page.reload();
    await page.getByTestId('invitation-list').waitFor();
    const cefad = page.getByTestId('invitation-list').locator('.invitation-row', { hasText: 'formateur CEFAD' });
    expect(await cefad.getByTestId('invitation-used-by').innerText()).toBe('Utilisé par Sami Ben Ali');

    // revoked: out of the active list, into the folded section
    const sousse = page.getByTestId('invitation-list').locator('.invitation-row', { hasText: 'élus de Sousse' });
    await sousse.getByRole('button', { name: /^Révoquer/ }).click();
    await expect.poll(() => page.getByTestId('invitation-list').locator('.invitation-row', { hasText: 'élus de Sousse' }).count(), { timeout: 10_000 }).toBe(0);
    const inactive = page.getByTestId('inactive-invitations');
    expect(await inactive.locator('summary').innerText()).toBe('Liens révoqués, expirés ou déjà utilisés (1)');
    await inactive.locator('summary').click();
    await inactive.locator('.invitation-row[data-state="revoked"]', { hasText: 'élus de Sousse' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: join(artifactsDir, 'membership-links-fr.png'), fullPage: true });
    await coord.context.close();
  });
});
