import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { SectionView } from '@dalil/shared';
import type { VersionSummary } from '@dalil/shared/api/versions.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { connectClient } from '../helpers/yClient.ts';
import { barrier } from '../helpers/barrier.ts';
import { readDocx } from '../helpers/docxReader.ts';
import { ARABIC_PARAGRAPH, plainSection, richSection, writeSectionJson } from '../helpers/richGuideContent.ts';
import type { LayoutNode } from '@dalil/shared/editor';
import { uploadImageFile } from '../helpers/imageUpload.ts';
import { smallPng, smallWebp } from '../helpers/testImages.ts';

const ARABIC = /[\u0600-\u06FF]/;

describe('DOCX export, read back with an independent reader', () => {
  let server: TestServer;
  let team: GuideTeam;
  let sub: SectionView;
  let chapter2: SectionView;
  const g = () => team.guide.id;

  const write = async (section: SectionView, content: LayoutNode) => {
    const c = connectClient(server.wsUrl, section.docName, { cookie: team.byRole.coordinator.cookie });
    await c.synced();
    writeSectionJson(c.doc, content);
    await barrier(c, () => server.registry.get(section.docName));
    c.destroy();
  };
  const download = async (path: string, who: keyof GuideTeam['byRole'] = 'author') => {
    const res = await fetch(server.url + path, { headers: { cookie: team.byRole[who].cookie } });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    team = await createGuideTeam(server);
    const api = team.byRole.coordinator.api;
    sub = await api.ok('POST', `/api/guides/${g()}/sections`, { title: 'Concertation', parentId: team.section.id });
    chapter2 = await api.createSection(g(), 'الفصل الثاني');
    await write(team.section, plainSection('Texte d’introduction du premier chapitre.'));
    const png = await uploadImageFile(api, g(), await smallPng());
    const webp = await uploadImageFile(api, g(), await smallWebp(), { type: 'image/webp', name: 'plan.webp' });
    expect([png.status, webp.status]).toEqual([201, 201]);
    await write(sub, richSection(png.body.id, png.body.url));
    const arabic = plainSection(ARABIC_PARAGRAPH, 'فقرة ثانية باللغة العربية.');
    arabic.content!.push({ type: 'figure', attrs: { imageId: webp.body.id, src: webp.body.url, alt: 'مخطط', size: 'full' }, content: [{ type: 'text', text: 'مخطط المدينة' }] });
    await write(chapter2, arabic);
  }, 180_000);
  afterAll(async () => {
    await server.dispose();
  });

  it('writes every section under a built-in heading style, numbered, in table-of-contents order', async () => {
    const res = await download(`/api/guides/${g()}/export?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const docx = readDocx(res.bytes);
    const headings = docx.paragraphs.filter((p) => /^Heading\d$/.test(p.style ?? ''));
    const sectionHeadings = headings.map((h) => `${h.style}:${h.text}`);
    expect(sectionHeadings).toEqual(
      expect.arrayContaining(['Heading1:1  Chapitre 1', 'Heading2:1.1  Concertation', 'Heading3:Étapes clés', 'Heading1:2  الفصل الثاني']),
    );
    const order = ['1  Chapitre 1', '1.1  Concertation', 'Étapes clés', '2  الفصل الثاني'].map((t) => headings.findIndex((h) => h.text === t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(docx.styles.get('Heading1')).toMatch(/heading 1/i);

    const all = docx.paragraphs.map((p) => p.text).join('\n');
    for (const expected of ['Texte d’introduction du premier chapitre.', 'Annoncer la réunion', 'Une commune qui écoute', 'Diagnostic', 'Forum citoyen', ARABIC_PARAGRAPH, 'فقرة ثانية باللغة العربية.']) {
      expect(all).toContain(expected);
    }
  });

  it('has a TOC field Word updates on opening, page numbers and a running header', async () => {
    const docx = readDocx((await download(`/api/guides/${g()}/export?format=docx`)).bytes);
    const fields = docx.paragraphs.flatMap((p) => p.fields);
    expect(fields.some((f) => /^TOC\b/.test(f))).toBe(true);
    expect(docx.settingsXml).toContain('w:updateFields');
    expect(docx.footerXml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(docx.footers.join('\n')).toContain('Page');
    expect(docx.headers.join('\n')).toContain('Guide de l’équipe');
  });

  it('writes real lists, a table with its header row, a figure caption, named boxes and real footnotes', async () => {
    const docx = readDocx((await download(`/api/guides/${g()}/export?format=docx`)).bytes);
    expect(docx.numbering.abstractNums).toBeGreaterThanOrEqual(2);
    expect(docx.paragraphs.filter((p) => p.numbered && ['Annoncer la réunion', 'Premier pas', 'Deuxième pas'].includes(p.text))).toHaveLength(3);

    // both uploaded images are embedded (the WebP as PNG), with their alt text
    expect(docx.paragraphs.reduce((n, p) => n + p.drawings, 0)).toBe(2);
    expect(docx.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
    expect(docx.documentXml).toContain('descr="Carte des quartiers"');
    expect(docx.tables).toHaveLength(1);
    expect(docx.tables[0]).toEqual({ rows: 3, headerRows: 1 });

    const captions = docx.paragraphs.filter((p) => p.style === 'Caption');
    expect(captions.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringContaining('Calendrier de la concertation'), expect.stringContaining('Les quartiers de la commune')]));
    expect(captions.flatMap((c) => c.fields)).toEqual(expect.arrayContaining([expect.stringMatching(/^SEQ Figure/), expect.stringMatching(/^SEQ Table/)]));
    // the numbers are written too, for viewers that never update fields
    expect(captions.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Tableau 1 : Calendrier/), expect.stringMatching(/^Figure 1 : Les quartiers/)]));
    expect(docx.styles.get('Caption')).toBe('caption');

    expect(docx.styles.get('DalilBonnePratique')).toBe('Dalil – Bonne pratique');
    expect(docx.styles.get('DalilEtudeDeCas')).toBe('Dalil – Étude de cas');
    expect(docx.paragraphs.find((p) => p.text === 'Afficher l’ordre du jour une semaine avant.')?.style).toBe('DalilBonnePratique');
    expect(docx.paragraphs.find((p) => p.text === 'Le budget participatif a financé douze projets.')?.style).toBe('DalilEtudeDeCas');
    expect(docx.paragraphs.find((p) => p.text === 'Ne pas confondre consultation et décision.')?.style).toBe('DalilVigilance');
    expect(docx.paragraphs.some((p) => p.style === 'DalilEtudeDeCas' && p.text.includes('Sfax'))).toBe(true);

    expect(docx.footnotes).toEqual(['Loi organique n° 2018-29 du 9 mai 2018.', 'القانون الأساسي عدد 29 لسنة 2018.']);
    expect(docx.paragraphs.reduce((n, p) => n + p.footnoteRefs, 0)).toBe(2);
    expect(docx.documentXml).toContain('<w:hyperlink');
    expect(docx.relsXml).toContain('Target="https://www.collectiviteslocales.gov.tn/" TargetMode="External"');
  });

  it('marks every Arabic paragraph right-to-left, with right-to-left runs', async () => {
    const docx = readDocx((await download(`/api/guides/${g()}/export?format=docx`)).bytes);
    const arabic = docx.paragraphs.filter((p) => ARABIC.test(p.text) && !p.inTable && p.fields.length === 0);
    expect(arabic.length).toBeGreaterThanOrEqual(3);
    for (const p of arabic) {
      expect(p.bidi, p.text).toBe(true);
      if (!/[A-Za-z]/.test(p.text)) expect(p.rtlRuns, p.text).toBe(true);
    }
    expect(docx.paragraphs.find((p) => p.text === 'Texte d’introduction du premier chapitre.')?.bidi).toBe(false);
  });

  it('marks today’s state provisional in every header and lists the sections not validated in an annex', async () => {
    const docx = readDocx((await download(`/api/guides/${g()}/export?format=docx`)).bytes);
    expect(docx.headers.length).toBeGreaterThanOrEqual(2);
    for (const header of docx.headers) expect(header).toMatch(/Version provisoire — \d{1,2} \S+ \d{4}/);
    const annex = docx.paragraphs.findIndex((p) => p.text === 'Annexe — Sections non encore validées');
    expect(annex).toBeGreaterThan(0);
    const listed = docx.paragraphs.slice(annex + 1).map((p) => p.text);
    expect(listed).toEqual(expect.arrayContaining(['1.1  Concertation', '2  الفصل الثاني']));
  });

  it('names the file after the guide, the state and the date, with an ASCII fallback', async () => {
    const res = await download(`/api/guides/${g()}/export?format=docx`);
    const disposition = res.headers.get('content-disposition')!;
    const today = new Date().toISOString().slice(0, 10);
    expect(disposition).toContain(`filename="Guide-de-l-equipe_provisoire_${today}.docx"`);
    expect(disposition).toContain(`filename*=UTF-8''Guide-de-l%E2%80%99%C3%A9quipe_provisoire_${today}.docx`);
  });

  it('lets only members whose role allows it export, and refuses unknown formats', async () => {
    expect((await download(`/api/guides/${g()}/export?format=docx`, 'reviewer')).status).toBe(200);
    expect((await download(`/api/guides/${g()}/export?format=html`, 'reader')).status).toBe(403);
    const outsider = await fetch(`${server.url}/api/guides/${g()}/export?format=docx`, { headers: { cookie: team.outsider.cookie } });
    expect(outsider.status).toBe(403);
    expect((await fetch(`${server.url}/api/guides/${g()}/export?format=docx`)).status).toBe(401);
    const bad = await download(`/api/guides/${g()}/export?format=odt`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(bad.bytes)).error).toBe('bad_request');
    expect((await download(`/api/guides/nope/export?format=docx`)).status).toBe(404);
  });

  it('exports a Markdown zip with the documented fallbacks (box as a quote, merged table as HTML)', async () => {
    const res = await download(`/api/guides/${g()}/export?format=md`);
    expect(res.status).toBe(200);
    const files = unzipSync(res.bytes);
    const md = new TextDecoder().decode(files['guide.md']!);
    expect(md).toContain('### 1.1 Concertation');
    const images = Object.keys(files).filter((f) => f.startsWith('images/'));
    expect(images).toHaveLength(2);
    for (const image of images) expect(md).toContain(`](${image})`);
    expect(md).toContain('> **Bonne pratique**');
    expect(md).toMatch(/<td colspan="2">Forum citoyen<\/td>/);
    expect(md).toContain('[^1]: Loi organique');
    expect(md).toContain('[portail officiel](<https://www.collectiviteslocales.gov.tn/>)');
  });

  it('exports a version: provisional marked, final unmarked and byte-identical on every download', async () => {
    const api = team.byRole.coordinator.api;
    const provisional = await api.ok<VersionSummary>('POST', `/api/guides/${g()}/versions`, { kind: 'provisional', label: 'v1' });
    const first = await download(`/api/guides/${g()}/versions/${provisional.id}/export?format=docx`);
    expect(first.status).toBe(200);
    expect(readDocx(first.bytes).headers.join('\n')).toContain('Version provisoire');
    expect(first.headers.get('content-disposition')).toContain('_v1_');

    for (const s of [team.section, sub, chapter2]) await api.ok('POST', `/api/guides/${g()}/sections/${s.id}/transitions`, { to: 'review' });
    for (const s of [team.section, sub, chapter2]) await team.byRole.reviewer.api.ok('POST', `/api/guides/${g()}/sections/${s.id}/transitions`, { to: 'validated' });
    const final = await api.ok<VersionSummary>('POST', `/api/guides/${g()}/versions`, { kind: 'final', label: 'v2' });
    // the live guide moves on: the final version's file must not
    await api.ok('PATCH', `/api/guides/${g()}`, { title: 'Titre changé après la version' });

    const a = await download(`/api/guides/${g()}/versions/${final.id}/export?format=docx`);
    const b = await download(`/api/guides/${g()}/versions/${final.id}/export?format=docx`, 'reviewer');
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
    const docx = readDocx(a.bytes);
    expect(docx.headers.join('\n')).not.toContain('provisoire');
    expect(docx.headers.join('\n')).toContain('Version v2');
    expect(docx.paragraphs.some((p) => p.text === 'Annexe — Sections non encore validées')).toBe(false);
    expect(docx.paragraphs[1]!.text).toBe('Guide de l’équipe');

    for (const format of ['html', 'md']) {
      const x = await download(`/api/guides/${g()}/versions/${final.id}/export?format=${format}`);
      const y = await download(`/api/guides/${g()}/versions/${final.id}/export?format=${format}`);
      expect(Buffer.compare(Buffer.from(x.bytes), Buffer.from(y.bytes)), format).toBe(0);
    }
    // and today's state is no longer provisional: every section is validated
    const today = readDocx((await download(`/api/guides/${g()}/export?format=docx`)).bytes);
    expect(today.headers.join('\n')).not.toContain('provisoire');
    expect((await download(`/api/guides/${g()}/versions/unknown/export?format=docx`)).status).toBe(404);
  });

  it("follows the guide's numbering: an unnumbered section (and what is under it) takes none, numbering off leaves none, a version keeps its own", async () => {
    const api = team.byRole.coordinator.api;
    const headings = async (path: string) =>
      readDocx((await download(path)).bytes)
        .paragraphs.filter((p) => /^Heading[12]$/.test(p.style ?? '') && !p.text.startsWith('Annexe'))
        .map((p) => p.text);
    await api.ok('PATCH', `/api/guides/${g()}`, { numbering: { enabled: true, unnumberedSectionIds: [team.section.id] } });
    expect(await headings(`/api/guides/${g()}/export?format=docx`)).toEqual(['Chapitre 1', 'Concertation', '1  الفصل الثاني']);
    const version = await api.ok<VersionSummary>('POST', `/api/guides/${g()}/versions`, { kind: 'provisional', label: 'v3' });
    await api.ok('PATCH', `/api/guides/${g()}`, { numbering: { enabled: false, unnumberedSectionIds: [] } });
    expect(await headings(`/api/guides/${g()}/export?format=docx`)).toEqual(['Chapitre 1', 'Concertation', 'الفصل الثاني']);
    expect(await headings(`/api/guides/${g()}/versions/${version.id}/export?format=docx`)).toEqual(['Chapitre 1', 'Concertation', '1  الفصل الثاني']);
    const html = new TextDecoder().decode((await download(`/api/guides/${g()}/export?format=html`)).bytes);
    expect(html).not.toContain('class="number"');
  });
});
