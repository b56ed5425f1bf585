import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Api } from '../helpers/api.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { tocAction, tocLink, tocOutline, tocRow } from './support/toc.ts';

// from one browser to the other through the server: CI under load is slower than 5 s at times
const LIVE = { timeout: 15_000 };

/**
 * Waits until the mover's own ToC shows `outline` and the keyboard focus is back on `title`'s link:
 * the action re-renders the list (the focus returns in an effect after the refresh), and a key
 * pressed before that would go nowhere or act on the old tree.
 */
async function settledAfterMove(page: Page, outline: string[], title: string): Promise<void> {
  await expect.poll(() => tocOutline(page), LIVE).toEqual(outline);
  await page.waitForFunction((t) => document.activeElement?.matches('[data-toc-link]') === true && document.activeElement.textContent === t, title, LIVE);
}

describe('table of contents changes reach every open client without reload', () => {
  let alice: UserPage;
  let bob: UserPage;
  let guideId: string;
  let api: Api;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const amel = await e2e.app.user('Amel');
    const bassem = await e2e.app.user('Bassem');
    api = amel.api;
    const guide = await api.createGuide('Guide de la qualité des services municipaux');
    guideId = guide.id;
    // both coordinate: either may change the structure
    await e2e.app.join(guideId, bassem, 'coordinator');
    const a = await api.createSection(guideId, 'Démarche qualité');
    await api.createSection(guideId, 'Outils de mesure', a.id);
    await api.createSection(guideId, 'Études de cas');
    alice = await openUser(e2e.browser, { cookie: amel.cookie, baseUrl: e2e.app.url });
    bob = await openUser(e2e.browser, { cookie: bassem.cookie, baseUrl: e2e.app.url });
    for (const user of [alice, bob]) {
      await user.page.goto(`${e2e.app.url}/guides/${guideId}`);
      await tocLink(user.page, 'Études de cas').waitFor();
    }
    // a marker that a reload would wipe out
    await bob.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  });

  it('starts from the same outline in both browsers', async () => {
    const expected = ['Démarche qualité', '  Outils de mesure', 'Études de cas'];
    expect(await tocOutline(alice.page)).toEqual(expected);
    expect(await tocOutline(bob.page)).toEqual(expected);
  });

  it('shows a rename made by the other person', async () => {
    await tocAction(alice.page, 'Études de cas', 'rename');
    await alice.page.locator('.title-form input').fill('Études de cas : Sousse et Béja');
    await alice.page.keyboard.press('Enter');
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual(['Démarche qualité', '  Outils de mesure', 'Études de cas : Sousse et Béja']);
  });

  it('shows a chapter added by the other person', async () => {
    await alice.page.getByRole('button', { name: 'Ajouter un chapitre' }).click();
    await alice.page.locator('.toc__add input').fill('Plan d’amélioration');
    await alice.page.keyboard.press('Enter');
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual([
      'Démarche qualité',
      '  Outils de mesure',
      'Études de cas : Sousse et Béja',
      'Plan d’amélioration',
    ]);
  });

  it('moves with Alt+arrows, announces the new place, and the other ToC follows', async () => {
    await tocLink(alice.page, 'Plan d’amélioration').focus();
    await alice.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => alice.page.getByTestId('announcer').innerText(), LIVE).toContain('position 2 sur 3, niveau 1');
    const afterUp = ['Démarche qualité', '  Outils de mesure', 'Plan d’amélioration', 'Études de cas : Sousse et Béja'];
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual(afterUp);
    // focus stays on the moved entry, so moves can be chained (once the move has landed here too)
    await settledAfterMove(alice.page, afterUp, 'Plan d’amélioration');
    await alice.page.keyboard.press('Alt+ArrowRight');
    const afterRight = ['Démarche qualité', '  Outils de mesure', '  Plan d’amélioration', 'Études de cas : Sousse et Béja'];
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual(afterRight);
    await settledAfterMove(alice.page, afterRight, 'Plan d’amélioration');
    await alice.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual([
      'Démarche qualité',
      '  Plan d’amélioration',
      '  Outils de mesure',
      'Études de cas : Sousse et Béja',
    ]);
  });

  it('re-nests by drag and drop', async () => {
    const handle = tocRow(alice.page, 'Outils de mesure').locator('.toc-row__handle');
    const target = tocRow(alice.page, 'Études de cas : Sousse et Béja');
    const box = await target.boundingBox();
    expect(box).not.toBeNull();
    await handle.dragTo(target, { targetPosition: { x: box!.width / 2, y: box!.height / 2 } });
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual([
      'Démarche qualité',
      '  Plan d’amélioration',
      'Études de cas : Sousse et Béja',
      '  Outils de mesure',
    ]);
    const guide = await api.getGuide(guideId);
    const outils = guide.sections.find((s) => s.title === 'Outils de mesure');
    const cas = guide.sections.find((s) => s.title.startsWith('Études de cas'));
    expect(outils?.parentId).toBe(cas?.id);
  });

  it('moves a deleted chapter to the trash and restores it, live on both sides', async () => {
    await tocAction(alice.page, 'Études de cas : Sousse et Béja', 'delete');
    await expect.poll(() => tocOutline(bob.page), LIVE).toEqual(['Démarche qualité', '  Plan d’amélioration']);

    await bob.page.locator('.trash__toggle').click();
    await bob.page.getByRole('button', { name: 'Restaurer « Études de cas : Sousse et Béja »' }).click();
    await expect.poll(() => tocOutline(alice.page), LIVE).toEqual([
      'Démarche qualité',
      '  Plan d’amélioration',
      'Études de cas : Sousse et Béja',
      '  Outils de mesure',
    ]);
    expect(await bob.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect([...alice.errors, ...bob.errors]).toEqual([]);
  });
});
