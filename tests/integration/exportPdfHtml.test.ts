import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { chromium } from 'playwright-core';
import type { SectionView } from '@dalil/shared';
import type { LayoutNode } from '@dalil/shared/editor';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { connectClient } from '../helpers/yClient.ts';
import { barrier } from '../helpers/barrier.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { ARABIC_PARAGRAPH, plainSection, richSection, writeSectionJson } from '../helpers/richGuideContent.ts';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('PDF and HTML exports', () => {
  const work = tempDir();
  let server: TestServer;
  let team: GuideTeam;
  const sections: SectionView[] = [];
  const g = () => team.guide.id;

  const open = async (section: SectionView) => {
    const c = connectClient(server.wsUrl, section.docName, { cookie: team.byRole.coordinator.cookie });
    await c.synced();
    return c;
  };
  const write = async (section: SectionView, content: LayoutNode) => {
    const c = await open(section);
    writeSectionJson(c.doc, content);
    await barrier(c, () => server.registry.get(section.docName));
    c.destroy();
  };
  const download = async (path: string) => {
    const res = await fetch(server.url + path, { headers: { cookie: team.byRole.author.cookie } });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    team = await createGuideTeam(server);
    const api = team.byRole.coordinator.api;
    sections.push(team.section);
    for (let i = 2; i <= 6; i++) sections.push(await api.createSection(g(), `Chapitre ${i}`));
    sections.push(await api.ok('POST', `/api/guides/${g()}/sections`, { title: 'الفصل العربي', parentId: sections[1]!.id }));
    await write(sections[0]!, richSection());
    const long = Array.from({ length: 14 }, (_, i) => `Paragraphe ${i + 1} : la commune publie ses décisions, explique ses choix budgétaires et répond aux questions des habitants lors des réunions de quartier, pour que chacun puisse suivre l’avancement des projets.`);
    for (const s of sections.slice(1, 6)) await write(s, plainSection(...long));
    await write(sections[6]!, plainSection(ARABIC_PARAGRAPH));
  }, 180_000);
  afterAll(async () => {
    await server.dispose();
    work.remove();
  });

  it('prints an A4 PDF with every heading, the provisional mark on every page and Arabic in logical order', async () => {
    const res = await download(`/api/guides/${g()}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(work.path, 'guide.pdf');
    writeFileSync(file, res.bytes);
    writeFileSync(join(ARTIFACTS, 'export-guide.pdf'), res.bytes);

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // title page + contents + six chapters (each starting a page) + the annex
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(pages).toBeLessThanOrEqual(30);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pageTexts = text.split('\f').filter((t) => t.trim().length > 0);
    expect(pageTexts).toHaveLength(pages);
    for (const heading of ['1 Chapitre 1', '2 Chapitre 2', 'الفصل العربي', '6 Chapitre 6', 'Étapes clés', 'Annexe — Sections non encore validées']) {
      expect(text.replace(/[ \t]+/g, ' ')).toContain(heading);
    }
    // the Arabic sub-section's heading keeps its number (2.1) on its line, whatever the visual order
    expect(text.split('\n').some((line) => line.includes('الفصل العربي') && line.includes('2.1'))).toBe(true);
    pageTexts.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('Version provisoire'));
    // words in logical (reading) order; pdftotext puts the final full stop where it is drawn, at the left
    expect(text.replace(/[\u202a-\u202e]/g, '')).toContain(ARABIC_PARAGRAPH.slice(0, -1));
    expect(text).not.toContain('DALILPROBE');

    // the table of contents carries the page each chapter starts on
    const contents = pageTexts[1]!;
    const chapter3Page = pageTexts.findIndex((t, i) => i > 1 && /^\s*3\s+Chapitre 3/m.test(t)) + 1;
    expect(chapter3Page).toBeGreaterThan(2);
    expect(contents.replace(/\s+/g, ' ')).toMatch(new RegExp(`3 Chapitre 3 ${chapter3Page}\\b`));

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ARTIFACTS, 'export-pdf-page')]);
    const middle = Math.ceil(pages / 2);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', file, join(ARTIFACTS, 'export-pdf-page')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(middle), '-l', String(middle), file, join(ARTIFACTS, 'export-pdf-page')]);
  });

  it('keeps markup, event handlers and javascript: links written by a stock client out of the HTML, and Chromium runs nothing', async () => {
    const api = team.byRole.coordinator.api;
    const hostile = await api.createSection(g(), 'Section <img src=x onerror=alert(1)>');
    const raw = await api.createSection(g(), 'Section brute');
    // written with the raw Yjs API, as a modified client could: attributes and marks the editor never makes
    const c = await open(hostile);
    c.doc.transact(() => {
      const p1 = new Y.XmlElement('paragraph');
      p1.setAttribute('onclick', 'alert(1)');
      p1.setAttribute('style', 'background:url(javascript:alert(2))');
      p1.insert(0, [new Y.XmlText('<script>alert("x")</script><img src=x onerror=alert(3)> " onmouseover="alert(4)')]);
      const p2 = new Y.XmlElement('paragraph');
      const link = new Y.XmlText();
      link.insert(0, 'cliquez ici', { link: { href: 'javascript:alert(5)' } });
      link.insert(link.length, ' ou là', { link: { href: ' JaVaScRiPt:alert(6)' } });
      link.insert(link.length, ' et ici', { link: { href: 'data:text/html,<script>alert(7)</script>' } });
      p2.insert(0, [link]);
      const h = new Y.XmlElement('heading');
      h.setAttribute('level', '1 onmouseover=alert(8)');
      h.insert(0, [new Y.XmlText('Titre piégé')]);
      c.fragment.insert(0, [p1, p2, h]);
    });
    await barrier(c, () => server.registry.get(hostile.docName));
    c.destroy();
    const r = await open(raw);
    r.doc.transact(() => {
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(9)')]);
      const iframe = new Y.XmlElement('iframe');
      iframe.setAttribute('src', 'javascript:alert(10)');
      r.fragment.insert(0, [script, iframe]);
    });
    await barrier(r, () => server.registry.get(raw.docName));
    r.destroy();

    const res = await download(`/api/guides/${g()}/export?format=html`);
    expect(res.status).toBe(200);
    const html = new TextDecoder().decode(res.bytes);
    writeFileSync(join(ARTIFACTS, 'export-guide.html'), html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    // a handler can only be an attribute of a real tag (text has its < escaped)
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    // the text itself survives, escaped
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Section &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('alert(9)');
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);

    // a browser with scripts enabled opens it: no dialog, no script element, no handler attribute
    const file = join(work.path, 'guide.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`file://${file}`);
      for (const selector of ['a', 'p', 'h1', 'h2', 'img']) {
        for (const el of await page.$$(selector)) await el.hover().catch(() => {});
      }
      await page.screenshot({ path: join(ARTIFACTS, 'export-html.png'), fullPage: false });
      const found = await page.evaluate(() => ({
        scripts: document.scripts.length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        badLinks: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).protocol).filter((p) => !['http:', 'https:', 'mailto:', 'file:'].includes(p)),
      }));
      expect(found).toEqual({ scripts: 0, handlers: [], badLinks: [] });
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('answers 503 with how to install Chromium when it is missing', async () => {
    const other = await startServer({ CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      const { createUser } = await import('../helpers/accounts.ts');
      const user = await createUser(other, 'Sans Chromium');
      const guide = await user.api.createGuide('Sans PDF');
      const res = await user.api.request<{ error: string; message: string }>('GET', `/api/guides/${guide.id}/export?format=pdf`);
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('pdf_unavailable');
      expect(res.body.message).toContain('apt-get install chromium');
      expect((await user.api.request('GET', `/api/guides/${guide.id}/export?format=html`)).status).toBe(200);
    } finally {
      await other.dispose();
    }
  });
});
